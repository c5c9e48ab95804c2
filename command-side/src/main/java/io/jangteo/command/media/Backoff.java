package io.jangteo.command.media;

import java.time.Duration;
import java.util.List;

/**
 * Retries work that failed for a passing reason, waiting longer each time, then gives up by rethrowing the last
 * failure. Waiting blocks the processor's thread on purpose: the next medium could not fare better meanwhile.
 */
final class Backoff {

    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Exception;
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final List<Duration> delays;
    private final Sleeper sleeper;

    /** @param delays the waits before the second, third... attempt; one attempt more than delays in all */
    Backoff(List<Duration> delays, Sleeper sleeper) {
        this.delays = List.copyOf(delays);
        this.sleeper = sleeper;
    }

    static Backoff standard() {
        return new Backoff(List.of(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                duration -> Thread.sleep(duration.toMillis()));
    }

    int attempts() {
        return delays.size() + 1;
    }

    /**
     * @param transientFailure whether a failure is worth another attempt; others are rethrown at once
     */
    <T> T run(Attempt<T> attempt, java.util.function.Predicate<Exception> transientFailure,
              java.util.function.BiConsumer<Integer, Exception> onRetry) throws Exception {
        for (int attemptNumber = 1; ; attemptNumber++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (attemptNumber > delays.size() || !transientFailure.test(e)) {
                    throw e;
                }
                onRetry.accept(attemptNumber, e);
                sleeper.sleep(delays.get(attemptNumber - 1));
            }
        }
    }
}
