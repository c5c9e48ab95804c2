package io.jangteo.query.seller;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.query.history.StateReplay;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/** A shop at an instant, made by {@link SellerDirectoryProjection} itself. */
@Component
public final class SellerStateReplay implements StateReplay<SellerView> {

    private static final Set<String> BOOKKEEPING = Set.of(VersionedDocuments.VERSION, VersionedDocuments.CHANGE_SEQ,
            SellerDocument.POSITION, SellerDocument.UPDATED_AT);

    @Override
    public Set<String> aggregateTypes() {
        return Set.of("Seller");
    }

    @Override
    public Object projection(MongoDatabase scratch) {
        return new SellerDirectoryProjection(scratch, NOWHERE);
    }

    @Override
    public Document read(MongoDatabase scratch, String stateId) {
        return SellerDocument.collection(scratch).find(eq("_id", stateId)).first();
    }

    @Override
    public Set<String> bookkeeping() {
        return BOOKKEEPING;
    }

    @Override
    public SellerView view(Document state, Instant asOf) {
        return SellerDocument.toView(state);
    }
}
