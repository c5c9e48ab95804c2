package io.jangteo.graphql.order;

import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.order.OrderView;

import java.util.List;

/**
 * Result of an order mutation. {@code orderId} is there even when the order is not: checkout may still be running
 * when the wait ends, and a client keeps the id to ask again.
 */
record OrderPayload(String orderId, OrderView order, List<UserError> errors) {

    OrderPayload {
        errors = List.copyOf(errors);
    }

    static OrderPayload refused(UserError error) {
        return new OrderPayload(null, null, List.of(error));
    }
}
