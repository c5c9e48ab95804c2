package io.jangteo.messages.member;

import io.jangteo.messages.shared.Ids;

/** Opaque identifier of a member account (회원). */
public record MemberId(String value) {
    public MemberId {
        Ids.checked(value, "memberId");
    }

    public static MemberId of(String value) {
        return new MemberId(value);
    }

    public static MemberId random() {
        return new MemberId(Ids.timePrefixed());
    }

    @Override
    public String toString() {
        return value;
    }
}
