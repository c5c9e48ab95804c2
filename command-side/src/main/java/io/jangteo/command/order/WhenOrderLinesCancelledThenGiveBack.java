package io.jangteo.command.order;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.ReceiveStock;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.coupon.RestoreCoupon;
import io.jangteo.messages.order.CancelledLine;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLinesCancelled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Paid lines were cancelled before shipment: their goods go back to stock, and a cancellation of the whole order gives
 * its coupon use back. Sent by {@code system:order-policies}.
 * <p>
 * Receiving stock is not idempotent, so each line's restock is kept in {@value #COLLECTION} (key
 * {@code <orderId>:<lineId>}) and sent once. When an earlier run stopped after sending, the product's own history
 * says whether the stock arrived: its {@code StockReceived} names the order and line in its reason. Restoring a
 * coupon is idempotent by itself.
 */
@ProcessingGroup(OrderPolicies.PROCESSING_GROUP)
@DisallowReplay
class WhenOrderLinesCancelledThenGiveBack {

    static final String COLLECTION = "order_restocks";
    private static final Logger log = LoggerFactory.getLogger(WhenOrderLinesCancelledThenGiveBack.class);

    private final SystemCommands commands;
    private final EffectLedger restocks;
    private final EventStore eventStore;

    WhenOrderLinesCancelledThenGiveBack(CommandGateway commandGateway, MongoDatabase database, EventStore eventStore,
                                        Clock clock) {
        this.commands = new SystemCommands(commandGateway, OrderPolicies.ACTOR, log);
        this.restocks = new EffectLedger(database, COLLECTION, clock);
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(OrderLinesCancelled event) {
        for (CancelledLine line : event.lines()) {
            restock(event.orderId(), line);
        }
        if (event.couponToRestore() != null) {
            commands.send(new RestoreCoupon(event.couponToRestore(), event.orderId().value(),
                            "order " + event.orderId() + " cancelled"),
                    "Restoring coupon " + event.couponToRestore() + " of cancelled order " + event.orderId());
        }
    }

    private void restock(OrderId orderId, CancelledLine line) {
        String key = orderId.value() + ":" + line.lineId();
        String reason = reason(orderId, line.lineId());
        Optional<EffectLedger.State> earlier = restocks.begin(key, new Document("productId", line.productId().value())
                .append("variantId", line.variantId().value()).append("quantity", line.quantity()));
        if (earlier.isPresent() && earlier.get() != EffectLedger.State.SENDING) {
            return;
        }
        if (earlier.isPresent() && received(line, reason)) {
            restocks.finish(key, EffectLedger.State.DONE);
            return;
        }
        boolean sent = commands.send(new ReceiveStock(line.productId(), line.variantId(), line.quantity(), reason),
                "Restocking " + line.quantity() + " of " + line.productId() + "/" + line.variantId() + " for order "
                        + orderId + " line " + line.lineId());
        restocks.finish(key, sent ? EffectLedger.State.DONE : EffectLedger.State.REFUSED);
    }

    /** Only asked after an interrupted run: it reads the product's whole history. */
    private boolean received(CancelledLine line, String reason) {
        return eventStore.readEvents(line.productId().value(), 0).asStream()
                .map(message -> message.getPayload())
                .anyMatch(payload -> payload instanceof StockReceived received
                        && received.variantId().equals(line.variantId()) && reason.equals(received.reason()));
    }

    static String reason(OrderId orderId, String lineId) {
        return "order " + orderId + " line " + lineId + " cancelled";
    }
}
