package io.jangteo.command.member;

import io.jangteo.messages.member.MemberId;

import java.util.Locale;
import java.util.Optional;

/**
 * The set-based validation table that keeps member e-mails unique (case-insensitively) across aggregates: one row per
 * e-mail in use, claimed atomically by a unique key, so two concurrent registrations with one e-mail cannot both win.
 * Holds the e-mail in clear outside the event store; a withdrawn member's row is deleted.
 */
public interface EmailRegistry {

    /**
     * Claims the e-mail for the member. Idempotent for the member that already holds it.
     *
     * @throws EmailAlreadyRegistered when another member holds it
     */
    void claim(String email, MemberId memberId);

    /** Frees the e-mail if this member holds it; does nothing otherwise. */
    void release(String email, MemberId memberId);

    Optional<MemberId> holder(String email);

    /** The form uniqueness is judged in: trimmed, lower-cased. */
    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
