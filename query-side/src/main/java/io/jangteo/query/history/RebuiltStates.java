package io.jangteo.query.history;

import org.bson.RawBsonDocument;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * States rebuilt lately, kept in this query node's memory only (never persisted), so that a later rebuild of the same
 * state for an instant at or after the newest event it consumed starts from it and replays only what came after.
 * <p>
 * An entry is the whole scratch database as the rebuild left it (every collection the projection wrote: its main
 * documents, counters, lookups, ledgers), as immutable BSON bytes, with the last sequence number it consumed of each
 * stream. Bounded by entries and by bytes, least recently used first out; thread-safe. Holds decrypted personal data:
 * an entry whose data subject is erased must never be served, see {@link #dropSubject}.
 */
final class RebuiltStates {

    static final int MAX_ENTRIES = 2_000;
    /** The quick start runs the whole application in a 256 MiB heap; the response cache takes 16 MB, so does this. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    record Key(String replay, String stateId) {
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
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    RebuiltStates() {
        this(MAX_ENTRIES, MAX_BYTES);
    }

    RebuiltStates(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized Entry get(Key key) {
        return entries.get(key);
    }

    /** Keeps {@code entry} unless the one held already went further (consumed more events). */
    synchronized void put(Key key, Entry entry) {
        if (entry.bytes() > maxBytes) {
            return;
        }
        Entry held = entries.get(key);
        if (held != null && held.events() > entry.events()) {
            return;
        }
        if (held != null) {
            entries.remove(key);
            bytes -= held.bytes();
        }
        entries.put(key, entry);
        bytes += entry.bytes();
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    synchronized void remove(Key key) {
        Entry held = entries.remove(key);
        if (held != null) {
            bytes -= held.bytes();
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

    synchronized boolean holdsSubject(String subject) {
        return entries.values().stream().anyMatch(entry -> subject.equals(entry.subject()));
    }
}
