package io.jangteo.query.order;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.history.StateReplay;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * An order at an instant, made by {@link OrderSummaryProjection} itself, and shown to a viewer by the live query's
 * rule ({@link OrderVisibility}), so the past never shows a viewer more than the present would.
 */
@Component
public final class OrderStateReplay implements StateReplay<OrderView> {

    private static final Set<String> BOOKKEEPING = Set.of(VersionedDocuments.VERSION, VersionedDocuments.CHANGE_SEQ,
            OrderSummaryDocument.UPDATED_AT);

    @Override
    public Set<String> aggregateTypes() {
        return Set.of("Order");
    }

    @Override
    public Object projection(MongoDatabase scratch) {
        return new OrderSummaryProjection(scratch, NOWHERE);
    }

    @Override
    public Document read(MongoDatabase scratch, String stateId) {
        return OrderSummaryDocument.collection(scratch).find(eq("_id", stateId)).first();
    }

    @Override
    public Set<String> bookkeeping() {
        return BOOKKEEPING;
    }

    @Override
    public Set<String> personalFields() {
        return Set.of(OrderSummaryDocument.SHIPPING_ADDRESS);
    }

    @Override
    public String dataSubject(String stateId, Document state) {
        return state == null ? null : state.getString(OrderSummaryDocument.BUYER_ID);
    }

    @Override
    public OrderView view(Document state, Instant asOf) {
        return OrderSummaryDocument.toView(state);
    }

    @Override
    public Optional<OrderView> visibleTo(Viewer viewer, OrderView view) {
        return OrderVisibility.as(viewer, view);
    }
}
