package io.jangteo.command.shared;

import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * The reason an actor gives for changing someone else's data (a shop's status, a member's phone, their points): the
 * affected person reads it and support answers questions with it, so it must say something and stay readable.
 */
public final class Reasons {

    public static final int MAX_LENGTH = 500;

    private Reasons() {
    }

    /** The reason, trimmed. */
    public static String required(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty()) {
            throw new ReasonRequired();
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            throw new ReasonTooLong();
        }
        return stripped;
    }

    public static final class ReasonRequired extends DomainRuleViolation {
        ReasonRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "A reason is required");
        }
    }

    public static final class ReasonTooLong extends DomainRuleViolation {
        ReasonTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("reason"), "A reason has at most " + MAX_LENGTH + " characters");
        }
    }
}
