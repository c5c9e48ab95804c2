package io.jangteo.query.shared;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Subscribes to a query's updates the way the GraphQL layer does, collecting what arrives. */
public final class Subscriptions {

    private Subscriptions() {
    }

    public static <U> List<U> subscribe(QueryUpdateEmitter emitter, Object query, Class<U> updateType) {
        UpdateHandlerRegistration<U> registration = emitter.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(query, ResponseTypes.instanceOf(Object.class),
                        ResponseTypes.instanceOf(updateType)),
                64);
        List<U> received = new CopyOnWriteArrayList<>();
        registration.getUpdates().map(Message::getPayload).subscribe(received::add);
        return received;
    }
}
