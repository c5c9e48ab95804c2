package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaStatus;

/**
 * The medium itself cannot be processed (it does not decode, ffprobe refuses it, the server lacks a tool): trying
 * again will not help, so it ends as {@code FAILED} or {@code UNSUPPORTED} with a reason the seller can read, never as
 * a parked event.
 */
final class UnprocessableMedia extends Exception {

    private final MediaStatus status;

    UnprocessableMedia(MediaStatus status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static UnprocessableMedia failed(String reason) {
        return new UnprocessableMedia(MediaStatus.FAILED, reason);
    }

    MediaStatus status() {
        return status;
    }

    String reason() {
        return getMessage();
    }
}
