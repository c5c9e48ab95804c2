package io.jangteo.axon.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Unwrapped keys in memory, least recently used evicted first. Entries expire because in scale-out another node may
 * destroy a key: until its entry here expires, this node still reads (and writes) that member's personal data. The TTL
 * is that window; a destroy on this node evicts at once.
 */
final class KeyCache {

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries;

    private record Entry(KeyState state, long loadedAt) {
    }

    KeyCache(int capacity, long ttlNanos, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the cached state, or {@code null} when there is none or it expired */
    synchronized KeyState get(String subject) {
        Entry entry = entries.get(subject);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.loadedAt() >= ttlNanos) {
            entries.remove(subject);
            return null;
        }
        return entry.state();
    }

    synchronized void put(String subject, KeyState state) {
        entries.put(subject, new Entry(state, nanoTime.getAsLong()));
    }

    synchronized void evict(String subject) {
        entries.remove(subject);
    }

    synchronized int size() {
        return entries.size();
    }
}
