package io.jangteo.command.alerts;

import io.jangteo.messages.alerts.AlertDelivered;
import io.jangteo.messages.alerts.AlertDeliveryFailed;
import io.jangteo.messages.alerts.IncidentOpened;
import io.jangteo.messages.alerts.IncidentResolved;
import io.jangteo.messages.alerts.IncidentStatus;
import io.jangteo.messages.alerts.OpenIncident;
import io.jangteo.messages.alerts.RecordAlertDelivery;
import io.jangteo.messages.alerts.ResolveIncident;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

class IncidentTest {

    private static final String ID = "incident-1";
    private static final Instant OPENED = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-12-01T00:05:00Z");
    private static final IncidentOpened OPENED_EVENT = new IncidentOpened(ID, "error-rate", "ERROR_RATE", "", 0.8, 0.5,
            "PT5M", "node-1", "http://console/graphiql", true, OPENED);

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void theAlertEngineOpensAnIncident() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncident(ID, "error-rate", "ERROR_RATE", null, 0.8, 0.5, "PT5M", "node-1",
                        "http://console/graphiql", true, OPENED), system())
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED_EVENT);
    }

    @Test
    void nobodyButASystemActorRecordsIncidents() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncident(ID, "error-rate", "ERROR_RATE", "", 0.8, 0.5, "PT5M", "node-1", null, true,
                        OPENED), Map.of(AuditKeys.ACTOR_ROLE, ActorRole.ADMIN.name()))
                .expectNoEvents()
                .expectException(Incident.SystemOnly.class);
        fixture.given(OPENED_EVENT)
                .when(new ResolveIncident(ID, 0, RESOLVED), Map.of(AuditKeys.ACTOR_ROLE, ActorRole.ADMIN.name()))
                .expectNoEvents()
                .expectException(Incident.SystemOnly.class);
    }

    @Test
    void anIncidentResolvesOnce() {
        fixture.given(OPENED_EVENT)
                .when(new ResolveIncident(ID, 0.1, RESOLVED), system())
                .expectEvents(new IncidentResolved(ID, "error-rate", 0.1, RESOLVED));
        fixture.given(OPENED_EVENT, new IncidentResolved(ID, "error-rate", 0.1, RESOLVED))
                .when(new ResolveIncident(ID, 0.0, RESOLVED.plusSeconds(1)), system())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deliveriesAreRecordedAsDeliveredOrFailed() {
        fixture.given(OPENED_EVENT)
                .when(new RecordAlertDelivery(ID, IncidentStatus.FIRING, "slack#0", true, 3, null, RESOLVED), system())
                .expectEvents(new AlertDelivered(ID, IncidentStatus.FIRING, "slack#0", 3, RESOLVED));
        fixture.given(OPENED_EVENT)
                .when(new RecordAlertDelivery(ID, IncidentStatus.RESOLVED, "discord#2", false, 5, "HTTP 500",
                        RESOLVED), system())
                .expectEvents(new AlertDeliveryFailed(ID, IncidentStatus.RESOLVED, "discord#2", 5, "HTTP 500",
                        RESOLVED));
    }

    private static Map<String, Object> system() {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SYSTEM.name(), AuditKeys.ACTOR_ID, "system:alerts");
    }
}
