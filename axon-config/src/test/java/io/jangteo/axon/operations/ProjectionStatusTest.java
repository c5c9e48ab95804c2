package io.jangteo.axon.operations;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionStatusTest {

    @Test
    void aReplayIsOverWhenItReachedItsResetPositionThoughAxonStillFlagsIt() {
        assertThat(ProjectionStatus.replaying(status(true, OptionalLong.of(37), OptionalLong.of(38)))).isTrue();
        assertThat(ProjectionStatus.replaying(status(true, OptionalLong.of(38), OptionalLong.of(38)))).isFalse();
        assertThat(ProjectionStatus.replaying(status(true, OptionalLong.empty(), OptionalLong.of(38)))).isTrue();
        assertThat(ProjectionStatus.replaying(status(false, OptionalLong.of(3), OptionalLong.empty()))).isFalse();
    }

    private static EventTrackerStatus status(boolean replaying, OptionalLong current, OptionalLong reset) {
        return new EventTrackerStatus() {
            public Segment getSegment() { return Segment.ROOT_SEGMENT; }
            public boolean isCaughtUp() { return false; }
            public boolean isReplaying() { return replaying; }
            public boolean isMerging() { return false; }
            public OptionalLong mergeCompletedPosition() { return OptionalLong.empty(); }
            public TrackingToken getTrackingToken() { return null; }
            public boolean isErrorState() { return false; }
            public Throwable getError() { return null; }
            public OptionalLong getCurrentPosition() { return current; }
            public OptionalLong getResetPosition() { return reset; }
        };
    }
}
