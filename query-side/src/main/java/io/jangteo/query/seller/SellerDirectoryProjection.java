package io.jangteo.query.seller;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.seller.FindSellerQuery;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerProfileChanged;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerReinstated;
import io.jangteo.messages.seller.SellerRejected;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.seller.ShippingPolicyChanged;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The seller directory read model, one document per shop, version-guarded (see {@link VersionedDocuments}).
 * Subscribers of {@link FindSellerQuery} receive each new view, so an admin's approval shows at once.
 */
@Component
@ProcessingGroup(SellerDirectoryProjection.PROCESSING_GROUP)
class SellerDirectoryProjection {

    static final String PROCESSING_GROUP = "seller-directory";

    private final VersionedDocuments sellers;
    private final QueryUpdateEmitter updateEmitter;

    SellerDirectoryProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter) {
        this.sellers = new VersionedDocuments(SellerDocument.collection(database), new ChangeCounters(database),
                PROCESSING_GROUP);
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(SellerRegistered event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        emit(sellers.create(event.sellerId().value(), version,
                position -> SellerDocument.registered(event, position, occurredAt)));
    }

    @EventHandler
    void on(SellerProfileChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.sellerId(), version, occurredAt, document -> document
                .append(SellerDocument.SHOP_NAME, event.shopName())
                .append(SellerDocument.REPRESENTATIVE, event.representative())
                .append(SellerDocument.CONTACT_EMAIL, event.contactEmail())
                .append(SellerDocument.CONTACT_PHONE, event.contactPhone())
                .append(SellerDocument.SETTLEMENT_ACCOUNT, SellerDocument.account(event.settlementAccount())));
    }

    @EventHandler
    void on(SellerApproved event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.sellerId(), version, occurredAt, status(SellerStatus.ACTIVE, null));
    }

    @EventHandler
    void on(SellerRejected event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.sellerId(), version, occurredAt, status(SellerStatus.REJECTED, event.reason()));
    }

    @EventHandler
    void on(SellerSuspended event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.sellerId(), version, occurredAt, status(SellerStatus.SUSPENDED, event.reason()));
    }

    @EventHandler
    void on(SellerReinstated event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.sellerId(), version, occurredAt, status(SellerStatus.ACTIVE, event.reason()));
    }

    @EventHandler
    void on(ShippingPolicyChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.sellerId(), version, occurredAt, document -> document
                .append(SellerDocument.SHIPPING_POLICY, SellerDocument.policy(event.policy()))
                .append(SellerDocument.SHIPPING_POLICY_VERSION, event.policyVersion()));
    }

    @ResetHandler
    void reset() {
        sellers.reset();
    }

    private static UnaryOperator<Document> status(SellerStatus status, String reason) {
        return document -> document
                .append(SellerDocument.STATUS, status.name())
                .append(SellerDocument.STATUS_REASON, reason);
    }

    private void change(SellerId sellerId, long version, Instant occurredAt, UnaryOperator<Document> change) {
        emit(sellers.change(sellerId.value(), version,
                document -> change.apply(document).append(SellerDocument.UPDATED_AT, BsonValues.millis(occurredAt))));
    }

    private void emit(Document written) {
        if (written == null) {
            return;
        }
        SellerView view = SellerDocument.toView(written);
        updateEmitter.emit(FindSellerQuery.class, query -> query.sellerId().value().equals(view.id()), view);
    }
}
