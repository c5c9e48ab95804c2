package io.jangteo.messages.operations;

import java.time.Instant;
import java.util.List;

/**
 * One event processor as an operator sees it on one node at {@code sampledAt}.
 *
 * @param rebuildable     whether {@link RebuildProjection} may replay it: only read models, never side effects
 * @param state           {@code LIVE}, {@code REPLAYING}, {@code ERROR}, {@code CATCHING_UP} or {@code STOPPED}
 * @param position        the lowest position over its segments, {@code null} before it handled anything
 * @param headPosition    the position of the newest event in the store
 * @param lagEvents       events between the head and {@code position}
 * @param lagSeconds      how long the oldest event it has not handled yet has been waiting; 0 when caught up
 * @param progressPercent while replaying, how far the replay is towards the position it was started at
 * @param eventsPerSecond the rate its position advanced between the last two samples
 * @param etaSeconds      while replaying, the time left at that rate; {@code null} when unknown
 * @param error           the error a segment stopped on, {@code null} when none
 * @param deadLetters     events parked in its dead-letter queue
 */
public record ProjectionView(String name, boolean rebuildable, String state, Long position, long headPosition,
                             long lagEvents, long lagSeconds, List<SegmentView> segments, boolean replaying,
                             Double progressPercent, Double eventsPerSecond, Long etaSeconds, String error,
                             long deadLetters, Instant sampledAt) {

    public ProjectionView {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** One segment (a share of the aggregates) of a processor, claimed by a thread on this node. */
    public record SegmentView(int segmentId, int mask, Long position, boolean caughtUp, boolean replaying,
                              String error) {
    }
}
