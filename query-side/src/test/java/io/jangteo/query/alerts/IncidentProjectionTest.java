package io.jangteo.query.alerts;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.alerts.AlertDelivered;
import io.jangteo.messages.alerts.AlertDeliveryFailed;
import io.jangteo.messages.alerts.FindIncidentsQuery;
import io.jangteo.messages.alerts.IncidentOpened;
import io.jangteo.messages.alerts.IncidentPage;
import io.jangteo.messages.alerts.IncidentResolved;
import io.jangteo.messages.alerts.IncidentStatus;
import io.jangteo.messages.alerts.IncidentView;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static EmbeddedReadStore readStore;

    private IncidentProjection projection;
    private IncidentQueryHandler queries;
    private EventFeed feed;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        MongoDatabase database = readStore.freshDatabase();
        projection = new IncidentProjection(database);
        queries = new IncidentQueryHandler(database);
        feed = new EventFeed(projection);
    }

    @Test
    void anIncidentShowsItsOpeningResolutionAndDeliveries() {
        feed.next("i-1", opened("i-1", T0));
        feed.next("i-1", new AlertDelivered("i-1", IncidentStatus.FIRING, "slack#0", 1, T0.plusSeconds(1)));
        feed.next("i-1", new AlertDeliveryFailed("i-1", IncidentStatus.FIRING, "discord#1", 5, "HTTP 500",
                T0.plusSeconds(30)));
        feed.next("i-1", new IncidentResolved("i-1", "error-rate", 0.01, T0.plusSeconds(300)));

        IncidentView incident = queries.find(new FindIncidentsQuery(null, 0, 10)).incidents().get(0);

        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incident.value()).isEqualTo(0.8);
        assertThat(incident.threshold()).isEqualTo(0.5);
        assertThat(incident.openedAt()).isEqualTo(T0);
        assertThat(incident.resolvedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(incident.resolvedValue()).isEqualTo(0.01);
        assertThat(incident.deliveries()).containsExactly(
                new IncidentView.Delivery(IncidentStatus.FIRING, "slack#0", true, 1, null, T0.plusSeconds(1)),
                new IncidentView.Delivery(IncidentStatus.FIRING, "discord#1", false, 5, "HTTP 500",
                        T0.plusSeconds(30)));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        feed.next("i-1", opened("i-1", T0));
        AlertDelivered delivered = new AlertDelivered("i-1", IncidentStatus.FIRING, "slack#0", 1, T0);
        long version = feed.next("i-1", delivered);
        feed.deliver(delivered, version);
        feed.deliver(opened("i-1", T0), 0);

        IncidentView incident = queries.find(new FindIncidentsQuery(null, 0, 10)).incidents().get(0);
        assertThat(incident.deliveries()).hasSize(1);
        assertThat(incident.status()).isEqualTo(IncidentStatus.FIRING);
    }

    @Test
    void incidentsListNewestFirstByStatusAndPage() {
        feed.next("i-1", opened("i-1", T0));
        feed.next("i-2", opened("i-2", T0.plusSeconds(60)));
        feed.next("i-3", opened("i-3", T0.plusSeconds(120)));
        feed.next("i-2", new IncidentResolved("i-2", "error-rate", 0, T0.plusSeconds(90)));

        IncidentPage firing = queries.find(new FindIncidentsQuery(IncidentStatus.FIRING, 0, 10));
        assertThat(firing.incidents()).extracting(IncidentView::incidentId).containsExactly("i-3", "i-1");
        assertThat(firing.totalCount()).isEqualTo(2);
        IncidentPage second = queries.find(new FindIncidentsQuery(null, 1, 1));
        assertThat(second.incidents()).extracting(IncidentView::incidentId).containsExactly("i-2");
        assertThat(second.totalCount()).isEqualTo(3);
        assertThatThrownBy(() -> queries.find(new FindIncidentsQuery(null, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static IncidentOpened opened(String id, Instant at) {
        return new IncidentOpened(id, "error-rate", "ERROR_RATE", "", 0.8, 0.5, "PT5M", "node-1", "http://console",
                true, at);
    }
}
