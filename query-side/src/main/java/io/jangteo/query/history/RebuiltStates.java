package io.jangteo.query.history;

import org.bson.RawBsonDocument;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * States rebuilt lately, kept in this query node's memory only (never persisted), so that a later rebuild of the same
 * state for an instant or an event at or after the newest event one consumed starts from it and replays only what
 * came after.
 * <p>
 * An entry is the whole scratch database as the rebuild left it (every collection the projection wrote: its main
 * documents, counters, lookups, ledgers), as immutable BSON bytes, with the last sequence number it consumed of each
 * stream. A state has several entries: the furthest one a rebuild reached, and checkpoints every
 * {@link #CHECKPOINT_EVERY} events, so that an instant or an event in the middle of a long history resumes near it
 * rather than from the first event. One instance is shared by the point-in-time reads and the audit log's changes, so
 * each profits from the other's rebuilds. Bounded by entries and by bytes, least recently used first out;
 * thread-safe. Holds decrypted personal data: an entry whose data subject is erased must never be served, see
 * {@link #dropSubject}.
 */
@Component
final class RebuiltStates {

    static final int MAX_ENTRIES = 2_000;
    /** The quick start runs the whole application in a 256 MiB heap; the response cache takes 16 MB, so does this. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /**
     * A busy member's state is a few kilobytes to some hundreds; a copy every 256 events keeps a 10,000-event member
     * to some 40 copies, and a resume replays at most 255 events past one.
     */
    static final int CHECKPOINT_EVERY = 256;

    record Key(String replay, String stateId) {
    }

    private record Slot(Key key, int events) {
    }

    /**
     * @param state         the state's document as {@link StateReplay#read} gave it, or null
     * @param collections   the scratch database's collections, documents in their natural order
     * @param lastSequences the last sequence number consumed of each of the state's streams, -1 for none
     * @param lastTimestamp the timestamp of the newest event consumed
     * @param events        how many events were consumed
     * @param subject       the member whose personal data the state holds, or null
     */
    record Entry(RawBsonDocument state, Map<String, List<RawBsonDocument>> collections, Map<String, Long> lastSequences,
                 Instant lastTimestamp, int events, String subject, long bytes) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Slot, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    RebuiltStates() {
        this(MAX_ENTRIES, MAX_BYTES);
    }

    RebuiltStates(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    static boolean isCheckpoint(int events) {
        return events > 0 && events % CHECKPOINT_EVERY == 0;
    }

    /** The furthest entry kept of the state, or null. */
    synchronized Entry get(Key key) {
        List<Entry> kept = newestFirst(key);
        return kept.isEmpty() ? null : used(key, kept.get(0));
    }

    /** The state's entries, the furthest first; none is marked used until {@link #used} says so. */
    synchronized List<Entry> newestFirst(Key key) {
        List<Entry> kept = new ArrayList<>();
        for (Map.Entry<Slot, Entry> held : entries.entrySet()) {
            if (held.getKey().key().equals(key)) {
                kept.add(held.getValue());
            }
        }
        kept.sort(Comparator.comparingInt(Entry::events).reversed());
        return kept;
    }

    /** Marks {@code entry} as used now, so it is among the last to go. */
    synchronized Entry used(Key key, Entry entry) {
        entries.get(new Slot(key, entry.events()));
        return entry;
    }

    /** Whether a copy after the same events is held already, so that making another is wasted work. */
    synchronized boolean holds(Key key, int events, Map<String, Long> lastSequences) {
        Entry held = entries.get(new Slot(key, events));
        return held != null && held.lastSequences().equals(lastSequences);
    }

    /** Whether {@code events} is short of the furthest entry of the state, so not worth keeping unless a checkpoint. */
    synchronized boolean behindFurthest(Key key, int events) {
        return entries.keySet().stream().anyMatch(slot -> slot.key().equals(key) && slot.events() > events);
    }

    /**
     * Keeps {@code entry}: a checkpoint always (replacing one after as many events); any other only when none held
     * went further, and then it replaces the state's other entries that are not checkpoints.
     */
    synchronized void put(Key key, Entry entry) {
        if (entry.bytes() > maxBytes) {
            return;
        }
        if (!isCheckpoint(entry.events())) {
            if (behindFurthest(key, entry.events())) {
                return;
            }
            Iterator<Map.Entry<Slot, Entry>> all = entries.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<Slot, Entry> held = all.next();
                if (held.getKey().key().equals(key) && !isCheckpoint(held.getKey().events())) {
                    bytes -= held.getValue().bytes();
                    all.remove();
                }
            }
        }
        Slot slot = new Slot(key, entry.events());
        Entry held = entries.remove(slot);
        if (held != null) {
            bytes -= held.bytes();
        }
        entries.put(slot, entry);
        bytes += entry.bytes();
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    /** Drops {@code entry}, which turned out unusable. */
    synchronized void remove(Key key, Entry entry) {
        Slot slot = new Slot(key, entry.events());
        if (entries.get(slot) == entry) {
            entries.remove(slot);
            bytes -= entry.bytes();
        }
    }

    /** Drops every state holding {@code subject}'s personal data: their key is destroyed. */
    synchronized void dropSubject(String subject) {
        Iterator<Entry> all = entries.values().iterator();
        while (all.hasNext()) {
            Entry entry = all.next();
            if (subject.equals(entry.subject())) {
                bytes -= entry.bytes();
                all.remove();
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** How many checkpoints of {@code key} are kept; for tests. */
    synchronized int checkpoints(Key key) {
        return (int) entries.keySet().stream()
                .filter(slot -> slot.key().equals(key) && isCheckpoint(slot.events())).count();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized boolean holdsSubject(String subject) {
        return entries.values().stream().anyMatch(entry -> subject.equals(entry.subject()));
    }
}
