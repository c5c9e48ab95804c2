package io.jangteo.query.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checkpoints of one state live side by side with its furthest state, within one byte budget. */
class RebuiltStatesTest {

    private static final RebuiltStates.Key M1 = new RebuiltStates.Key("member", "m-1");
    private static final RebuiltStates.Key M2 = new RebuiltStates.Key("member", "m-2");
    private static final int N = RebuiltStates.CHECKPOINT_EVERY;

    @Test
    void checkpointsCoexistAndTheFurthestStateReplacesTheEarlierOneThatIsNoCheckpoint() {
        RebuiltStates states = new RebuiltStates();
        states.put(M1, entry(N, 10));
        states.put(M1, entry(2 * N, 10));
        states.put(M1, entry(2 * N + 5, 10));
        states.put(M1, entry(2 * N + 9, 10));
        states.put(M1, entry(2 * N + 7, 10));

        assertThat(states.newestFirst(M1)).extracting(RebuiltStates.Entry::events)
                .containsExactly(2 * N + 9, 2 * N, N);
        assertThat(states.get(M1).events()).isEqualTo(2 * N + 9);
        assertThat(states.checkpoints(M1)).isEqualTo(2);
        assertThat(states.bytes()).isEqualTo(30);
    }

    @Test
    void theByteBudgetHoldsForCheckpointsTooLeastRecentlyUsedFirstOut() {
        RebuiltStates states = new RebuiltStates(100, 30);
        states.put(M1, entry(N, 10));
        states.put(M2, entry(N, 10));
        states.put(M1, entry(2 * N, 10));
        states.used(M1, states.newestFirst(M1).get(1));

        states.put(M2, entry(2 * N, 10));

        assertThat(states.newestFirst(M1)).extracting(RebuiltStates.Entry::events).containsExactly(2 * N, N);
        assertThat(states.newestFirst(M2)).extracting(RebuiltStates.Entry::events).containsExactly(2 * N);
        assertThat(states.bytes()).isEqualTo(30);
    }

    @Test
    void droppingASubjectDropsEveryCheckpointOfTheirs() {
        RebuiltStates states = new RebuiltStates();
        states.put(M1, entry(N, 10));
        states.put(M1, entry(N + 1, 10));
        states.put(M2, new RebuiltStates.Entry(null, Map.of(), Map.of("m-2", (long) N - 1), Instant.EPOCH, N, "m-2",
                10));

        states.dropSubject("m-1");

        assertThat(states.newestFirst(M1)).isEmpty();
        assertThat(states.holdsSubject("m-1")).isFalse();
        assertThat(states.size()).isEqualTo(1);
        assertThat(states.bytes()).isEqualTo(10);
    }

    private static RebuiltStates.Entry entry(int events, long bytes) {
        return new RebuiltStates.Entry(null, Map.of("members", List.of()), Map.of("m-1", (long) events - 1),
                Instant.EPOCH, events, "m-1", bytes);
    }
}
