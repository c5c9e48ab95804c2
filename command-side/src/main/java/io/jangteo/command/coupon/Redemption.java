package io.jangteo.command.coupon;

import io.jangteo.messages.member.MemberId;

/** One order's use of a coupon; kept after it is given back, so the order can never use it a second time. */
record Redemption(MemberId memberId, boolean restored) {

    Redemption givenBack() {
        return new Redemption(memberId, true);
    }
}
