package io.jangteo.axon.operations;

import io.jangteo.messages.operations.FindProjectionsQuery;
import io.jangteo.messages.operations.OperationOutcome;
import io.jangteo.messages.operations.ProjectionView;
import io.jangteo.messages.operations.RebuildProjection;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Status and rebuild of the event processors. A rebuild stops one processor, resets its token (its reset handlers
 * clear the read model) and starts it again from the tail; the other processors and every query keep running, so
 * during a rebuild that read model answers with partial, stale data until the replay catches up. Only read models
 * may be rebuilt: a replayed saga or policy would send its commands (payments, stock, notifications) again.
 * While a processor replays, its progress is pushed to subscribers every {@code progressInterval}.
 */
@Component
@EnableConfigurationProperties(OperationsProperties.class)
class ProjectionOperations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);

    private final ProjectionStatus status;
    private final EventProcessingConfiguration eventProcessing;
    private final QueryUpdateEmitter updateEmitter;
    private final OperationsProperties properties;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final ExecutorService resetter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-reset");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ScheduledExecutorService ticker;

    ProjectionOperations(ProjectionStatus status, EventProcessingConfiguration eventProcessing,
                         QueryUpdateEmitter updateEmitter, OperationsProperties properties) {
        this.status = status;
        this.eventProcessing = eventProcessing;
        this.updateEmitter = updateEmitter;
        this.properties = properties;
    }

    @QueryHandler
    List<ProjectionView> projections(FindProjectionsQuery query) {
        if (query.name() == null) {
            return status.all();
        }
        return status.processor(query.name()).map(p -> List.of(status.view(query.name(), p))).orElse(List.of());
    }

    @CommandHandler
    OperationOutcome rebuild(RebuildProjection command) {
        String name = command.name();
        TrackingEventProcessor processor = status.processor(name).orElse(null);
        if (processor == null) {
            return OperationOutcome.refused(new RuleViolation(ErrorCode.NOT_FOUND, List.of("name"),
                    "No event processor is named '" + name + "'"));
        }
        if (!status.rebuildable(name, processor)) {
            return OperationOutcome.refused(new RuleViolation(ErrorCode.INVALID_STATE, List.of("name"),
                    "'" + name + "' is not a read model: replaying it would repeat its side effects"));
        }
        // not on the command's thread: its unit of work would hold the reset token back until the command commits
        // (tokens are stored after commit), and the restarted processor would carry on from its old position
        return CompletableFuture.supplyAsync(() -> reset(name, processor), resetter).join();
    }

    private synchronized OperationOutcome reset(String name, TrackingEventProcessor processor) {
        if (processor.processingStatus().values().stream().anyMatch(ProjectionStatus::replaying)) {
            return OperationOutcome.refused(new RuleViolation(ErrorCode.INVALID_STATE, List.of("name"),
                    "'" + name + "' is already being rebuilt"));
        }
        log.info("Rebuilding read model {}", name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            // another node still holds a segment (scale-out): nothing was reset, so carry on as before
            processor.start();
            log.warn("Could not reset {}", name, e);
            return OperationOutcome.refused(new RuleViolation(ErrorCode.INVALID_STATE, List.of("name"),
                    "'" + name + "' could not be reset (is it running on another node?): "
                            + e.getMessage()));
        }
        // the replay hands every event to the handlers again, parked ones included
        eventProcessing.deadLetterQueue(name).ifPresent(queue -> queue.clear());
        processor.start();
        watched.add(name);
        return OperationOutcome.done(0);
    }

    /** Sends the progress of every replaying processor, and its last state once the replay ended. */
    void tick() {
        for (String name : List.copyOf(watched)) {
            status.processor(name).ifPresent(processor -> {
                ProjectionView view = status.view(name, processor);
                // until it is live again (or stopped): right after a start its segments are claimed but not caught up
                boolean finished = !view.replaying() && !"CATCHING_UP".equals(view.state());
                if (finished) {
                    watched.remove(name);
                }
                updateEmitter.emit(FindProjectionsQuery.class,
                        query -> query.name() == null || query.name().equals(name), view);
            });
        }
        status.processors().forEach((name, processor) -> {
            if (!watched.contains(name)
                    && processor.processingStatus().values().stream().anyMatch(ProjectionStatus::replaying)) {
                watched.add(name); // a replay started elsewhere (a new read model's first start, another node)
            }
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-progress");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.progressInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("Could not sample projection progress", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        ticker = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        resetter.shutdown();
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
