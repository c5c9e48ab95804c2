package io.jangteo.graphql.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers to anonymous catalog queries, each with the catalog version it was computed at. Bounded by the bytes the
 * answers take; the least recently used go first. An entry is only ever served for the version it was made at.
 */
final class CatalogResponseCache {

    /** @param headers response headers to repeat (security headers and the like), never per-request ones */
    record Entry(String version, String contentType, java.util.Map<String, java.util.List<String>> headers,
                 byte[] body) {
    }

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    CatalogResponseCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Entry get(String key, String version) {
        Entry entry = entries.get(key);
        return entry != null && entry.version().equals(version) ? entry : null;
    }

    synchronized void put(String key, Entry entry) {
        long size = weight(key, entry);
        if (size > maxBytes / 8) {
            return; // one huge answer must not push out everything else
        }
        Entry previous = entries.put(key, entry);
        if (previous != null) {
            bytes -= weight(key, previous);
        }
        bytes += size;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Entry> e = eldest.next();
            bytes -= weight(e.getKey(), e.getValue());
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private static long weight(String key, Entry entry) {
        return 2L * key.length() + entry.body().length + 64;
    }
}
