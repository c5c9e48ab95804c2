package io.jangteo.command.cart;

import io.jangteo.command.schedule.Refusals;
import io.jangteo.messages.cart.AddCartItem;
import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartsMerged;
import io.jangteo.messages.cart.GuestCartMerged;
import io.jangteo.messages.cart.MergeCarts;
import io.jangteo.messages.cart.MergedCartLine;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jangteo.command.cart.CartFixtures.BLUE_L;
import static io.jangteo.command.cart.CartFixtures.GUEST_CART;
import static io.jangteo.command.cart.CartFixtures.MEMBER;
import static io.jangteo.command.cart.CartFixtures.MEMBER_CART;
import static io.jangteo.command.cart.CartFixtures.MUG;
import static io.jangteo.command.cart.CartFixtures.SHIRT;
import static io.jangteo.command.cart.CartFixtures.WHITE_M;
import static io.jangteo.command.cart.CartFixtures.actingAs;
import static io.jangteo.command.cart.CartFixtures.anonymous;
import static io.jangteo.command.cart.CartFixtures.line;
import static io.jangteo.command.cart.CartFixtures.theMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A guest's cart merged into a member's: both carts' events, the caps, and what is refused. */
class CartMergingTest {

    private final CartBus bus = CartBus.start();

    @AfterEach
    void tearDown() {
        bus.eventStore().shutDown();
    }

    private Object send(Object command, Map<String, Object> actor) {
        return bus.gateway().sendAndWait(command, MetaData.from(actor));
    }

    private RuleViolation refusal(Object command, Map<String, Object> actor) {
        Throwable failure = catchThrowable(() -> send(command, actor));
        return Refusals.permanent(failure).orElseThrow(() -> new AssertionError("not refused: " + failure));
    }

    @Test
    void theGuestsLinesJoinTheMembersWithQuantitiesOfAVariantAddedUp() {
        send(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 2), anonymous());
        send(new AddCartItem(GUEST_CART, MUG, WHITE_M, 1), anonymous());
        send(new AddCartItem(MEMBER_CART, SHIRT, BLUE_L, 4), theMember());
        send(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 1), theMember());

        Object version = send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        assertThat(version).isEqualTo(2L);
        assertThat(bus.payloads(MEMBER_CART).get(2)).isEqualTo(new CartsMerged(MEMBER_CART, MEMBER, GUEST_CART,
                List.of(new MergedCartLine(SHIRT, WHITE_M, 2, 3), new MergedCartLine(MUG, WHITE_M, 1, 1)), List.of()));
        assertThat(bus.payloads(GUEST_CART).get(2)).isEqualTo(new GuestCartMerged(GUEST_CART, MEMBER_CART, MEMBER,
                List.of(line(SHIRT, WHITE_M, 2), line(MUG, WHITE_M, 1))));
    }

    @Test
    void bothCartsRecordTheMemberAsWhoMergedThem() {
        send(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 2), anonymous());

        send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        DomainEventMessage<?> merged = bus.events(MEMBER_CART).get(0);
        DomainEventMessage<?> handedOver = bus.events(GUEST_CART).get(1);
        assertThat(merged.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo(MEMBER.value());
        assertThat(handedOver.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo(MEMBER.value());
        assertThat(handedOver.getMetaData().get(AuditKeys.ACTOR_ROLE)).isEqualTo("CUSTOMER");
    }

    @Test
    void aMemberWithoutACartGetsOneFromTheMerge() {
        send(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 2), anonymous());

        Object version = send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        assertThat(version).isEqualTo(0L);
        assertThat(bus.payloads(MEMBER_CART)).containsExactly(new CartsMerged(MEMBER_CART, MEMBER, GUEST_CART,
                List.of(new MergedCartLine(SHIRT, WHITE_M, 2, 2)), List.of()));
    }

    @Test
    void aGuestCartCannotBeMergedTwice() {
        send(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 2), anonymous());
        send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        Object again = send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        assertThat(again).isEqualTo(0L);
        assertThat(bus.payloads(MEMBER_CART)).hasSize(1);
        assertThat(bus.payloads(GUEST_CART)).hasSize(2);
    }

    @Test
    void anEmptyOrUnknownGuestCartMergesNothing() {
        Object version = send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        assertThat(version).isEqualTo(-1L);
        assertThat(bus.payloads(MEMBER_CART)).isEmpty();
        assertThat(bus.payloads(GUEST_CART)).isEmpty();
    }

    @Test
    void mergedQuantitiesAreCappedAtTheLineLimit() {
        send(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 200), anonymous());
        send(new AddCartItem(MEMBER_CART, SHIRT, WHITE_M, 900), theMember());

        send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        assertThat(bus.payloads(MEMBER_CART).get(1)).isEqualTo(new CartsMerged(MEMBER_CART, MEMBER, GUEST_CART,
                List.of(new MergedCartLine(SHIRT, WHITE_M, 99, 999)), List.of()));
    }

    @Test
    void guestLinesBeyondTheLineLimitAreLeftOut() {
        for (int i = 0; i < CartRules.MAX_LINES - 1; i++) {
            send(new AddCartItem(MEMBER_CART, SHIRT, VariantId.of("v" + i), 1), theMember());
        }
        send(new AddCartItem(GUEST_CART, SHIRT, VariantId.of("v0"), 1), anonymous());
        send(new AddCartItem(GUEST_CART, MUG, WHITE_M, 1), anonymous());
        send(new AddCartItem(GUEST_CART, MUG, BLUE_L, 3), anonymous());

        send(new MergeCarts(MEMBER_CART, GUEST_CART), theMember());

        List<Object> memberEvents = bus.payloads(MEMBER_CART);
        assertThat(memberEvents.get(memberEvents.size() - 1)).isEqualTo(new CartsMerged(MEMBER_CART, MEMBER,
                GUEST_CART, List.of(new MergedCartLine(SHIRT, VariantId.of("v0"), 1, 2),
                new MergedCartLine(MUG, WHITE_M, 1, 1)), List.of(line(MUG, BLUE_L, 3))));
    }

    @Test
    void onlyTheMemberMergesIntoTheirCartAndTheGuestCartStaysAsItWas() {
        send(new AddCartItem(GUEST_CART, SHIRT, WHITE_M, 2), anonymous());

        for (ActorRole role : ActorRole.values()) {
            RuleViolation refused = refusal(new MergeCarts(MEMBER_CART, GUEST_CART), actingAs(role, "member-2"));
            assertThat(refused.code()).as(role.name()).isEqualTo(ErrorCode.FORBIDDEN);
        }
        assertThat(bus.payloads(GUEST_CART)).hasSize(1);
        assertThat(bus.payloads(MEMBER_CART)).isEmpty();
    }

    @Test
    void aMembersCartIsNoSourceAndAGuestsCartNoTarget() {
        CartId otherMembers = CartId.ofMember(MemberId.of("member-2"));
        send(new AddCartItem(otherMembers, SHIRT, WHITE_M, 2), actingAs(ActorRole.CUSTOMER, "member-2"));
        CartId anotherGuest = CartId.ofGuest("BBBBBBBBBBBBBBBBBBBBBB");

        RuleViolation fromAMember = refusal(new MergeCarts(MEMBER_CART, otherMembers), theMember());
        RuleViolation intoAGuest = refusal(new MergeCarts(anotherGuest, GUEST_CART), anonymous());

        assertThat(fromAMember).isEqualTo(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("sourceCartId"),
                "Only a guest's cart can be merged into another"));
        assertThat(intoAGuest.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(intoAGuest.field()).containsExactly("cartId");
        assertThat(bus.payloads(otherMembers)).hasSize(1);
    }
}
