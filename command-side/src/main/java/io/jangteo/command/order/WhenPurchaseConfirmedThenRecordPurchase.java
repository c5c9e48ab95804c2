package io.jangteo.command.order;

import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.rewards.RecordPurchaseConfirmed;
import io.jangteo.messages.rewards.RewardsId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A confirmed purchase (구매확정) counts toward the buyer's grade and earns points at their grade's rate, once per
 * seller part: the purchase id {@code <orderId>/<sellerId>} makes the rewards account record it once, however often
 * this runs. A part confirmed for nothing (returned in full) earns nothing and is not sent.
 */
@ProcessingGroup(OrderPolicies.PROCESSING_GROUP)
@DisallowReplay
class WhenPurchaseConfirmedThenRecordPurchase {

    private static final Logger log = LoggerFactory.getLogger(WhenPurchaseConfirmedThenRecordPurchase.class);

    private final SystemCommands commands;

    WhenPurchaseConfirmedThenRecordPurchase(CommandGateway commandGateway) {
        this.commands = new SystemCommands(commandGateway, OrderPolicies.ACTOR, log);
    }

    @EventHandler
    void on(PurchaseConfirmed event) {
        if (event.amount().amount() <= 0) {
            return;
        }
        RewardsId account;
        try {
            account = RewardsId.of(event.buyerId());
        } catch (IllegalArgumentException tooLong) {
            log.warn("Order {} part {} was confirmed, but buyer {} can have no rewards account", event.orderId(),
                    event.sellerId(), event.buyerId());
            return;
        }
        String purchaseId = event.orderId().value() + "/" + event.sellerId().value();
        commands.send(new RecordPurchaseConfirmed(account, event.buyerId(), purchaseId, event.amount()),
                "Recording purchase " + purchaseId + " of " + event.amount());
    }
}
