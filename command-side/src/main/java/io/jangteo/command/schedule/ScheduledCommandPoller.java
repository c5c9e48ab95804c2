package io.jangteo.command.schedule;

import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends due {@link ScheduledCommands} through the command gateway, one at a time on a thread of its own, the oldest
 * first. Every node runs one; claims with a lease keep two nodes from sending one item at the same time, and a node
 * that dies mid-send leaves its item to another once the lease ends (commands sent this way must be idempotent).
 * <p>
 * A refusal retrying cannot fix (a rule violation other than a conflict) is logged and dropped; any other failure is
 * retried after a back-off that doubles each time, and after the last attempt the item stays with its error.
 */
final class ScheduledCommandPoller implements SmartLifecycle {

    /** Later than Axon's own start (phase {@code Integer.MAX_VALUE - 3072}): the command bus has its handlers by then. */
    static final int PHASE = Integer.MAX_VALUE - 2560;
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** Longer than a send can take, so a live node keeps its claim until it is done. */
    static final Duration LEASE = COMMAND_TIMEOUT.multipliedBy(4);
    static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    /** Items per poll at most, so stopping never waits long for a backlog. */
    static final int BATCH = 100;
    private static final int MAX_ERROR_LENGTH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(ScheduledCommandPoller.class);

    private final ScheduledCommands items;
    private final CommandGateway commandGateway;
    private final Duration pollInterval;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile boolean stopping;

    ScheduledCommandPoller(ScheduledCommands items, CommandGateway commandGateway, Duration pollInterval,
                           int maxAttempts, Duration retryDelay, Clock clock) {
        if (pollInterval.isNegative() || pollInterval.isZero() || maxAttempts < 1 || retryDelay.isNegative()) {
            throw new IllegalArgumentException("the scheduler needs a positive poll interval, at least one attempt "
                    + "and a retry delay of zero or more");
        }
        this.items = items;
        this.commandGateway = commandGateway;
        this.pollInterval = pollInterval;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
        this.clock = clock;
    }

    /** Sends what is due now, up to {@link #BATCH} items; returns how many it took on. */
    int pollOnce() {
        int handled = 0;
        while (handled < BATCH && !stopping && !Thread.currentThread().isInterrupted()) {
            Optional<ScheduledCommands.Claim> claim = items.claimNext(clock.instant(), LEASE, maxAttempts);
            if (claim.isEmpty()) {
                break;
            }
            send(claim.get());
            handled++;
        }
        return handled;
    }

    private void send(ScheduledCommands.Claim claim) {
        try {
            Object command = items.command(claim);
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(SystemActor.metaData(claim.actorId())),
                    COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            items.completed(claim);
        } catch (RuntimeException failure) {
            Optional<RuleViolation> refusal = Refusals.permanent(failure);
            if (refusal.isPresent()) {
                log.warn("Scheduled command {} ({}) was refused and is dropped: {} {}", claim.key(),
                        claim.payloadType(), refusal.get().code(), refusal.get().message());
                items.completed(claim);
                return;
            }
            int attempts = claim.attempts() + 1;
            Instant retryAt = clock.instant().plus(backoff(attempts));
            items.failed(claim, describe(failure), retryAt);
            if (attempts >= maxAttempts) {
                log.error("Scheduled command {} ({}) failed {} times and is kept with its error for an operator",
                        claim.key(), claim.payloadType(), attempts, failure);
            } else {
                log.warn("Scheduled command {} ({}) failed (attempt {} of {}), retrying after {}: {}", claim.key(),
                        claim.payloadType(), attempts, maxAttempts, retryAt, failure.toString());
            }
        }
    }

    Duration backoff(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = retryDelay.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    /** The failure and its root cause: a serializer's or a bus's wrapper alone does not say what went wrong. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == failure ? failure.toString() : failure + " (caused by " + root + ")";
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // the store may be briefly unreachable; an exception here would end the periodic task for good
            log.warn("Polling scheduled commands failed; trying again in {}: {}", pollInterval, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "command-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        stopping = false;
        executor.scheduleWithFixedDelay(this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopping = true;
        executor.shutdown();
        try {
            // a send in flight finishes (or times out) rather than being cut off between sending and deleting
            if (!executor.awaitTermination(COMMAND_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
