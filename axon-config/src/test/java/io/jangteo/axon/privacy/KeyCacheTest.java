package io.jangteo.axon.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCacheTest {

    private static final long TTL = 60_000_000_000L;
    private static final KeyState KEY = new KeyState.Live(new SecretKeySpec(new byte[32], "AES"));

    private final AtomicLong now = new AtomicLong(1_000);
    private final KeyCache cache = new KeyCache(3, TTL, now::get);

    @Test
    void anEntryIsServedUntilItsTtlRunsOut() {
        cache.put("m-1", KEY);

        now.addAndGet(TTL - 1);
        assertThat(cache.get("m-1")).isSameAs(KEY);
        now.addAndGet(1);
        assertThat(cache.get("m-1")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void readingAnEntryDoesNotExtendItsLife() {
        // a key destroyed elsewhere must stop being used within one TTL, however often it is read here
        cache.put("m-1", KEY);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(TTL / 5 - 1);
            assertThat(cache.get("m-1")).isSameAs(KEY);
        }
        now.addAndGet(5);

        assertThat(cache.get("m-1")).isNull();
    }

    @Test
    void theLeastRecentlyUsedEntryMakesRoomWhenFull() {
        cache.put("m-1", KEY);
        cache.put("m-2", KEY);
        cache.put("m-3", KEY);
        cache.get("m-1");

        cache.put("m-4", KEY);

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("m-2")).isNull();
        assertThat(cache.get("m-1")).isSameAs(KEY);
        assertThat(cache.get("m-4")).isSameAs(KEY);
    }

    @Test
    void anEvictedEntryIsGoneAtOnce() {
        cache.put("m-1", KEY);

        cache.evict("m-1");

        assertThat(cache.get("m-1")).isNull();
    }
}
