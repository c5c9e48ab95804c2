package io.jangteo.command.cart;

import io.jangteo.messages.cart.AddCartItem;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemAdded;
import io.jangteo.messages.cart.CartItemKey;
import io.jangteo.messages.cart.CartItemQuantityChanged;
import io.jangteo.messages.cart.CartItemRemoved;
import io.jangteo.messages.cart.CartItemsOrdered;
import io.jangteo.messages.cart.CartLine;
import io.jangteo.messages.cart.CartsMerged;
import io.jangteo.messages.cart.ChangeCartItemQuantity;
import io.jangteo.messages.cart.GuestCartMerged;
import io.jangteo.messages.cart.MergedCartLine;
import io.jangteo.messages.cart.RemoveCartItem;
import io.jangteo.messages.cart.RemoveOrderedItems;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A cart (장바구니): which variants, how many of each, in the order they were first put in. No prices: the cart view
 * quotes current prices each time it is shown, so a cart never shows or charges yesterday's price.
 * <p>
 * A cart opens with its first line, so every handler creates it if missing and every event names it; handlers return
 * the cart's version (the sequence number of its last event, -1 while it has none), so the API can wait until the read
 * model shows exactly this change. The cart knows nothing of the catalog: an id of a product that does not exist, or
 * no longer sells, is kept, and the cart view marks the line as not purchasable.
 * <p>
 * Merging a guest's cart into a member's touches two carts; {@link CartMerging} loads both and calls
 * {@link #handOver} and {@link #takeOver} in one unit of work, so both carts' events are stored together or not at all.
 * Kept in the aggregate cache: every change of quantity is an event, so an active cart's stream only grows.
 */
@Aggregate(cache = "aggregateCache")
public class Cart {

    @AggregateIdentifier
    private CartId cartId;
    /** In the order first added: a changed quantity keeps a line's place. */
    private final Map<CartItemKey, Long> lines = new LinkedHashMap<>();
    /** Orders whose lines already left this cart; a redelivered order removes nothing added since. */
    private final Set<OrderId> orders = new HashSet<>();
    private long version = -1;

    protected Cart() {
        // for Axon, and as the empty cart the first command starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AddCartItem command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        MemberId member = CartRules.memberOf(command.cartId());
        CartAccessPolicy.assertMayChange(member, actorRole, actorId);
        long added = CartRules.quantity(command.quantity());
        CartItemKey key = new CartItemKey(command.productId(), command.variantId());
        Long held = lines.get(key);
        if (held == null) {
            CartRules.assertRoomForAnotherLine(lines.size());
        }
        long quantity = held == null ? added : CartRules.sum(held, added);
        apply(new CartItemAdded(command.cartId(), member, command.productId(), command.variantId(), added, quantity));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeCartItemQuantity command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        MemberId member = CartRules.memberOf(command.cartId());
        CartAccessPolicy.assertMayChange(member, actorRole, actorId);
        long quantity = CartRules.quantity(command.quantity());
        long held = held(new CartItemKey(command.productId(), command.variantId()));
        if (held != quantity) {
            apply(new CartItemQuantityChanged(command.cartId(), member, command.productId(), command.variantId(),
                    held, quantity));
        }
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RemoveCartItem command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) {
        MemberId member = CartRules.memberOf(command.cartId());
        CartAccessPolicy.assertMayChange(member, actorRole, actorId);
        long held = held(new CartItemKey(command.productId(), command.variantId()));
        apply(new CartItemRemoved(command.cartId(), member, command.productId(), command.variantId(), held));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RemoveOrderedItems command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        CartAccessPolicy.assertSystem(actorRole);
        MemberId member = CartRules.memberOf(command.cartId());
        if (orders.contains(command.orderId())) {
            return version;
        }
        List<CartLine> ordered = new ArrayList<>();
        for (CartItemKey key : new LinkedHashSet<>(command.items())) {
            Long held = lines.get(key);
            if (held != null) {
                ordered.add(new CartLine(key.productId(), key.variantId(), held));
            }
        }
        // nothing of the order is here (removed by hand, or never added): nothing happened to this cart
        if (!ordered.isEmpty()) {
            apply(new CartItemsOrdered(command.cartId(), member, command.orderId(), ordered));
        }
        return version;
    }

    /**
     * This guest cart gives all its lines to the member's cart {@code into} and is empty afterwards.
     *
     * @return the lines handed over; none when the cart is empty (already merged, or never filled)
     */
    List<CartLine> handOver(CartId into, MemberId member) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<CartLine> handed = new ArrayList<>(lines.size());
        lines.forEach((key, quantity) -> handed.add(new CartLine(key.productId(), key.variantId(), quantity)));
        apply(new GuestCartMerged(cartId, into, member, handed));
        return handed;
    }

    /**
     * This member cart ({@code target}; this may be its first event) takes a guest cart's lines: quantities of a
     * variant it holds add up, capped at the per-line limit; new variants follow in the guest cart's order while
     * there is room for another line.
     *
     * @return the cart's version
     */
    long takeOver(CartId target, MemberId member, CartId source, List<CartLine> handed) {
        if (handed.isEmpty()) {
            return version;
        }
        List<MergedCartLine> merged = new ArrayList<>();
        List<CartLine> leftOut = new ArrayList<>();
        int lineCount = lines.size();
        for (CartLine line : handed) {
            Long held = lines.get(new CartItemKey(line.productId(), line.variantId()));
            if (held != null) {
                long quantity = CartRules.cappedSum(held, line.quantity());
                merged.add(new MergedCartLine(line.productId(), line.variantId(), quantity - held, quantity));
            } else if (lineCount < CartRules.MAX_LINES) {
                long quantity = CartRules.cappedSum(0, line.quantity());
                merged.add(new MergedCartLine(line.productId(), line.variantId(), quantity, quantity));
                lineCount++;
            } else {
                leftOut.add(line);
            }
        }
        apply(new CartsMerged(target, member, source, merged, leftOut));
        return version;
    }

    private long held(CartItemKey key) {
        Long held = lines.get(key);
        if (held == null) {
            throw new CartRules.NoSuchLine();
        }
        return held;
    }

    // ---- state: every event may be a cart's first, so each one names it

    @EventSourcingHandler
    void on(CartItemAdded event, @SequenceNumber long sequenceNumber) {
        identify(event.cartId(), sequenceNumber);
        lines.put(new CartItemKey(event.productId(), event.variantId()), event.quantity());
    }

    @EventSourcingHandler
    void on(CartItemQuantityChanged event, @SequenceNumber long sequenceNumber) {
        identify(event.cartId(), sequenceNumber);
        lines.put(new CartItemKey(event.productId(), event.variantId()), event.quantity());
    }

    @EventSourcingHandler
    void on(CartItemRemoved event, @SequenceNumber long sequenceNumber) {
        identify(event.cartId(), sequenceNumber);
        lines.remove(new CartItemKey(event.productId(), event.variantId()));
    }

    @EventSourcingHandler
    void on(CartsMerged event, @SequenceNumber long sequenceNumber) {
        identify(event.cartId(), sequenceNumber);
        for (MergedCartLine line : event.lines()) {
            lines.put(new CartItemKey(line.productId(), line.variantId()), line.quantity());
        }
    }

    @EventSourcingHandler
    void on(GuestCartMerged event, @SequenceNumber long sequenceNumber) {
        identify(event.cartId(), sequenceNumber);
        lines.clear();
    }

    @EventSourcingHandler
    void on(CartItemsOrdered event, @SequenceNumber long sequenceNumber) {
        identify(event.cartId(), sequenceNumber);
        for (CartLine line : event.lines()) {
            lines.remove(new CartItemKey(line.productId(), line.variantId()));
        }
        orders.add(event.orderId());
    }

    private void identify(CartId cart, long sequenceNumber) {
        cartId = cart;
        version = sequenceNumber;
    }
}
