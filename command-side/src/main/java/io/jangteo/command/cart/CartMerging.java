package io.jangteo.command.cart;

import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartLine;
import io.jangteo.messages.cart.MergeCarts;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Merges a guest's cart into the member's own: the one cart command that touches two carts. Both are loaded through
 * the cart repository in the command's unit of work, so the guest cart's {@code GuestCartMerged} and the member cart's
 * {@code CartsMerged} are stored in one append, or neither is: no item is lost between the two, and a guest cart
 * cannot be merged twice (the second merge finds it empty). Two merges of one guest cart queue on its lock in this
 * JVM, and across nodes the later append fails on the sequence number the earlier one took.
 */
@Component
class CartMerging {

    private final Repository<Cart> carts;

    CartMerging(@Qualifier("cartRepository") Repository<Cart> carts) {
        this.carts = carts;
    }

    @CommandHandler
    long handle(MergeCarts command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole,
                @MetaDataValue(AuditKeys.ACTOR_ID) String actorId) throws Exception {
        MemberId member = CartRules.memberOf(command.cartId());
        if (member == null) {
            throw new CartRules.OnlyMemberCartsReceive();
        }
        CartAccessPolicy.assertMayChange(member, actorRole, actorId);
        CartRules.assertGuestCart(command.sourceCartId());
        List<CartLine> handed = load(command.sourceCartId())
                .map(source -> source.invoke(cart -> cart.handOver(command.cartId(), member)))
                .orElse(List.of());
        Aggregate<Cart> target = carts.loadOrCreate(command.cartId().value(), Cart::new);
        return target.invoke(cart -> cart.takeOver(command.cartId(), member, command.sourceCartId(), handed));
    }

    private Optional<Aggregate<Cart>> load(CartId cartId) {
        try {
            return Optional.of(carts.load(cartId.value()));
        } catch (AggregateNotFoundException neverFilled) {
            return Optional.empty();
        }
    }
}
