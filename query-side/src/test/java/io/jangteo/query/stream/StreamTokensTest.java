package io.jangteo.query.stream;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StreamTokensTest {

    @Test
    void anEventReadInOrderIsAtItsTokensIndex() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(4, Set.of());
        GapAwareTrackingToken after = GapAwareTrackingToken.newInstance(6, List.of(5L));

        assertThat(StreamTokens.ownPosition(before, after)).isEqualTo(6);
        assertThat(StreamTokens.ownPosition(null, after)).isEqualTo(6);
    }

    @Test
    void anEventCommittedLateIntoAGapIsAtTheGapItClosedNotAtTheHighestPositionRead() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(734, List.of(733L));
        GapAwareTrackingToken after = GapAwareTrackingToken.newInstance(734, Set.of());

        assertThat(StreamTokens.ownPosition(before, after)).isEqualTo(733);
    }

    @Test
    void aGlobalSequenceTokenIsItsOwnPosition() {
        assertThat(StreamTokens.ownPosition(new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(4)))
                .isEqualTo(4);
    }
}
