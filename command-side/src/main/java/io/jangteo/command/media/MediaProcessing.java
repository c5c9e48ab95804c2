package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.RecordMediaProcessed;
import io.jangteo.messages.catalog.RecordMediaProcessingFailed;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Processes each attached medium in the background, on the {@code media-processing} processor's own thread, so an
 * upload never waits for it, and records the outcome on the product as the system actor
 * {@code system:media-processing}.
 * <p>
 * Replays never run it: a projection rebuild would otherwise redo every upload's work and record it all again.
 * A medium that cannot be processed ends {@code FAILED} or {@code UNSUPPORTED} with its reason; only failures of our
 * own (the store, the command bus, a concurrent change) are retried here, and past the last attempt the exception
 * parks the event in the processing group's dead-letter queue, from which an operator can process it again.
 */
@ProcessingGroup(MediaProcessing.PROCESSING_GROUP)
@DisallowReplay
class MediaProcessing {

    static final String PROCESSING_GROUP = "media-processing";
    static final String ACTOR_ID = "system:media-processing";

    private static final Logger log = LoggerFactory.getLogger(MediaProcessing.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final MediaProcessor processor;
    private final CommandGateway commandGateway;
    private final Backoff backoff;
    private final MediaMetrics metrics;

    MediaProcessing(MediaProcessor processor, CommandGateway commandGateway, Backoff backoff) {
        this(processor, commandGateway, backoff, MediaMetrics.NONE);
    }

    MediaProcessing(MediaProcessor processor, CommandGateway commandGateway, Backoff backoff, MediaMetrics metrics) {
        this.processor = processor;
        this.commandGateway = commandGateway;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    @EventHandler
    void on(MediaAttached medium) throws Exception {
        try {
            handle(medium);
        } catch (Exception e) {
            metrics.failure("parked");
            throw e;
        }
    }

    private void handle(MediaAttached medium) throws Exception {
        Object outcome = backoff.run(() -> processor.process(medium), IOException.class::isInstance,
                (attempt, failure) -> {
                    metrics.failure("retried");
                    log.warn("Processing medium {} of product {} failed (attempt {}), retrying: {}",
                        medium.mediaId(), medium.productId(), attempt, failure.toString());
                });
        if (outcome instanceof RecordMediaProcessingFailed failed) {
            metrics.failure(failed.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        // one request for all attempts: support sees one system action, however often it had to be sent
        MetaData audit = systemActor();
        try {
            backoff.run(() -> commandGateway.sendAndWait(
                            GenericCommandMessage.asCommandMessage(outcome).andMetaData(audit),
                            COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                    MediaProcessing::worthRetrying,
                    (attempt, failure) -> {
                        metrics.failure("retried");
                        log.warn("Recording the outcome of medium {} failed (attempt {}), retrying: {}",
                                medium.mediaId(), attempt, failure.toString());
                    });
        } catch (CommandExecutionException e) {
            Optional<RuleViolation> refusal = refusal(e);
            if (refusal.isPresent()) {
                // the product no longer wants this medium (detached, product gone): nothing left to record
                log.info("Product {} refused the outcome of medium {}: {} {}", medium.productId(), medium.mediaId(),
                        refusal.get().code(), refusal.get().message());
                return;
            }
            throw e;
        }
        log.info("Medium {} of product {} processed: {}", medium.mediaId(), medium.productId(), describe(outcome));
    }

    static MetaData systemActor() {
        // no client address or user agent: the seller's are carried over from the event, and are not this actor's
        return MetaData.from(Map.of(
                AuditKeys.ACTOR_ID, ACTOR_ID,
                AuditKeys.ACTOR_ROLE, ActorRole.SYSTEM.name(),
                AuditKeys.REQUEST_ID, "sys-" + UUID.randomUUID()));
    }

    /** A refusal for a business reason stays a refusal; a conflict or an unknown failure may pass. */
    private static boolean worthRetrying(Exception failure) {
        return !(failure instanceof CommandExecutionException refused && refusal(refused).isPresent());
    }

    private static Optional<RuleViolation> refusal(CommandExecutionException failure) {
        Optional<RuleViolation> violation = failure.getDetails()
                .filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast);
        if (violation.isPresent() && violation.get().code() != ErrorCode.CONFLICT) {
            return violation;
        }
        return Optional.empty();
    }

    private static String describe(Object outcome) {
        if (outcome instanceof RecordMediaProcessed processed) {
            return "READY with " + processed.renditions().size() + " renditions";
        }
        RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) outcome;
        return failed.status() + " (" + failed.reason() + ")";
    }
}
