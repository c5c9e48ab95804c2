package io.jangteo.command.order;

import io.jangteo.command.schedule.ScheduledCommands;
import io.jangteo.messages.order.ConfirmPurchase;
import io.jangteo.messages.order.ExchangeRejected;
import io.jangteo.messages.order.ExchangeShipped;
import io.jangteo.messages.order.ExpireOrder;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.ReturnReceived;
import io.jangteo.messages.order.ReturnRejected;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.seller.SellerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import java.time.Instant;

/**
 * An order's deadlines, as persistent scheduled commands sent by {@code system:order-deadlines}: an unpaid order
 * expires at its payment's {@code expiresAt} ({@code order-expiry:<orderId>}), and a delivered part is confirmed for
 * the buyer at its {@code autoConfirmAt} ({@code order-confirm:<orderId>:<sellerId>}).
 * <p>
 * Axon's {@code SimpleDeadlineManager} forgets its deadlines on a restart, and its persistent managers need Quartz,
 * db-scheduler or JobRunr stores that neither runtime mode has; {@link ScheduledCommands} lives in the read store of
 * both. Both commands do nothing once the order has moved on, so a deadline is only withdrawn to keep the schedule
 * small, never for correctness. A claim on a delivered part holds its confirmation off (the command finds nothing to
 * do while it is open), so the end of a claim sets the part's deadline again, a full period later.
 */
@ProcessingGroup(OrderDeadlines.PROCESSING_GROUP)
@DisallowReplay
class OrderDeadlines {

    static final String PROCESSING_GROUP = "order-deadlines";
    static final String ACTOR = "order-deadlines";

    private final ScheduledCommands scheduled;
    private final OrderSettings settings;

    OrderDeadlines(ScheduledCommands scheduled, OrderSettings settings) {
        this.scheduled = scheduled;
        this.settings = settings;
    }

    static String expiryKey(OrderId orderId) {
        return "order-expiry:" + orderId.value();
    }

    static String confirmKey(OrderId orderId, SellerId sellerId) {
        return "order-confirm:" + orderId.value() + ":" + sellerId.value();
    }

    @EventHandler
    void on(PaymentRequested event) {
        // brand pay is settled in the same command and has no deadline
        if (event.expiresAt() != null) {
            scheduled.schedule(expiryKey(event.orderId()), event.expiresAt(), new ExpireOrder(event.orderId()), ACTOR);
        }
    }

    @EventHandler
    void on(PaymentApproved event) {
        scheduled.cancel(expiryKey(event.orderId()));
    }

    @EventHandler
    void on(PaymentDeclined event) {
        scheduled.cancel(expiryKey(event.orderId()));
    }

    @EventHandler
    void on(OrderCancelled event) {
        scheduled.cancel(expiryKey(event.orderId()));
    }

    @EventHandler
    void on(SellerPartDelivered event) {
        confirmAt(event.orderId(), event.sellerId(), event.autoConfirmAt());
    }

    @EventHandler
    void on(ReturnRejected event) {
        confirmAt(event.orderId(), event.sellerId(), event.rejectedAt().plus(settings.autoConfirmAfter()));
    }

    @EventHandler
    void on(ReturnReceived event) {
        confirmAt(event.orderId(), event.sellerId(), event.receivedAt().plus(settings.autoConfirmAfter()));
    }

    @EventHandler
    void on(ExchangeRejected event) {
        confirmAt(event.orderId(), event.sellerId(), event.rejectedAt().plus(settings.autoConfirmAfter()));
    }

    @EventHandler
    void on(ExchangeShipped event) {
        confirmAt(event.orderId(), event.sellerId(), event.shippedAt().plus(settings.autoConfirmAfter()));
    }

    @EventHandler
    void on(PurchaseConfirmed event) {
        scheduled.cancel(confirmKey(event.orderId(), event.sellerId()));
    }

    private void confirmAt(OrderId orderId, SellerId sellerId, Instant dueAt) {
        scheduled.schedule(confirmKey(orderId, sellerId), dueAt, new ConfirmPurchase(orderId, sellerId), ACTOR);
    }
}
