package io.jangteo.graphql.seller;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Cursors;
import io.jangteo.graphql.support.PageInfo;
import io.jangteo.messages.audit.AsOf;
import io.jangteo.messages.audit.FindSellerAsOfQuery;
import io.jangteo.messages.seller.FindSellerQuery;
import io.jangteo.messages.seller.FindSellersQuery;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerPage;
import io.jangteo.messages.seller.SellerStatus;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shipping.OverseasZone;
import io.jangteo.messages.shipping.SellerShippingFee;
import io.jangteo.messages.shipping.ShippingPolicy;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Seller shop queries and the fields only a shop's own seller and staff may read. */
@Controller
class SellerController {

    private static final String CURSOR_KIND = "seller";
    private static final Pattern CURSOR_KEY = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final int DEFAULT_PAGE = 20;

    private final QueryGateway queryGateway;
    private final SellerBatches sellers;

    SellerController(QueryGateway queryGateway, SellerBatches sellers) {
        this.queryGateway = queryGateway;
        this.sellers = sellers;
    }

    @QueryMapping
    Mono<SellerView> seller(@Argument String id, @Argument Instant asOf, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        SellerId sellerId;
        try {
            sellerId = SellerId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'id' is not a seller id");
        }
        Object query = asOf == null ? new FindSellerQuery(sellerId) : new FindSellerAsOfQuery(sellerId, AsOf.of(asOf));
        Mono<SellerView> visible = Mono.fromFuture(() -> queryGateway.query(query,
                        ResponseTypes.optionalInstanceOf(SellerView.class)))
                .flatMap(Mono::justOrEmpty)
                // shops under review, rejected or suspended answer like missing ones, except to themselves and staff;
                // as of an instant, the shop's status then decides
                .filter(s -> s.status() == SellerStatus.ACTIVE || actor.isStaffOrSellerOf(s.id()));
        return asOf == null ? visible : visible.switchIfEmpty(Mono.error(() -> new ApiException(
                ApiException.Code.NOT_FOUND, "No shop you may see existed at that instant")));
    }

    @QueryMapping
    Mono<SellerConnection> sellers(@Argument SellerStatus status, @Argument Integer first, @Argument String after,
                                   Authentication authentication) {
        Actor.from(authentication).requireRole(ActorRole.ADMIN, ActorRole.SUPPORT, ActorRole.ANALYST);
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 0 || size > FindSellersQuery.MAX_PAGE_SIZE) {
            throw new ApiException(ApiException.Code.BAD_USER_INPUT,
                    "Page size must be between 0 and " + FindSellersQuery.MAX_PAGE_SIZE);
        }
        FindSellersQuery query = new FindSellersQuery(status, size,
                Cursors.decode(CURSOR_KIND, after, "after", CURSOR_KEY));
        return Mono.fromFuture(() -> queryGateway.query(query, SellerPage.class)).map(page -> {
            List<SellerEdge> edges = new ArrayList<>();
            for (int i = 0; i < page.items().size(); i++) {
                edges.add(new SellerEdge(Cursors.encode(CURSOR_KIND, page.cursors().get(i)), page.items().get(i)));
            }
            return new SellerConnection(edges, new PageInfo(page.hasNextPage(), after != null,
                    edges.isEmpty() ? null : edges.get(0).cursor(),
                    edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), page.totalCount());
        });
    }

    @SchemaMapping(typeName = "Seller", field = "settlementAccount")
    SettlementAccount settlementAccount(SellerView seller, Authentication authentication) {
        return Actor.from(authentication).isStaffOrSellerOf(seller.id()) ? seller.settlementAccount() : null;
    }

    @SchemaMapping(typeName = "Seller", field = "ownerActorId")
    String ownerActorId(SellerView seller, Authentication authentication) {
        return Actor.from(authentication).isStaffOrSellerOf(seller.id()) ? seller.ownerActorId() : null;
    }

    @SchemaMapping(typeName = "Seller", field = "statusReason")
    String statusReason(SellerView seller, Authentication authentication) {
        return Actor.from(authentication).isStaffOrSellerOf(seller.id()) ? seller.statusReason() : null;
    }

    @SchemaMapping(typeName = "ShippingPolicy", field = "overseasZones")
    List<OverseasZone> overseasZones(ShippingPolicy policy) {
        return policy.overseas() == null ? null : policy.overseas().zones();
    }

    @SchemaMapping(typeName = "OverseasZone", field = "countries")
    List<String> countries(OverseasZone zone) {
        return zone.countries().stream().sorted().toList();
    }

    @SchemaMapping(typeName = "SellerShippingFee", field = "sellerId")
    String sellerId(SellerShippingFee fee) {
        return fee.sellerId().value();
    }

    @BatchMapping(typeName = "SellerShippingFee", field = "seller")
    Mono<Map<SellerShippingFee, SellerView>> seller(List<SellerShippingFee> fees) {
        return sellers.sellersOf(fees, fee -> fee.sellerId().value());
    }

    record SellerEdge(String cursor, SellerView node) {
    }

    record SellerConnection(List<SellerEdge> edges, PageInfo pageInfo, long totalCount) {
    }
}
