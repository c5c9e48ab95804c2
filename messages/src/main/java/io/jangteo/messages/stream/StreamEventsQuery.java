package io.jangteo.messages.stream;

/**
 * Stored events from {@code from} on, then live ones as they are stored, answered as a streaming query so the
 * consumer's demand drives reading (back-pressure) instead of a buffer that could overflow. {@code until} null
 * follows live events until the subscriber cancels. Without {@code withPersonalData}, personal components of
 * payloads and the personal parts of the audit metadata (client IP, user agent) are left out.
 */
public record StreamEventsQuery(EventStreamFilter filter, StreamStart from, StreamEnd until, boolean withPersonalData) {

    public StreamEventsQuery {
        filter = filter == null ? EventStreamFilter.ALL : filter;
        from = from == null ? StreamStart.beginning() : from;
    }
}
