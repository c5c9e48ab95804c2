package io.jangteo.axon.privacy;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key store against a real in-process MongoDB server; "nodes" are key stores with caches of their own. */
class PersonalDataKeysTest {

    private final KeyStoreSupport store = new KeyStoreSupport();
    private final PersonalDataKeys node = store.node();

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aKeyIsMadeOnFirstNeedAndStoredOnlyWrapped() {
        KeyState.Live key = (KeyState.Live) node.forWriting("m-1");

        Document stored = store.keyDocuments().find().first();
        assertThat(stored).containsEntry("_id", "m-1").containsKey("createdAt").doesNotContainKey("destroyedAt");
        byte[] wrapped = stored.get("key", Binary.class).getData();
        assertThat(wrapped).isNotEqualTo(key.key().getEncoded()).hasSizeGreaterThan(AesGcm.KEY_BYTES);
        assertThat(MasterKey.of(KeyStoreSupport.MASTER_SECRET).unwrap("m-1", wrapped))
                .isEqualTo(key.key().getEncoded());
    }

    @Test
    void readingNeverMakesAKey() {
        assertThat(node.forReading("m-1")).isEqualTo(KeyState.ABSENT);
        assertThat(store.keyDocuments().countDocuments()).isZero();
    }

    @Test
    void anotherNodeReadsTheSameKey() {
        KeyState.Live written = (KeyState.Live) node.forWriting("m-1");

        KeyState.Live read = (KeyState.Live) store.node().forReading("m-1");

        assertThat(read.key().getEncoded()).isEqualTo(written.key().getEncoded());
    }

    @Test
    void nodesRacingToKeyOneMemberAllEndUpWithTheSameKey() throws Exception {
        int nodes = 4;
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 20; round++) {
                String subject = "m-race-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<KeyState>> keys = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    PersonalDataKeys racer = store.node();
                    keys.add(threads.submit(() -> {
                        go.await();
                        return racer.forWriting(subject);
                    }));
                }
                go.countDown();
                List<String> encoded = new ArrayList<>();
                for (Future<KeyState> key : keys) {
                    encoded.add(java.util.HexFormat.of().formatHex(
                            ((KeyState.Live) key.get(30, TimeUnit.SECONDS)).key().getEncoded()));
                }
                assertThat(encoded).as(subject).containsOnly(encoded.get(0));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.keyDocuments().countDocuments()).isEqualTo(20);
    }

    @Test
    void destroyingRemovesTheKeyAndLeavesATombstone() {
        node.forWriting("m-1");

        node.destroy("m-1");

        Document tombstone = store.keyDocuments().find().first();
        assertThat(tombstone).containsEntry("_id", "m-1").doesNotContainKey("key")
                .containsEntry("destroyedAt", java.util.Date.from(KeyStoreSupport.NOW));
        assertThat(node.isErased("m-1")).isTrue();
        assertThat(node.forWriting("m-1")).isEqualTo(KeyState.ERASED);
        assertThat(node.forReading("m-1")).isEqualTo(KeyState.ERASED);
    }

    @Test
    void destroyingAgainKeepsTheFirstErasureTime() {
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        node.forWriting("m-1");
        node.destroy("m-1", first);

        node.destroy("m-1", first.plusSeconds(3_600));
        node.destroy("m-1", first.plusMillis(1));
        node.destroy("m-1");

        assertThat(store.keyDocuments().find().first().getDate("destroyedAt").toInstant()).isEqualTo(first);
        assertThat(store.keyDocuments().countDocuments()).isEqualTo(1);
    }

    @Test
    void destroyingAMemberWhoNeverHadAKeyStillLeavesATombstone() {
        node.destroy("m-never-keyed");

        assertThat(node.isErased("m-never-keyed")).isTrue();
        assertThat(node.forWriting("m-never-keyed")).isEqualTo(KeyState.ERASED);
        assertThat(store.keyDocuments().find().first()).doesNotContainKey("key");
    }

    @Test
    void aMemberWithALiveKeyOrNoneIsNotErased() {
        node.forWriting("m-1");

        assertThat(node.isErased("m-1")).isFalse();
        assertThat(node.isErased("m-unknown")).isFalse();
    }

    @Test
    void anotherNodeStopsUsingADestroyedKeyWhenItsCacheEntryExpires() {
        PersonalDataKeys other = store.node();
        node.forWriting("m-1");
        assertThat(other.forReading("m-1")).isInstanceOf(KeyState.Live.class);

        node.destroy("m-1");

        assertThat(node.forReading("m-1")).as("the destroying node at once").isEqualTo(KeyState.ERASED);
        assertThat(other.isErased("m-1")).as("asked directly, the store knows at once").isTrue();
        assertThat(other.forReading("m-1")).as("within the TTL").isInstanceOf(KeyState.Live.class);
        store.advance(KeyStoreSupport.TTL);
        assertThat(other.forReading("m-1")).as("after the TTL").isEqualTo(KeyState.ERASED);
    }

    @Test
    void aKeyStoredUnderAnotherMasterKeyFailsLoudlyRatherThanReadingAsErased() {
        node.forWriting("m-1");
        PersonalDataKeys misconfigured = store.node(MasterKey.of("another secret of at least 32 bytes!".getBytes()));

        assertThatThrownBy(() -> misconfigured.forReading("m-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MasterKey.PROPERTY);
    }

    @Test
    void aWrappedKeyCopiedToAnotherMemberDoesNotUnwrap() {
        node.forWriting("m-1");
        Binary wrapped = store.keyDocuments().find().first().get("key", Binary.class);
        store.keyDocuments().insertOne(new Document("_id", "m-2").append("key", wrapped));

        assertThatThrownBy(() -> store.node().forReading("m-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("m-2");
    }

    @Test
    void expiredEntriesAreReloadedFromTheStore() {
        node.forWriting("m-1");
        store.keyDocuments().deleteMany(new Document());

        assertThat(node.forReading("m-1")).as("cached").isInstanceOf(KeyState.Live.class);
        store.advance(Duration.ofSeconds(61));
        assertThat(node.forReading("m-1")).as("reloaded").isEqualTo(KeyState.ABSENT);
    }
}
