package io.jangteo.query.member;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.query.shared.DomainEventFeed;

/** Delivers member and rewards events to the projection (see {@link DomainEventFeed}). */
final class MemberFeed extends DomainEventFeed {

    MemberFeed(Object projection) {
        super(projection);
    }

    /** Delivers the member aggregate's next event; returns its sequence number. */
    long member(String memberId, Object event) {
        return nextOf("Member", memberId, event);
    }

    /** Delivers the rewards account's next event; returns its sequence number. */
    long rewards(String memberId, Object event) {
        return nextOf("Rewards", RewardsId.of(MemberId.of(memberId)).value(), event);
    }
}
