package io.jangteo.axon.operations;

import io.jangteo.messages.operations.DeadLetterPage;
import io.jangteo.messages.operations.DeadLetterView;
import io.jangteo.messages.operations.EvictDeadLetter;
import io.jangteo.messages.operations.FindDeadLettersQuery;
import io.jangteo.messages.operations.OperationOutcome;
import io.jangteo.messages.operations.RetryDeadLetters;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Lists, retries and evicts the events a processor parked. A letter is named by its event's identifier, which is
 * unique in the store and stays the same however often the letter is retried.
 */
@Component
class DeadLetterOperations {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

    private final EventProcessingConfiguration eventProcessing;

    DeadLetterOperations(EventProcessingConfiguration eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    @QueryHandler
    DeadLetterPage deadLetters(FindDeadLettersQuery query) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue =
                eventProcessing.deadLetterQueue(query.processor());
        if (queue.isEmpty()) {
            return new DeadLetterPage(false, List.of(), 0);
        }
        List<DeadLetterView> page = new ArrayList<>();
        long index = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (index >= query.offset() && page.size() < query.limit()) {
                    page.add(view(letter));
                }
                index++;
            }
        }
        return new DeadLetterPage(true, page, index);
    }

    @CommandHandler
    OperationOutcome retry(RetryDeadLetters command) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue =
                eventProcessing.deadLetterQueue(command.processor());
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                eventProcessing.sequencedDeadLetterProcessor(command.processor());
        if (queue.isEmpty() || processor.isEmpty()) {
            return unknown(command.processor());
        }
        long before = queue.get().size();
        // one sequence at a time, each picked by its first letter, so a sequence that fails again does not keep the
        // others waiting (processAny would stop at the first failure)
        List<String> heads = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
            StreamSupport.stream(sequence.spliterator(), false).findFirst()
                    .ifPresent(letter -> heads.add(letter.message().getIdentifier()));
        }
        for (String head : heads) {
            boolean handled = processor.get().process(letter -> letter.message().getIdentifier().equals(head));
            if (!handled) {
                log.info("Dead-letter sequence starting at {} of {} failed again", head, command.processor());
            }
        }
        return OperationOutcome.done(Math.max(0, before - queue.get().size()));
    }

    @CommandHandler
    OperationOutcome evict(EvictDeadLetter command) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue =
                eventProcessing.deadLetterQueue(command.processor());
        if (queue.isEmpty()) {
            return unknown(command.processor());
        }
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(command.letterId())) {
                    queue.get().evict(letter);
                    log.info("Evicted dead letter {} of {}", command.letterId(), command.processor());
                    return OperationOutcome.done(1);
                }
            }
        }
        return OperationOutcome.refused(new RuleViolation(ErrorCode.NOT_FOUND, List.of("letterId"),
                "No dead letter '" + command.letterId() + "' in '" + command.processor() + "'"));
    }

    private static OperationOutcome unknown(String processor) {
        return OperationOutcome.refused(new RuleViolation(ErrorCode.NOT_FOUND, List.of("processor"),
                "No event processor with a dead-letter queue is named '" + processor + "'"));
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateId = null;
        Long sequenceNumber = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequenceNumber = domain.getSequenceNumber();
        }
        String sequence = letter instanceof org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter<?> mongo
                ? mongo.sequenceIdentifier() : aggregateId;
        Optional<Cause> cause = letter.cause();
        return new DeadLetterView(event.getIdentifier(), sequence, event.getPayloadType().getName(), aggregateId,
                sequenceNumber, event.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null));
    }
}
