package io.jangteo.messages.shared;

/**
 * An event after which a person's personal data must be erased: the infrastructure destroys the key of
 * {@link #dataSubject()}, so every {@link PersonalData} component of that person's events, past and future, reads as
 * {@code null}.
 */
public interface ErasesPersonalData {
    String dataSubject();
}
