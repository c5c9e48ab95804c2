package io.jangteo.graphql.stream;

import io.jangteo.graphql.security.Actor;
import io.jangteo.messages.stream.EventStreamFilter;
import io.jangteo.messages.stream.StreamEventsQuery;
import io.jangteo.messages.stream.StreamStart;
import io.jangteo.messages.stream.StreamedEventView;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code events} subscription. Back-pressure reaches the store: the WebSocket transport asks for one message
 * after the previous one was sent, the streaming query passes that demand on, and the query side reads one event per
 * event asked for. So no buffer sits in between that could overflow or drop; a client that stops reading stalls its
 * own stream until the server's send timeout closes the socket with an error.
 */
@Controller
class EventStreamController {

    private final QueryGateway queryGateway;

    EventStreamController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @SubscriptionMapping
    Flux<StreamedEventView> events(@Argument FilterInput filter, @Argument StartInput from,
                                   Authentication authentication) {
        Actor reader = StreamAccess.reader(Actor.from(authentication));
        EventStreamFilter eventFilter = filter == null ? EventStreamFilter.ALL
                : StreamAccess.filter(filter.eventTypes(), filter.aggregateTypes());
        StreamStart start = from == null ? StreamStart.beginning()
                : StreamAccess.start(from.afterPosition(), from.at(), from.resumeToken());
        StreamEventsQuery query = new StreamEventsQuery(eventFilter, start, null,
                StreamAccess.withPersonalData(reader));
        return Flux.from(queryGateway.streamingQuery(query, StreamedEventView.class));
    }

    @SchemaMapping(typeName = "StreamedEvent", field = "metaData")
    List<Map<String, String>> metaData(StreamedEventView event) {
        return event.metaData().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> Map.of("key", entry.getKey(), "value", entry.getValue()))
                .toList();
    }

    record FilterInput(List<String> eventTypes, List<String> aggregateTypes) {
    }

    record StartInput(Long afterPosition, Instant at, String resumeToken) {
    }
}
