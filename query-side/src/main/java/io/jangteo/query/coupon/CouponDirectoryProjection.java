package io.jangteo.query.coupon;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponIssued;
import io.jangteo.messages.coupon.CouponRedeemed;
import io.jangteo.messages.coupon.CouponRestored;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.coupon.CouponWithdrawn;
import io.jangteo.messages.coupon.FindCouponQuery;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * The coupon read model: one version-guarded document per coupon (see {@link VersionedDocuments}) and the orders each
 * member holds it with ({@link CouponUses}). A use is written before the coupon document that counts it, so a failure
 * between the two is mended by the redelivery: the use is skipped as seen, the count applied. Subscribers of
 * {@link FindCouponQuery} receive each new view, so a mutation can wait for the coupon's version.
 * <p>
 * The redemption count trusts the coupon aggregate, which redeems an order once and restores only an order holding it.
 */
@Component
@ProcessingGroup(CouponDirectoryProjection.PROCESSING_GROUP)
class CouponDirectoryProjection {

    static final String PROCESSING_GROUP = "coupon-directory";

    private final VersionedDocuments coupons;
    private final CouponUses uses;
    private final QueryUpdateEmitter updateEmitter;

    CouponDirectoryProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter) {
        this.coupons = new VersionedDocuments(CouponDocument.collection(database), new ChangeCounters(database),
                PROCESSING_GROUP);
        this.uses = new CouponUses(database);
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(CouponIssued event, @SequenceNumber long version) {
        emit(coupons.create(event.couponId().value(), version,
                position -> CouponDocument.issued(event, position)));
    }

    @EventHandler
    void on(CouponWithdrawn event, @SequenceNumber long version) {
        change(event.couponId(), version, document -> document
                .append(CouponDocument.STATUS, CouponStatus.WITHDRAWN.name())
                .append(CouponDocument.WITHDRAWN_AT,
                        event.withdrawnAt() == null ? null : BsonValues.millis(event.withdrawnAt())));
    }

    @EventHandler
    void on(CouponRedeemed event, @SequenceNumber long version) {
        uses.redeemed(event.couponId().value(), event.memberId().value(), event.orderId(), version);
        change(event.couponId(), version, document -> document.append(CouponDocument.REDEMPTIONS,
                BsonValues.number(document, CouponDocument.REDEMPTIONS) + 1));
    }

    @EventHandler
    void on(CouponRestored event, @SequenceNumber long version) {
        uses.restored(event.couponId().value(), event.memberId().value(), event.orderId(), version);
        change(event.couponId(), version, document -> document.append(CouponDocument.REDEMPTIONS,
                Math.max(0, BsonValues.number(document, CouponDocument.REDEMPTIONS) - 1)));
    }

    @ResetHandler
    void reset() {
        coupons.reset();
        uses.reset();
    }

    private void change(CouponId couponId, long version, UnaryOperator<Document> change) {
        emit(coupons.change(couponId.value(), version, change));
    }

    private void emit(Document written) {
        if (written == null) {
            return;
        }
        CouponView view = CouponDocument.toView(written);
        updateEmitter.emit(FindCouponQuery.class, query -> query.couponId().equals(view.couponId()), view);
    }
}
