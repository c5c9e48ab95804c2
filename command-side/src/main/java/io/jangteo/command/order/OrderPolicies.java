package io.jangteo.command.order;

/** What the order policies share: one processing group, one system actor. */
final class OrderPolicies {

    static final String PROCESSING_GROUP = "order-policies";
    static final String ACTOR = "order-policies";

    private OrderPolicies() {
    }
}
