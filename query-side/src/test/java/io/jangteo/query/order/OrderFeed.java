package io.jangteo.query.order;

import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.query.shared.DomainEventFeed;

/** Delivers order events (and a member's withdrawal) to the projection (see {@link DomainEventFeed}). */
final class OrderFeed extends DomainEventFeed {

    OrderFeed(Object projection) {
        super(projection);
    }

    /** Delivers the order's next event; returns its sequence number. */
    long order(String orderId, Object event) {
        return nextOf("Order", orderId, event);
    }

    /** Delivers a withdrawal of the member, the event after which their personal data is erased. */
    void withdraw(String memberId) {
        nextOf("Member", memberId, new MemberWithdrawn(OrderFixtures.member(memberId), "탈퇴"));
    }
}
