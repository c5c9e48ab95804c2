package io.jangteo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadTest {

    @Test
    void countsOnlyTheMeasuredPeriodAndKeepsTheFirstError() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Load.Call call = () -> {
            Thread.sleep(2);
            int n = calls.incrementAndGet();
            if (n % 4 == 0) {
                throw new IllegalStateException("failure " + n);
            }
            return null;
        };

        ScenarioResult r = Load.run("fake", 4, Duration.ofMillis(100), Duration.ofMillis(300), call);

        assertThat(r.requests()).isPositive().isLessThan(calls.get());
        assertThat(r.errors()).isPositive().isLessThan(r.requests());
        assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.requests());
        assertThat(r.okIncludingWarmup()).isEqualTo(calls.get() - calls.get() / 4);
        assertThat(r.firstError()).startsWith("java.lang.IllegalStateException: failure ");
        assertThat(r.seconds()).isGreaterThanOrEqualTo(0.3);
        assertThat(r.percentileMs(50)).isGreaterThanOrEqualTo(2.0);
    }
}
