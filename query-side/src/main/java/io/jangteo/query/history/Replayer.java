package io.jangteo.query.history;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;

/**
 * Rebuilds a state by feeding its stored events through its real projection into a scratch database, the way a
 * tracking processor delivers them: through Axon's annotated handler inspection, so sequence numbers and timestamps
 * reach the handlers as they do live.
 */
final class Replayer {

    /**
     * A projection class's handlers, inspected once: Axon's annotation adapter inspects the class anew for each
     * instance, which cost a millisecond or more per rebuild, a large part of an order's.
     */
    private static final Map<Class<?>, AnnotatedHandlerInspector<Object>> HANDLERS = new ConcurrentHashMap<>();

    /** How the driver decodes a document, so a kept state reads as the rebuilt one did. */
    private static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final EventStore eventStore;
    private final ScratchReadStore scratch;
    private final RebuiltStates rebuilt;
    private final ErasedMembers erasedMembers;
    private final AtomicLong replayed = new AtomicLong();

    Replayer(EventStore eventStore, ScratchReadStore scratch) {
        this(eventStore, scratch, null, ErasedMembers.NONE);
    }

    /** With {@code rebuilt} (null for none) kept and resumed from; {@code erasedMembers} keeps erased data out. */
    Replayer(EventStore eventStore, ScratchReadStore scratch, RebuiltStates rebuilt, ErasedMembers erasedMembers) {
        this.eventStore = eventStore;
        this.scratch = scratch;
        this.rebuilt = rebuilt;
        this.erasedMembers = erasedMembers;
    }

    EventStore eventStore() {
        return eventStore;
    }

    /** One stream's events, oldest first; read from sequence 0, which leaves snapshots out. */
    List<DomainEventMessage<?>> stream(String aggregateId) {
        return stream(aggregateId, 0L);
    }

    /** One stream's events from {@code first} on; a sequence number is given, so snapshots are left out. */
    private List<DomainEventMessage<?>> stream(String aggregateId, long first) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId, first).forEachRemaining(event -> {
            if (event.getSequenceNumber() >= first) {
                events.add(event);
            }
        });
        return events;
    }

    /** The state's events, its streams merged by time, a tie going to the stream named first. */
    List<DomainEventMessage<?>> events(StateReplay<?> replay, String stateId) {
        return events(replay, stateId, Map.of());
    }

    /**
     * The state's events after the sequence numbers in {@code after} (by stream; all of a stream it does not name),
     * merged as {@link #events(StateReplay, String)} merges them: the merge only looks at the next event of each
     * stream, so merging what follows a merged prefix gives what follows that prefix.
     */
    private List<DomainEventMessage<?>> events(StateReplay<?> replay, String stateId, Map<String, Long> after) {
        List<String> names = replay.streams(stateId);
        if (names.size() == 1) {
            return stream(names.get(0), after.getOrDefault(names.get(0), -1L) + 1);
        }
        List<List<DomainEventMessage<?>>> streams = new ArrayList<>();
        int total = 0;
        for (String name : names) {
            List<DomainEventMessage<?>> stream = stream(name, after.getOrDefault(name, -1L) + 1);
            streams.add(stream);
            total += stream.size();
        }
        int[] next = new int[streams.size()];
        List<DomainEventMessage<?>> merged = new ArrayList<>(total);
        while (merged.size() < total) {
            int pick = -1;
            for (int s = 0; s < streams.size(); s++) {
                if (next[s] < streams.get(s).size() && (pick < 0 || streams.get(s).get(next[s]).getTimestamp()
                        .isBefore(streams.get(pick).get(next[pick]).getTimestamp()))) {
                    pick = s;
                }
            }
            merged.add(streams.get(pick).get(next[pick]++));
        }
        return merged;
    }

    static List<DomainEventMessage<?>> upTo(List<DomainEventMessage<?>> events, Instant instant) {
        return events.stream().filter(event -> !event.getTimestamp().isAfter(instant)).toList();
    }

    /**
     * The state after every stored event at or before {@code asOf}; empty when it did not exist then. With
     * {@link RebuiltStates}, the furthest state kept from an earlier rebuild whose newest event is at or before
     * {@code asOf} (the furthest one a rebuild reached or a checkpoint on the way) is loaded into the scratch database
     * and only the events after it are replayed; the rebuilt state and the checkpoints passed are kept in turn.
     */
    Optional<Document> stateAt(StateReplay<?> replay, String stateId, Instant asOf) {
        if (rebuilt == null) {
            List<DomainEventMessage<?>> events = upTo(events(replay, stateId), asOf);
            if (events.isEmpty()) {
                return Optional.empty();
            }
            return Optional.ofNullable(replay(replay, stateId, events, i -> false, (state, i) -> { }));
        }
        RebuiltStates.Key key = key(replay, stateId);
        boolean merged = replay.streams(stateId).size() > 1;
        for (RebuiltStates.Entry from : usable(key)) {
            if (asOf.isBefore(from.lastTimestamp())) {
                continue;
            }
            List<DomainEventMessage<?>> rest = events(replay, stateId, from.lastSequences());
            // an event stored after the state was kept but stamped at or before its newest event may belong in the
            // middle of what it consumed (streams merged by time, a tie going to the first): try an earlier one
            if (rest.stream().anyMatch(event -> merged ? !event.getTimestamp().isAfter(from.lastTimestamp())
                    : event.getTimestamp().isBefore(from.lastTimestamp()))) {
                continue;
            }
            rebuilt.used(key, from);
            List<DomainEventMessage<?>> due = upTo(rest, asOf);
            if (due.isEmpty()) {
                return Optional.ofNullable(from.state() == null ? null : from.state().decode(DOCUMENTS));
            }
            try {
                return Optional.ofNullable(resume(replay, stateId, from, due, i -> false, (state, i) -> { }));
            } catch (RuntimeException e) {
                rebuilt.remove(key, from);
                break;
            }
        }
        List<DomainEventMessage<?>> events = upTo(events(replay, stateId), asOf);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(resume(replay, stateId, null, events, i -> false, (state, i) -> { }));
    }

    /**
     * The furthest kept state of {@code stateId} that consumed exactly the first {@code atMost} or fewer of
     * {@code all} (the state's events as {@link #events(StateReplay, String)} gives them now), or null. Each stream is
     * read from sequence 0 and merged deterministically, so a kept state whose last sequence numbers are those of a
     * prefix of {@code all} consumed that very prefix, in that order.
     */
    RebuiltStates.Entry keptBefore(StateReplay<?> replay, String stateId, List<DomainEventMessage<?>> all,
                                   int atMost) {
        if (rebuilt == null) {
            return null;
        }
        RebuiltStates.Key key = key(replay, stateId);
        for (RebuiltStates.Entry entry : usable(key)) {
            if (entry.events() > atMost || entry.events() == 0) {
                continue;
            }
            Map<String, Long> prefix = new HashMap<>();
            for (String stream : replay.streams(stateId)) {
                prefix.put(stream, -1L);
            }
            for (DomainEventMessage<?> event : all.subList(0, entry.events())) {
                prefix.put(event.getAggregateIdentifier(), event.getSequenceNumber());
            }
            if (prefix.equals(entry.lastSequences())) {
                return rebuilt.used(key, entry);
            }
        }
        return null;
    }

    /** The state's kept entries, furthest first; none when its data subject is erased, whose entries go. */
    private List<RebuiltStates.Entry> usable(RebuiltStates.Key key) {
        List<RebuiltStates.Entry> kept = rebuilt.newestFirst(key);
        for (RebuiltStates.Entry entry : kept) {
            if (entry.subject() != null && erasedMembers.isErased(entry.subject())) {
                // their key is destroyed: what was decrypted before must not outlive it
                rebuilt.dropSubject(entry.subject());
                return List.of();
            }
        }
        return kept;
    }

    private static RebuiltStates.Key key(StateReplay<?> replay, String stateId) {
        return new RebuiltStates.Key(replay.getClass().getName(), stateId);
    }

    /** How many events this replayer fed through projections since it was made; for tests, which must not time. */
    long replayedEvents() {
        return replayed.get();
    }

    /**
     * Replays {@code events} over {@code from} (or nothing) as {@link #replay} does, keeping a checkpoint every
     * {@link RebuiltStates#CHECKPOINT_EVERY} events consumed and the state at the end (when a {@link RebuiltStates}
     * is given); returns the state's document after the last event.
     */
    Document resume(StateReplay<?> replay, String stateId, RebuiltStates.Entry from,
                    List<? extends DomainEventMessage<?>> events, IntPredicate wanted, ObjIntConsumer<Document> seen) {
        if (rebuilt == null && from == null) {
            return replay(replay, stateId, events, wanted, seen);
        }
        RebuiltStates.Key key = key(replay, stateId);
        return scratch.withDatabase(database -> {
            Object projection = replay.projection(database);
            if (from != null) {
                from.collections().forEach((name, documents) -> {
                    if (!documents.isEmpty()) {
                        database.getCollection(name, RawBsonDocument.class).insertMany(documents);
                    }
                });
            }
            Progress progress = new Progress(replay.streams(stateId), from);
            AnnotatedHandlerInspector<Object> handlers = handlers(projection);
            for (int i = 0; i < events.size(); i++) {
                DomainEventMessage<?> event = events.get(i);
                handle(handlers, projection, event);
                replayed.incrementAndGet();
                progress.consumed(event);
                if (wanted.test(i)) {
                    seen.accept(replay.read(database, stateId), i);
                }
                if (i < events.size() - 1 && RebuiltStates.isCheckpoint(progress.events)) {
                    keep(replay, stateId, key, progress, database, replay.read(database, stateId));
                }
            }
            Document state = replay.read(database, stateId);
            if (from == null || !events.isEmpty()) {
                keep(replay, stateId, key, progress, database, state);
            }
            return state;
        });
    }

    /**
     * What a replay consumed so far of each stream. Resuming reads each stream on from its last consumed sequence
     * number, which is only right when what was consumed of each stream has no gap (an event left out for its time
     * while a later one was not): after a gap nothing of the replay is kept.
     */
    private static final class Progress {

        private final Map<String, Long> lastSequences = new HashMap<>();
        private Instant lastTimestamp = Instant.MIN;
        private int events;
        private boolean gap;

        Progress(List<String> streams, RebuiltStates.Entry from) {
            for (String stream : streams) {
                lastSequences.put(stream, -1L);
            }
            if (from != null) {
                lastSequences.putAll(from.lastSequences());
                lastTimestamp = from.lastTimestamp();
                events = from.events();
            }
        }

        void consumed(DomainEventMessage<?> event) {
            events++;
            Long last = lastSequences.get(event.getAggregateIdentifier());
            if (last == null || event.getSequenceNumber() != last + 1) {
                gap = true;
                return;
            }
            lastSequences.put(event.getAggregateIdentifier(), event.getSequenceNumber());
            if (event.getTimestamp().isAfter(lastTimestamp)) {
                lastTimestamp = event.getTimestamp();
            }
        }
    }

    private void keep(StateReplay<?> replay, String stateId, RebuiltStates.Key key, Progress progress,
                      MongoDatabase database, Document state) {
        if (rebuilt == null || progress.gap || progress.events == 0) {
            return;
        }
        String subject = replay.dataSubject(stateId, state);
        if (subject != null && erasedMembers.isErased(subject)) {
            rebuilt.dropSubject(subject);
            return;
        }
        if (RebuiltStates.isCheckpoint(progress.events)
                ? rebuilt.holds(key, progress.events, progress.lastSequences)
                : rebuilt.behindFurthest(key, progress.events)) {
            return; // held already, or earlier than the one kept: not worth copying
        }
        Map<String, List<RawBsonDocument>> collections = new LinkedHashMap<>();
        long bytes = 0;
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("system.")) {
                continue;
            }
            List<RawBsonDocument> documents = database.getCollection(name, RawBsonDocument.class).find()
                    .into(new ArrayList<>());
            for (RawBsonDocument document : documents) {
                bytes += document.getByteBuffer().remaining();
            }
            collections.put(name, List.copyOf(documents));
        }
        RawBsonDocument kept = state == null ? null : new RawBsonDocument(state, DOCUMENTS);
        bytes += kept == null ? 0 : kept.getByteBuffer().remaining();
        rebuilt.put(key, new RebuiltStates.Entry(kept, Collections.unmodifiableMap(collections),
                Map.copyOf(progress.lastSequences), progress.lastTimestamp, progress.events, subject, bytes));
    }

    private static AnnotatedHandlerInspector<Object> handlers(Object projection) {
        return HANDLERS.computeIfAbsent(projection.getClass(), type ->
                AnnotatedHandlerInspector.inspectType(type, ClasspathParameterResolverFactory.forClass(type),
                        ClasspathHandlerDefinition.forClass(type)));
    }

    /**
     * Feeds {@code events} in order through a fresh projection; after event {@code i}, when {@code wanted} says so,
     * hands the state as it stands then to {@code seen} (null when it does not exist).
     *
     * @return the state after the last event, or null
     */
    Document replay(StateReplay<?> replay, String stateId, List<? extends DomainEventMessage<?>> events,
                    IntPredicate wanted, ObjIntConsumer<Document> seen) {
        return scratch.withDatabase(database -> {
            Object projection = replay.projection(database);
            AnnotatedHandlerInspector<Object> handlers = HANDLERS.computeIfAbsent(projection.getClass(), type ->
                    AnnotatedHandlerInspector.inspectType(type, ClasspathParameterResolverFactory.forClass(type),
                            ClasspathHandlerDefinition.forClass(type)));
            for (int i = 0; i < events.size(); i++) {
                handle(handlers, projection, events.get(i));
                replayed.incrementAndGet();
                if (wanted.test(i)) {
                    seen.accept(replay.read(database, stateId), i);
                }
            }
            return replay.read(database, stateId);
        });
    }

    /** What {@code AnnotationEventHandlerAdapter.handle} does: the most specific handler, through the interceptors. */
    private static void handle(AnnotatedHandlerInspector<Object> handlers, Object projection,
                               DomainEventMessage<?> event) {
        Class<?> type = projection.getClass();
        Optional<MessageHandlingMember<? super Object>> handler = handlers.getHandlers(type)
                .filter(member -> member.canHandle(event))
                .findFirst();
        if (handler.isEmpty()) {
            return;
        }
        try {
            handlers.chainedInterceptor(type).handle(event, projection, handler.get());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot replay event " + event.getIdentifier() + " of "
                    + event.getAggregateIdentifier(), e);
        }
    }
}
