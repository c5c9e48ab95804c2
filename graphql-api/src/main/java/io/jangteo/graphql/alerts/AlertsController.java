package io.jangteo.graphql.alerts;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.alerts.FindIncidentsQuery;
import io.jangteo.messages.alerts.IncidentPage;
import io.jangteo.messages.alerts.IncidentStatus;
import io.jangteo.messages.alerts.IncidentView;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The incidents the alert engine recorded, for admins: incidents name the instance and its weaknesses. */
@Controller
class AlertsController {

    static final int DEFAULT_FIRST = 20;
    static final int MAX_FIRST = 100;
    private static final String CURSOR_PREFIX = "incident:";

    private final QueryGateway queryGateway;

    AlertsController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @QueryMapping
    Mono<Map<String, Object>> alerts(@Argument Integer first, @Argument String after,
                                     @Argument IncidentStatus status, Authentication authentication) {
        Actor.from(authentication).requireRole(ActorRole.ADMIN);
        int limit = first == null ? DEFAULT_FIRST : first;
        if (limit < 1 || limit > MAX_FIRST) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'first' must be between 1 and " + MAX_FIRST);
        }
        int offset = after == null ? 0 : decode(after) + 1;
        return Mono.fromFuture(() -> queryGateway.query(new FindIncidentsQuery(status, offset, limit),
                        ResponseTypes.instanceOf(IncidentPage.class)))
                .map(page -> connection(page, offset));
    }

    private static Map<String, Object> connection(IncidentPage page, int offset) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < page.incidents().size(); i++) {
            IncidentView incident = page.incidents().get(i);
            edges.add(Map.of("cursor", encode(offset + i), "node", incident));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", offset + edges.size() < page.totalCount());
        pageInfo.put("hasPreviousPage", offset > 0);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", page.totalCount());
    }

    private static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                int position = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the typed error
        }
        throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'after' is not a cursor of alerts");
    }
}
