package io.jangteo.messages.rewards;

/** How many points of one earning a spending (or a negative adjustment) used, or a refund gave back. */
public record PointsAllocation(PointsEntryId entryId, long points) {
}
