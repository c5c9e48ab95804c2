package io.jangteo.command.shared;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedCacheTest {

    @Test
    void theLeastRecentlyUsedEntryLeavesWhenFull() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1); // "a" is now the most recently used
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void listenersHearOfEvictionsAndRemovals() {
        BoundedCache cache = new BoundedCache(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        cache.remove("b");
        cache.remove("b");

        assertThat(heard).containsExactly("expired a", "removed b");
    }

    @Test
    void putIfAbsentAndComputeKeepAnExistingEntry() {
        BoundedCache cache = new BoundedCache(10);
        assertThat(cache.putIfAbsent("k", "first")).isTrue();
        assertThat(cache.putIfAbsent("k", "second")).isFalse();
        assertThat((String) cache.computeIfAbsent("k", () -> "third")).isEqualTo("first");
        cache.<String>computeIfPresent("k", value -> value + "!");
        assertThat((String) cache.get("k")).isEqualTo("first!");
        cache.removeAll();
        assertThat(cache.containsKey("k")).isFalse();
    }

    @Test
    void refusesARoomlessCache() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
