package io.jangteo.messages.catalog;

/** {@code PENDING} until background processing ends in {@code READY}, {@code FAILED} (with a reason) or {@code UNSUPPORTED}. */
public enum MediaStatus {
    PENDING, READY, FAILED, UNSUPPORTED
}
