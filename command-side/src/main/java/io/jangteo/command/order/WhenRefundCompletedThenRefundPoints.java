package io.jangteo.command.order;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.RewardsId;
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
 * A refund gives the refunded lines' points back to the order's spending. Sent by {@code system:order-policies}.
 * <p>
 * Refunding points is not idempotent (a spending may be refunded in several parts), so each refund's points are kept
 * in {@value #COLLECTION} (key {@code <orderId>:<refundId>}) and given back exactly once: when an earlier run stopped
 * after sending, the member's rewards history says whether its {@code PointsRefunded} (with this refund's reason) is
 * there.
 */
@ProcessingGroup(OrderPolicies.PROCESSING_GROUP)
@DisallowReplay
class WhenRefundCompletedThenRefundPoints {

    static final String COLLECTION = "order_points_refunds";
    private static final Logger log = LoggerFactory.getLogger(WhenRefundCompletedThenRefundPoints.class);

    private final SystemCommands commands;
    private final EffectLedger refunds;
    private final EventStore eventStore;

    WhenRefundCompletedThenRefundPoints(CommandGateway commandGateway, MongoDatabase database, EventStore eventStore,
                                        Clock clock) {
        this.commands = new SystemCommands(commandGateway, OrderPolicies.ACTOR, log);
        this.refunds = new EffectLedger(database, COLLECTION, clock);
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(RefundCompleted event) {
        if (event.points() <= 0) {
            return;
        }
        RewardsId account;
        try {
            account = RewardsId.of(event.buyerId());
        } catch (IllegalArgumentException tooLong) {
            log.warn("Refund {} of order {} gives back {} points, but buyer {} can have no rewards account",
                    event.refundId(), event.orderId(), event.points(), event.buyerId());
            return;
        }
        String key = event.orderId().value() + ":" + event.refundId();
        String reason = reason(event);
        Optional<EffectLedger.State> earlier = refunds.begin(key, new Document("points", event.points()));
        if (earlier.isPresent() && earlier.get() != EffectLedger.State.SENDING) {
            return;
        }
        if (earlier.isPresent() && refunded(account, reason)) {
            refunds.finish(key, EffectLedger.State.DONE);
            return;
        }
        boolean sent = commands.send(new RefundPoints(account, event.buyerId(), event.orderId().pointsSpendId(),
                        event.points(), reason),
                "Giving back " + event.points() + " points for refund " + event.refundId() + " of order "
                        + event.orderId());
        refunds.finish(key, sent ? EffectLedger.State.DONE : EffectLedger.State.REFUSED);
    }

    private boolean refunded(RewardsId account, String reason) {
        return eventStore.readEvents(account.value(), 0).asStream()
                .map(message -> message.getPayload())
                .anyMatch(payload -> payload instanceof PointsRefunded refunded && reason.equals(refunded.reason()));
    }

    static String reason(RefundCompleted event) {
        return "refund " + event.refundId() + " of order " + event.orderId();
    }
}
