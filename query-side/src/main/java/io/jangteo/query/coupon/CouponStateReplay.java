package io.jangteo.query.coupon;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.query.history.StateReplay;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/** A coupon at an instant, made by {@link CouponDirectoryProjection} itself, so the audit log can say what changed. */
@Component
public final class CouponStateReplay implements StateReplay<CouponView> {

    private static final Set<String> BOOKKEEPING = Set.of(VersionedDocuments.VERSION, VersionedDocuments.CHANGE_SEQ,
            CouponDocument.POSITION);

    @Override
    public Set<String> aggregateTypes() {
        return Set.of("Coupon");
    }

    @Override
    public Object projection(MongoDatabase scratch) {
        return new CouponDirectoryProjection(scratch, NOWHERE);
    }

    @Override
    public Document read(MongoDatabase scratch, String stateId) {
        return CouponDocument.collection(scratch).find(eq("_id", stateId)).first();
    }

    @Override
    public Set<String> bookkeeping() {
        return BOOKKEEPING;
    }

    @Override
    public CouponView view(Document state, Instant asOf) {
        return CouponDocument.toView(state);
    }
}
