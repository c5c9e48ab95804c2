package io.jangteo.query.cart;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.cart.CartView;
import io.jangteo.query.history.StateReplay;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/** A cart at an instant, made by {@link CartViewProjection} itself, so the audit log can say what changed. */
@Component
public final class CartStateReplay implements StateReplay<CartView> {

    private static final Set<String> BOOKKEEPING = Set.of(VersionedDocuments.VERSION, VersionedDocuments.CHANGE_SEQ,
            CartDocument.UPDATED_AT);

    @Override
    public Set<String> aggregateTypes() {
        return Set.of("Cart");
    }

    @Override
    public Object projection(MongoDatabase scratch) {
        return new CartViewProjection(scratch, NOWHERE);
    }

    @Override
    public Document read(MongoDatabase scratch, String stateId) {
        return CartDocument.collection(scratch).find(eq("_id", stateId)).first();
    }

    @Override
    public Set<String> bookkeeping() {
        return BOOKKEEPING;
    }

    @Override
    public CartView view(Document state, Instant asOf) {
        return CartDocument.toView(state);
    }
}
