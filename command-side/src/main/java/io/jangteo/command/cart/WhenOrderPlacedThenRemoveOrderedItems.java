package io.jangteo.command.cart;

import io.jangteo.command.schedule.Refusals;
import io.jangteo.command.schedule.SystemActor;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemKey;
import io.jangteo.messages.cart.RemoveOrderedItems;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An order placed from a cart takes its variants out of that cart, as the system actor {@code system:cart}; the
 * cart's other lines stay for a later order. Only the buyer's own cart, or a guest cart (whose token the buyer held
 * when ordering), is touched: an order naming another member's cart changes nothing there. The cart ignores an order
 * it has seen, so a redelivered event is harmless; a reset of this processor sends nothing again. A failure other than
 * a refusal is thrown, for the processor to retry (or park as a dead letter).
 */
@Component
@ProcessingGroup(WhenOrderPlacedThenRemoveOrderedItems.PROCESSING_GROUP)
@DisallowReplay
class WhenOrderPlacedThenRemoveOrderedItems {

    static final String PROCESSING_GROUP = "cart-checkout";
    static final String ACTOR = "cart";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(WhenOrderPlacedThenRemoveOrderedItems.class);

    private final CommandGateway commandGateway;

    WhenOrderPlacedThenRemoveOrderedItems(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(OrderPlaced event) {
        if (event.cartId() == null || event.quote() == null) {
            return;
        }
        Optional<CartId> cart = buyersCart(event);
        if (cart.isEmpty()) {
            log.warn("Order {} names cart '{}', which is not its buyer's: the cart is left as it is", event.orderId(),
                    event.cartId());
            return;
        }
        Set<CartItemKey> ordered = new LinkedHashSet<>();
        for (QuotedLine line : event.quote().lines()) {
            ordered.add(new CartItemKey(line.productId(), line.variantId()));
        }
        if (ordered.isEmpty()) {
            return;
        }
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new RemoveOrderedItems(cart.get(), event.orderId(), List.copyOf(ordered)))
                            .andMetaData(SystemActor.metaData(ACTOR)),
                    COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException failure) {
            Optional<RuleViolation> refusal = Refusals.permanent(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            log.warn("Removing the items of order {} from cart {} was refused: {} {}", event.orderId(), cart.get(),
                    refusal.get().code(), refusal.get().message());
        }
    }

    private static Optional<CartId> buyersCart(OrderPlaced event) {
        try {
            CartId cart = CartId.of(event.cartId());
            if (cart.isGuest() || (event.buyerId() != null && cart.equals(CartId.ofMember(event.buyerId())))) {
                return Optional.of(cart);
            }
        } catch (IllegalArgumentException notACartId) {
            // falls through: no cart of anybody's
        }
        return Optional.empty();
    }
}
