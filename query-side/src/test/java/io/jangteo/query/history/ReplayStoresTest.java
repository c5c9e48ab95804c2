package io.jangteo.query.history;

import io.jangteo.query.shared.EmbeddedReadStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The two stores a point-in-time test needs, started once per test class: the live read store its projection writes
 * (a fresh database per test) and the scratch store states are rebuilt in.
 */
public abstract class ReplayStoresTest {

    protected static EmbeddedReadStore readStore;
    protected static ScratchReadStore scratch;

    @BeforeAll
    static void startStores() {
        readStore = new EmbeddedReadStore();
        scratch = new ScratchReadStore();
    }

    @AfterAll
    static void stopStores() {
        scratch.close();
        readStore.close();
    }
}
