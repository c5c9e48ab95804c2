package io.jangteo.messages.member;

import java.time.Instant;

/** Whether a marketing consent is given, and when it was last given or withdrawn. */
public record ConsentView(boolean granted, Instant changedAt) {
}
