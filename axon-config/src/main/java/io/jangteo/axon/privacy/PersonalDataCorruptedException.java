package io.jangteo.axon.privacy;

import org.axonframework.serialization.SerializationException;

/**
 * Sealed personal data that does not open with its member's live key: altered bytes, a value moved to another member
 * or property, or a key document swapped. Never read as erased: that would hide the damage and let a replay write
 * nulls over good read models.
 */
public class PersonalDataCorruptedException extends SerializationException {

    PersonalDataCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
