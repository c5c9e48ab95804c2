package io.jangteo.query.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CoalescedReadTest {

    @Test
    void everyCallerGetsAReadThatStartedAfterItArrivedAndConcurrentCallersShareReads() throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        // a read answers the logical time at which it started, and takes a while, as a store round trip does
        CoalescedRead<Long> read = new CoalescedRead<>(() -> {
            reads.incrementAndGet();
            long startedAt = clock.incrementAndGet();
            sleep(2);
            return startedAt;
        });
        int callers = 32;
        int rounds = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            results.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < rounds; r++) {
                    long arrivedAt = clock.incrementAndGet();
                    if (read.get() <= arrivedAt) {
                        return false; // answered with a read that began before this caller arrived
                    }
                }
                return true;
            }));
        }
        start.countDown();
        for (Future<Boolean> result : results) {
            assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();
        assertThat(reads.get()).isLessThan(callers * rounds / 2);
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextCallerReadsAgain() {
        AtomicInteger attempts = new AtomicInteger();
        CoalescedRead<String> read = new CoalescedRead<>(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("store unreachable");
            }
            return "ok";
        });
        assertThatIllegalStateException().isThrownBy(read::get).withMessage("store unreachable");
        assertThat(read.get()).isEqualTo("ok");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
