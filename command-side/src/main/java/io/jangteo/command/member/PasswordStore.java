package io.jangteo.command.member;

import io.jangteo.messages.member.MemberId;

/**
 * Password hashes, kept outside the event store (never in an event), hashed with an adaptive hash through Spring
 * Security's password encoder.
 */
public interface PasswordStore {

    /** Hashes and stores the member's password, replacing any previous one. */
    void set(MemberId memberId, String rawPassword);

    /** False for a wrong password and for a member without one. */
    boolean matches(MemberId memberId, String rawPassword);

    /**
     * Spends as long as {@link #matches} does, for a caller with no member, so response times do not reveal which
     * e-mails are registered.
     */
    void matchNothing(String rawPassword);

    void remove(MemberId memberId);
}
