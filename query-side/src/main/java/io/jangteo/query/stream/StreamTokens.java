package io.jangteo.query.stream;

import io.jangteo.messages.stream.ResumeToken;
import io.jangteo.messages.stream.StreamStart;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;
import java.util.TreeSet;

/**
 * Translates between the store's tracking tokens and what clients hold (a position, a resume token). The two modes
 * number events differently (embedded JDBC: gap-aware tokens; Axon Server: a global sequence), so the kind of token
 * is taken from the store itself rather than configured.
 */
final class StreamTokens {

    private StreamTokens() {
    }

    /** The token to open the store's stream with: null opens it at its tail (before the first event). */
    static TrackingToken startingAt(EventStore eventStore, StreamStart start) {
        if (start.isBeginning()) {
            return null;
        }
        if (start.at() != null) {
            return eventStore.createTokenAt(start.at());
        }
        TrackingToken tail = eventStore.createTailToken();
        if (tail == null) {
            // an empty store: no client can have seen a position in it, so everything stored from now on is new
            return null;
        }
        boolean gapAware = tail instanceof GapAwareTrackingToken;
        if (start.resumeToken() != null) {
            ResumeToken resume = start.resumeToken();
            return gapAware
                    ? GapAwareTrackingToken.newInstance(resume.index(), new TreeSet<>(resume.gaps()))
                    : new GlobalSequenceTrackingToken(resume.index());
        }
        long after = start.afterPosition();
        return gapAware ? GapAwareTrackingToken.newInstance(after, List.of()) : new GlobalSequenceTrackingToken(after);
    }

    /** Position -1 when the store is empty. */
    static long headPosition(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a stored event without a position"));
    }

    /**
     * The position of the event the stream moved from {@code before} to {@code after} with. A gap-aware token's index
     * is the highest position read, so an event committed late into a gap carries the index of a later event; its own
     * position is the gap its token closed.
     */
    static long ownPosition(TrackingToken before, TrackingToken after) {
        if (after instanceof GapAwareTrackingToken now && before instanceof GapAwareTrackingToken then
                && now.getIndex() <= then.getIndex()) {
            for (Long gap : then.getGaps()) {
                if (!now.getGaps().contains(gap)) {
                    return gap;
                }
            }
        }
        return position(after);
    }

    static ResumeToken resumeToken(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return new ResumeToken(gapAware.getIndex(), List.copyOf(gapAware.getGaps()));
        }
        return new ResumeToken(position(token), List.of());
    }
}
