package io.jangteo.query.order;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.order.FindOrderHistoryQuery;
import io.jangteo.messages.order.FindOrderQuery;
import io.jangteo.messages.order.FindOrdersQuery;
import io.jangteo.messages.order.OrderHistoryPage;
import io.jangteo.messages.order.OrderPage;
import io.jangteo.messages.order.OrderView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Order reads: one order and order lists from MongoDB, each order as the query's viewer may see it (see
 * {@link OrderVisibility}); the history from the event store, whose readers the API decides.
 */
@Component
class OrderQueryHandler {

    private final OrderSummaries summaries;
    private final OrderHistory history;

    OrderQueryHandler(MongoDatabase database, OrderHistory history) {
        this.summaries = new OrderSummaries(database);
        this.history = history;
    }

    @QueryHandler
    Optional<OrderView> find(FindOrderQuery query) {
        return summaries.find(query.orderId(), query.viewer());
    }

    @QueryHandler
    OrderPage find(FindOrdersQuery query) {
        return summaries.page(query.filter(), query.viewer(), query.first(), query.after());
    }

    @QueryHandler
    OrderHistoryPage find(FindOrderHistoryQuery query) {
        return history.page(query.orderId(), query.first(), query.after());
    }
}
