package io.jangteo.axon.operations;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplayProgressTest {

    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    @Test
    void percentIsThePositionOverTheResetPosition() {
        assertThat(ReplayProgress.percent(OptionalLong.of(250), OptionalLong.of(1000))).isEqualTo(25.0);
        assertThat(ReplayProgress.percent(OptionalLong.empty(), OptionalLong.of(1000))).isEqualTo(0.0);
        assertThat(ReplayProgress.percent(OptionalLong.of(1200), OptionalLong.of(1000))).isEqualTo(100.0);
    }

    @Test
    void percentIsUnknownWithoutAResetPositionAndCompleteForAnEmptyStore() {
        assertThat(ReplayProgress.percent(OptionalLong.of(5), OptionalLong.empty())).isNull();
        assertThat(ReplayProgress.percent(OptionalLong.empty(), OptionalLong.of(0))).isEqualTo(100.0);
    }

    @Test
    void etaIsTheRemainingPositionsAtTheRateRoundedUp() {
        assertThat(ReplayProgress.etaSeconds(OptionalLong.of(400), OptionalLong.of(1000), 250.0)).isEqualTo(3L);
        assertThat(ReplayProgress.etaSeconds(OptionalLong.of(1000), OptionalLong.of(1000), 250.0)).isZero();
        assertThat(ReplayProgress.etaSeconds(OptionalLong.of(400), OptionalLong.of(1000), null)).isNull();
        assertThat(ReplayProgress.etaSeconds(OptionalLong.of(400), OptionalLong.of(1000), 0.0)).isNull();
    }

    @Test
    void rateIsThePositionsAdvancedOverTheSampledSpan() {
        RateMeter meter = new RateMeter(Duration.ofSeconds(5), Duration.ofMillis(200));
        meter.record(T0, 100);
        assertThat(meter.eventsPerSecond()).isNull();
        meter.record(T0.plusMillis(100), 150);
        assertThat(meter.eventsPerSecond()).as("a span shorter than the minimum tells nothing").isNull();
        meter.record(T0.plusMillis(500), 600);
        assertThat(meter.eventsPerSecond()).isCloseTo(1000.0, within(0.001));
    }

    @Test
    void rateForgetsSamplesOutsideTheWindow() {
        RateMeter meter = new RateMeter(Duration.ofSeconds(5), Duration.ofMillis(200));
        meter.record(T0, 0);
        meter.record(T0.plusSeconds(1), 10);
        meter.record(T0.plusSeconds(7), 610);
        meter.record(T0.plusSeconds(8), 710);
        // only the samples of the last five seconds count: (710 - 610) / 1 s
        assertThat(meter.eventsPerSecond()).isCloseTo(100.0, within(0.001));
    }

    @Test
    void aPositionGoingBackStartsANewRun() {
        RateMeter meter = new RateMeter(Duration.ofSeconds(5), Duration.ofMillis(200));
        meter.record(T0, 5000);
        meter.record(T0.plusSeconds(1), 5000);
        meter.record(T0.plusSeconds(2), 0);
        assertThat(meter.eventsPerSecond()).isNull();
        meter.record(T0.plusSeconds(3), 300);
        assertThat(meter.eventsPerSecond()).isCloseTo(300.0, within(0.001));
    }
}
