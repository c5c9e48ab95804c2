package io.jangteo.command.seller;

import io.jangteo.messages.seller.ChangeSellerProfile;
import io.jangteo.messages.seller.RegisterSeller;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerProfileChanged;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerRejected;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.seller.ShippingPolicyChanged;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.OverseasShipping;
import io.jangteo.messages.shipping.OverseasZone;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.WeightBracket;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders shared by the seller aggregate's tests. */
final class SellerFixtures {

    static final SellerId SELLER_ID = SellerId.of("s-1");
    static final SellerId OTHER_SELLER = SellerId.of("s-2");
    static final String OWNER = "member-1";
    static final String SHOP_NAME = "Jeju Tangerine Farm";
    static final String REPRESENTATIVE = "Kim Minji";
    /** Samsung Electronics' published number: a real one, with a carry from the ninth digit. */
    static final String BUSINESS_NUMBER = "124-81-00998";
    static final String BUSINESS_DIGITS = "1248100998";
    static final String EMAIL = "shop@example.com";
    static final String PHONE = "010-1234-5678";
    static final String PHONE_DIGITS = "01012345678";
    static final SettlementAccount ACCOUNT = new SettlementAccount("088", "Kim Minji", "110-***-***789", "tok_1");
    static final String REASON = "Business licence could not be verified";

    private SellerFixtures() {
    }

    static RegisterSeller registerSeller() {
        return new RegisterSeller(SELLER_ID, SHOP_NAME, REPRESENTATIVE, BUSINESS_NUMBER, EMAIL, PHONE, ACCOUNT);
    }

    static RegisterSeller registerSeller(String shopName, String representative, String businessNumber,
                                         String email, String phone, SettlementAccount account) {
        return new RegisterSeller(SELLER_ID, shopName, representative, businessNumber, email, phone, account);
    }

    static SellerRegistered sellerRegistered() {
        return new SellerRegistered(SELLER_ID, SHOP_NAME, REPRESENTATIVE, BUSINESS_DIGITS, EMAIL, PHONE_DIGITS,
                ACCOUNT, OWNER);
    }

    static SellerApproved sellerApproved() {
        return new SellerApproved(SELLER_ID);
    }

    static SellerRejected sellerRejected() {
        return new SellerRejected(SELLER_ID, REASON);
    }

    static SellerSuspended sellerSuspended() {
        return new SellerSuspended(SELLER_ID, "Counterfeit goods reported");
    }

    static ChangeSellerProfile changeProfile(String shopName, String phone, SettlementAccount account) {
        return new ChangeSellerProfile(SELLER_ID, shopName, REPRESENTATIVE, EMAIL, phone, account);
    }

    static SellerProfileChanged profileChanged(String shopName, String phoneDigits, SettlementAccount account) {
        return new SellerProfileChanged(SELLER_ID, shopName, REPRESENTATIVE, EMAIL, phoneDigits, account);
    }

    static Money won(long amount) {
        return Money.won(amount);
    }

    /** 3,000 won a parcel, free from 50,000, Jeju +3,000, islands +5,000; no overseas. */
    static ShippingPolicy domesticPolicy() {
        return domesticPolicy(won(3_000));
    }

    static ShippingPolicy domesticPolicy(Money baseFee) {
        return new ShippingPolicy(baseFee, won(50_000), true, won(3_000), won(5_000), null, won(3_000), won(6_000));
    }

    static ShippingPolicy policyAbroad(OverseasZone... zones) {
        return new ShippingPolicy(won(3_000), won(50_000), true, won(3_000), won(5_000),
                new OverseasShipping(List.of(zones)), won(3_000), won(6_000));
    }

    static OverseasZone zone(String name, Set<String> countries, WeightBracket... brackets) {
        return new OverseasZone(name, countries, List.of(brackets));
    }

    static WeightBracket bracket(long maxGrams, long fee) {
        return new WeightBracket(maxGrams, won(fee));
    }

    static OverseasZone asia() {
        return zone("Asia", Set.of("JP", "CN"), bracket(500, 8_000), bracket(2_000, 15_000));
    }

    static ShippingPolicyChanged policyChanged(int policyVersion, ShippingPolicy policy) {
        return new ShippingPolicyChanged(SELLER_ID, policyVersion, policy);
    }

    static Map<String, Object> registrant() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.CUSTOMER.name(), AuditKeys.ACTOR_ID, OWNER);
    }

    static Map<String, Object> seller(SellerId shop) {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SELLER.name(), AuditKeys.ACTOR_SELLER_ID, shop.value(),
                AuditKeys.ACTOR_ID, OWNER);
    }

    static Map<String, Object> actingAs(ActorRole role) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name(), AuditKeys.ACTOR_ID, role.name().toLowerCase() + "-1");
    }

    static String ofLength(int codePoints) {
        return "가".repeat(codePoints);
    }
}
