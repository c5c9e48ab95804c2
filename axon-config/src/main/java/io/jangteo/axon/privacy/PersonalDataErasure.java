package io.jangteo.axon.privacy;

import io.jangteo.messages.shared.ErasesPersonalData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * Destroys a member's key when an event says their personal data must go (a withdrawal). A tracking processor of its
 * own, reading from the start of the stream: a fresh installation or a reset token erases everyone ever withdrawn, and
 * destroying again is harmless. It never dead-letters: a failed erasure stops this processor, which retries, rather
 * than being parked where nobody looks.
 */
@ProcessingGroup(PersonalDataErasure.PROCESSING_GROUP)
public final class PersonalDataErasure {

    public static final String PROCESSING_GROUP = "personal-data-erasure";

    private final PersonalDataKeys keys;

    PersonalDataErasure(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(ErasesPersonalData event, @Timestamp Instant requestedAt) {
        keys.destroy(event.dataSubject(), requestedAt);
    }
}
