package io.jangteo.messages.stream;

import java.time.Instant;

/**
 * Where a stream starts: after a position (exclusive, so a client passes the last position it saw), at the first
 * event at or after an instant, or exactly where a {@link ResumeToken} left off. At most one is set; none means from
 * the first stored event.
 */
public record StreamStart(Long afterPosition, Instant at, ResumeToken resumeToken) {

    public StreamStart {
        int set = (afterPosition == null ? 0 : 1) + (at == null ? 0 : 1) + (resumeToken == null ? 0 : 1);
        if (set > 1) {
            throw new IllegalArgumentException("a stream starts after a position, at an instant or at a resume token, "
                    + "not at several");
        }
        if (afterPosition != null && afterPosition < -1) {
            throw new IllegalArgumentException("a stream starts after position -1 (the beginning) or later");
        }
    }

    public static StreamStart beginning() {
        return new StreamStart(null, null, null);
    }

    public static StreamStart after(long position) {
        return new StreamStart(position, null, null);
    }

    public static StreamStart at(Instant instant) {
        return new StreamStart(null, instant, null);
    }

    public static StreamStart resume(ResumeToken token) {
        return new StreamStart(null, null, token);
    }

    public boolean isBeginning() {
        return resumeToken == null && at == null && (afterPosition == null || afterPosition == -1);
    }
}
