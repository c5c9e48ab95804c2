package io.jangteo.command.alerts;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.alerts.AlertDelivered;
import io.jangteo.messages.alerts.AlertDeliveryFailed;
import io.jangteo.messages.alerts.IncidentOpened;
import io.jangteo.messages.alerts.IncidentResolved;
import io.jangteo.messages.alerts.OpenIncident;
import io.jangteo.messages.alerts.RecordAlertDelivery;
import io.jangteo.messages.alerts.ResolveIncident;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One occurrence of an alert rule's condition, from opening to resolution. Only the alert engine (a system actor)
 * writes incidents: they are the application's testimony about itself, which no caller of the API may forge.
 * Resolving twice changes nothing, so the engine may retry after a lost answer.
 */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    private String rule;
    private boolean resolved;

    protected Incident() {
        // for Axon
    }

    @CommandHandler
    Incident(OpenIncident command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        assertSystem(actorRole);
        apply(new IncidentOpened(command.incidentId(), command.rule(), command.ruleType(), command.subject(),
                command.value(), command.threshold(), command.window(), command.instance(), command.link(),
                command.notified(), command.openedAt()));
    }

    @CommandHandler
    void handle(ResolveIncident command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        assertSystem(actorRole);
        if (!resolved) {
            apply(new IncidentResolved(incidentId, rule, command.value(), command.resolvedAt()));
        }
    }

    @CommandHandler
    void handle(RecordAlertDelivery command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        assertSystem(actorRole);
        if (command.delivered()) {
            apply(new AlertDelivered(incidentId, command.status(), command.notifier(), command.attempts(),
                    command.at()));
        } else {
            apply(new AlertDeliveryFailed(incidentId, command.status(), command.notifier(), command.attempts(),
                    command.error(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        incidentId = event.incidentId();
        rule = event.rule();
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        resolved = true;
    }

    private static void assertSystem(String actorRole) {
        if (!ActorRole.SYSTEM.name().equals(actorRole)) {
            throw new SystemOnly();
        }
    }

    /** Someone other than the alert engine tried to write an incident. */
    static final class SystemOnly extends DomainRuleViolation {
        SystemOnly() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the alert engine records incidents");
        }
    }
}
