package io.jangteo.graphql.analytics;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.messages.analytics.FindSalesStatsQuery;
import io.jangteo.messages.analytics.SalesDimension;
import io.jangteo.messages.analytics.SalesStatsFilter;
import io.jangteo.messages.analytics.SalesStatsRow;
import io.jangteo.messages.analytics.SalesStatsView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Sales figures for analysts and admins, and for a seller about its own shop only. A seller must name its shop in the
 * filter rather than have it filled in: a question that silently answered with less than was asked would mislead.
 */
@Controller
class SalesStatsController {

    private final QueryGateway queryGateway;

    SalesStatsController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    record SalesStatsFilterInput(String fromDay, String toDay, String sellerId, String categoryId) {
    }

    @QueryMapping
    Mono<SalesStatsView> salesStats(@Argument SalesStatsFilterInput filter, @Argument List<SalesDimension> groupBy,
                                    Authentication authentication) {
        FindSalesStatsQuery query = query(Actor.from(authentication), filter, groupBy);
        return Mono.fromFuture(() -> queryGateway.query(query, SalesStatsView.class));
    }

    @SubscriptionMapping
    Flux<SalesStatsRow> salesStatsChanged(@Argument SalesStatsFilterInput filter,
                                          @Argument List<SalesDimension> groupBy, Authentication authentication) {
        FindSalesStatsQuery query = query(Actor.from(authentication), filter, groupBy);
        return Flux.using(
                () -> queryGateway.subscriptionQuery(query, ResponseTypes.instanceOf(SalesStatsView.class),
                        ResponseTypes.instanceOf(SalesStatsRow.class)),
                SubscriptionQueryResult::updates,
                SubscriptionQueryResult::close);
    }

    @SchemaMapping(typeName = "SalesStatsRow", field = "day")
    String day(SalesStatsRow row) {
        return row.day() == null ? null : row.day().toString();
    }

    @SchemaMapping(typeName = "SalesStatsRow", field = "sellerId")
    String sellerId(SalesStatsRow row) {
        return row.sellerId() == null ? null : row.sellerId().value();
    }

    /** Authorizes before parsing, so a caller without access learns nothing from the error about its input. */
    static FindSalesStatsQuery query(Actor actor, SalesStatsFilterInput input, List<SalesDimension> groupBy) {
        actor.requireRole(ActorRole.ANALYST, ActorRole.ADMIN, ActorRole.SELLER);
        if (actor.role() == ActorRole.SELLER
                && (input.sellerId() == null || actor.sellerId() == null || !actor.sellerId().equals(input.sellerId()))) {
            throw new ApiException(ApiException.Code.FORBIDDEN,
                    "A seller sees only its own shop's figures: set filter.sellerId to your shop");
        }
        LocalDate from = day(input.fromDay(), "fromDay");
        LocalDate to = day(input.toDay(), "toDay");
        SalesStatsFilter filter;
        try {
            filter = new SalesStatsFilter(from, to,
                    input.sellerId() == null || input.sellerId().isBlank() ? null : SellerId.of(input.sellerId()),
                    input.categoryId());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, e.getMessage());
        }
        return new FindSalesStatsQuery(filter, groupBy);
    }

    private static LocalDate day(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + field + "' must be a day as YYYY-MM-DD");
        }
    }
}
