package io.jangteo.axon.privacy;

import javax.crypto.SecretKey;

/** What the key store knows of one subject. */
sealed interface KeyState {

    /** Erased: the key was destroyed. Final; no key is ever made again for this subject. */
    KeyState ERASED = new Erased();
    /** No document at all: never keyed, or the key collection was lost. */
    KeyState ABSENT = new Absent();

    record Live(SecretKey key) implements KeyState {
    }

    record Erased() implements KeyState {
    }

    record Absent() implements KeyState {
    }
}
