package io.jangteo.query.history;

import com.mongodb.MongoClientSettings;
import io.jangteo.messages.audit.FieldChange;
import io.jangteo.query.shared.StateChanges;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each stored event changed, by rebuilding its aggregate's state through the live projection's code and
 * comparing the state after the event with the state just before it. A page of the audit log holds events of few
 * aggregates, so each aggregate is rebuilt once per call, up to its newest asked event, keeping only the states next
 * to the asked events. The rebuild resumes from the furthest state kept (by the point-in-time reads or an earlier
 * page, {@link RebuiltStates}) before the oldest asked event, and keeps checkpoints on its way, so paging through a
 * long history does not replay it from the start for every page. Public because each read model's tests drive it.
 */
@Component
public class ReplayedStateChanges implements StateChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayedStateChanges.class);
    private static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    /**
     * The most events one call replays for an aggregate: a busy member's page asked cold took seconds per thousand
     * events and a GraphQL request times out after 30 s, so past it the page says what the events carried instead.
     */
    static final int REPLAY_BUDGET = 5_000;

    private final Replayer replayer;
    private final Replays replays;
    private final ErasedMembers erasedMembers;
    private final int replayBudget;

    @Autowired
    ReplayedStateChanges(EventStore eventStore, ScratchReadStore scratch, List<StateReplay<?>> replays,
                         ObjectProvider<ErasedMembers> erasedMembers, RebuiltStates rebuilt) {
        this(eventStore, scratch, replays, erasedMembers.getIfAvailable(() -> ErasedMembers.NONE), rebuilt,
                REPLAY_BUDGET);
    }

    /** With states kept of its own, shared with nothing. */
    public ReplayedStateChanges(EventStore eventStore, ScratchReadStore scratch,
                                List<? extends StateReplay<?>> replays, ErasedMembers erasedMembers) {
        this(eventStore, scratch, replays, erasedMembers, new RebuiltStates(), REPLAY_BUDGET);
    }

    ReplayedStateChanges(EventStore eventStore, ScratchReadStore scratch, List<? extends StateReplay<?>> replays,
                         ErasedMembers erasedMembers, RebuiltStates rebuilt, int replayBudget) {
        this.replayer = new Replayer(eventStore, scratch, rebuilt, erasedMembers);
        this.replays = new Replays(replays);
        this.erasedMembers = erasedMembers;
        this.replayBudget = replayBudget;
    }

    /** How many events were fed through projections since this was made; for tests, which must not time. */
    long replayedEvents() {
        return replayer.replayedEvents();
    }

    private record State(StateReplay<?> replay, String stateId) {
    }

    @Override
    public Map<String, List<FieldChange>> changedBy(List<? extends DomainEventMessage<?>> events) {
        Map<String, List<FieldChange>> changes = new LinkedHashMap<>();
        Map<State, Set<String>> asked = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            changes.put(event.getIdentifier(), List.of());
            StateReplay<?> replay = replays.of(event.getType());
            if (replay == null) {
                changes.put(event.getIdentifier(), StateDiff.payloadFields(event.getPayload()));
            } else {
                asked.computeIfAbsent(new State(replay, replay.stateId(event.getAggregateIdentifier())),
                        state -> new HashSet<>()).add(event.getIdentifier());
            }
        }
        asked.forEach((state, ids) -> {
            try {
                changes.putAll(changedIn(state, ids));
            } catch (RuntimeException e) {
                // one aggregate that cannot be rebuilt must not hide a whole page of the audit log: its events
                // still say what they carried
                LOG.warn("Cannot rebuild {} {} to tell what its events changed", state.replay().aggregateTypes(),
                        state.stateId(), e);
                for (DomainEventMessage<?> event : events) {
                    if (ids.contains(event.getIdentifier())) {
                        changes.put(event.getIdentifier(), StateDiff.payloadFields(event.getPayload()));
                    }
                }
            }
        });
        return changes;
    }

    private Map<String, List<FieldChange>> changedIn(State state, Set<String> ids) {
        StateReplay<?> replay = state.replay();
        List<DomainEventMessage<?>> all = replayer.events(replay, state.stateId());
        Set<Integer> wanted = new HashSet<>();
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (ids.contains(all.get(i).getIdentifier())) {
                wanted.add(i);
                last = i;
            }
        }
        Map<String, List<FieldChange>> changes = new HashMap<>();
        if (last < 0) {
            return changes;
        }
        int first = wanted.stream().mapToInt(Integer::intValue).min().orElseThrow();
        RebuiltStates.Entry from = replayer.keptBefore(replay, state.stateId(), all, first);
        int start = from == null ? 0 : from.events();
        if (last + 1 - start > replayBudget) {
            LOG.info("Changes of {} events of {} {} approximated from their payloads: {} events to replay from the"
                            + " nearest kept state, more than {}", ids.size(), replay.aggregateTypes(),
                    state.stateId(), last + 1 - start, replayBudget);
            // no state to read the data subject from but the kept one, if any: a member's is the member anyway
            String subject = replay.dataSubject(state.stateId(),
                    from == null || from.state() == null ? null : from.state().decode(DOCUMENTS));
            boolean erased = subject != null && erasedMembers.isErased(subject);
            for (int i : wanted) {
                Object payload = all.get(i).getPayload();
                List<FieldChange> carried = StateDiff.payloadFields(payload);
                changes.put(all.get(i).getIdentifier(),
                        erased ? StateDiff.erased(carried, replay.personalFields(), payload) : carried);
            }
            return changes;
        }
        Map<Integer, Document> states = new HashMap<>();
        if (from != null && from.state() != null) {
            states.put(start - 1, from.state().decode(DOCUMENTS));
        }
        replayer.resume(replay, state.stateId(), from, all.subList(start, last + 1),
                i -> wanted.contains(i + start) || wanted.contains(i + start + 1),
                (document, i) -> states.put(i + start, document));
        Boolean erased = null;
        for (int i : new ArrayList<>(wanted)) {
            Document before = i == 0 ? null : states.get(i - 1);
            Document after = states.get(i);
            List<FieldChange> changed = StateDiff.between(before, after, replay.bookkeeping());
            String subject = replay.dataSubject(state.stateId(), after != null ? after : before);
            if (subject != null) {
                if (erased == null) {
                    erased = erasedMembers.isErased(subject);
                }
                if (erased) {
                    changed = StateDiff.erased(changed, replay.personalFields(), all.get(i).getPayload());
                }
            }
            changes.put(all.get(i).getIdentifier(), changed);
        }
        return changes;
    }
}
