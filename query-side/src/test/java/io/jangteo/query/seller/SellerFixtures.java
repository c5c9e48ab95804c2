package io.jangteo.query.seller;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.seller.ShippingPolicyChanged;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.OverseasShipping;
import io.jangteo.messages.shipping.OverseasZone;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.WeightBracket;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.List;
import java.util.Set;

/** Seller events and wiring for tests of this and other query-side packages. */
public final class SellerFixtures {

    public static final SettlementAccount ACCOUNT = new SettlementAccount("088", "김판매", "110-***-***789", "tok-1");

    private SellerFixtures() {
    }

    public static Object projection(MongoDatabase database, QueryUpdateEmitter emitter) {
        return new SellerDirectoryProjection(database, emitter);
    }

    public static SellerRegistered registered(String sellerId, String shopName) {
        return new SellerRegistered(SellerId.of(sellerId), shopName, "김대표", "1234567890", "shop@example.kr",
                "010-1234-5678", ACCOUNT, "actor-" + sellerId);
    }

    /** Registers and approves a shop with a domestic policy: 3,000 won a shipment, free from 30,000 won. */
    public static void activeSeller(EventFeed feed, String sellerId, ShippingPolicy policy) {
        feed.next(sellerId, registered(sellerId, "Shop " + sellerId));
        feed.next(sellerId, new SellerApproved(SellerId.of(sellerId)));
        if (policy != null) {
            feed.next(sellerId, new ShippingPolicyChanged(SellerId.of(sellerId), 1, policy));
        }
    }

    public static ShippingPolicy domesticPolicy(boolean bundle) {
        return new ShippingPolicy(Money.won(3_000), Money.won(30_000), bundle, Money.won(4_000), Money.won(6_000),
                null, Money.won(5_000), Money.won(6_000));
    }

    public static ShippingPolicy worldwidePolicy() {
        return new ShippingPolicy(Money.won(3_000), Money.won(30_000), true, Money.won(4_000), Money.won(6_000),
                new OverseasShipping(List.of(new OverseasZone("Asia", Set.of("JP", "CN"), List.of(
                        new WeightBracket(1_000, Money.won(15_000)), new WeightBracket(5_000, Money.won(30_000)))))),
                Money.won(5_000), Money.won(6_000));
    }
}
