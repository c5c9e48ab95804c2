package io.jangteo.graphql.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.stream.StreamEnd;
import io.jangteo.messages.stream.StreamEventsQuery;
import io.jangteo.messages.stream.StreamStart;
import io.jangteo.messages.stream.StreamedEventView;
import org.axonframework.queryhandling.QueryGateway;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bulk export of a range of events as NDJSON (one JSON object per line, the fields of {@code StreamedEvent}), for
 * loading into analytics tools. {@code from} and {@code to} are inclusive positions; the export ends at {@code to}
 * or at the head of the store when the request arrives, whichever comes first, so it always ends. Lines are written
 * as they are read, a few events ahead at most: an export of the whole store takes no more memory than one of ten
 * events, and a slow reader slows reading down.
 */
@RestController
class EventExportController {

    static final String PATH = "/events/export";
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    /** Events read ahead of the socket: enough to keep the writer busy, small enough to stay out of the heap. */
    private static final int READ_AHEAD = 32;

    private final QueryGateway queryGateway;
    private final ObjectMapper objectMapper;

    EventExportController(QueryGateway queryGateway, ObjectMapper objectMapper) {
        this.queryGateway = queryGateway;
        this.objectMapper = objectMapper;
    }

    /**
     * Writes on the request's own thread rather than as an asynchronous body: an asynchronous response ends at the
     * container's async timeout (30 s on Tomcat), which a large export outlasts.
     */
    @GetMapping(PATH)
    void export(@RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String fromTime,
                             @RequestParam(required = false) String toTime,
                             @RequestParam(required = false) String eventTypes,
                             @RequestParam(required = false) String aggregateTypes,
                             Authentication authentication, HttpServletResponse response) throws IOException {
        StreamEventsQuery query;
        Actor reader;
        try {
            // the security chain lets only analysts and admins in; asking again keeps the rule next to its use
            reader = StreamAccess.reader(Actor.from(authentication));
            Long first = position(from, "from");
            Long last = position(to, "to");
            Instant earliest = instant(fromTime, "fromTime");
            Instant latest = instant(toTime, "toTime");
            if (first != null && earliest != null) {
                throw new ApiException(ApiException.Code.BAD_USER_INPUT, "Give 'from' or 'fromTime', not both");
            }
            if (first != null && last != null && last < first) {
                throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'to' lies before 'from'");
            }
            StreamStart start = first != null ? StreamStart.after(first - 1)
                    : earliest != null ? StreamStart.at(earliest) : StreamStart.beginning();
            query = new StreamEventsQuery(StreamAccess.filter(list(eventTypes), list(aggregateTypes)), start,
                    new StreamEnd(last, latest), StreamAccess.withPersonalData(reader));
        } catch (ApiException e) {
            HttpStatus status = switch (e.code()) {
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.BAD_REQUEST;
            };
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", e.code().name());
            body.put("message", e.getMessage());
            response.setStatus(status.value());
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(objectMapper.writeValueAsBytes(body));
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setContentType(NDJSON.toString());
        write(query, response.getOutputStream());
    }

    private void write(StreamEventsQuery query, OutputStream out) throws IOException {
        // closing the stream cancels the query, so a client that hangs up mid-export closes the store's stream too
        try (Stream<StreamedEventView> events = Flux.from(
                queryGateway.streamingQuery(query, StreamedEventView.class)).toStream(READ_AHEAD)) {
            Iterator<StreamedEventView> it = events.iterator();
            while (it.hasNext()) {
                out.write(objectMapper.writeValueAsBytes(line(it.next())));
                out.write('\n');
            }
        }
        out.flush();
    }

    private static Map<String, Object> line(StreamedEventView event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("position", event.position());
        line.put("resumeToken", event.resumeToken());
        line.put("eventId", event.eventId());
        line.put("eventType", event.eventType());
        line.put("aggregateType", event.aggregateType());
        line.put("aggregateId", event.aggregateId());
        line.put("sequenceNumber", event.sequenceNumber());
        line.put("occurredAt", event.occurredAt().toString());
        line.put("payloadJson", event.payloadJson());
        line.put("metaData", new java.util.TreeMap<>(event.metaData()));
        return line;
    }

    private static Long position(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(text.trim());
            if (position < 0) {
                throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + name + "' is a position, 0 or more");
            }
            return position;
        } catch (NumberFormatException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + name + "' is a position, 0 or more");
        }
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT,
                    "'" + name + "' is an RFC 3339 instant in UTC, e.g. 2026-01-05T09:00:00Z");
        }
    }

    private static List<String> list(String names) {
        return names == null || names.isBlank() ? List.of()
                : Arrays.stream(names.split(",")).map(String::trim).toList();
    }
}
