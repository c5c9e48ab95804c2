package io.jangteo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The history scenarios' world: one buyer with a long history — paid orders, then thousands of consent changes (the
 * member's own stream) and cart changes (their cart's stream) — so support's reads run against a member with
 * {@value #TARGET_EVENTS} events, as issue 6 asks. (Points adjustments would be the other obvious filler, but every
 * grant is an earning the member read model keeps in the member's document, so thousands of them measure that
 * document's growth rather than history reads.) Then the calls support makes: the first and the newest
 * page of the member's timeline, and one of their orders as it was just after it was paid.
 */
final class History {

    static final int TARGET_EVENTS = 10_000;
    private static final int ORDERS = 20;
    private static final int WRITERS = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ME = "{\"query\":\"{ me { id } }\"}";
    private static final String CONSENT = "mutation C($input: ChangeMarketingConsentInput!) { "
            + "changeMarketingConsent(input: $input) { errors { code field message } } }";
    private static final String ADD_TO_CART = "mutation A($input: AddToCartInput!) { "
            + "addToCart(input: $input) { errors { code field message } } }";
    private static final String CART_QUANTITY = "mutation Q($input: ChangeCartItemQuantityInput!) { "
            + "changeCartItemQuantity(input: $input) { errors { code field message } } }";
    private static final String TIMELINE_FIRST = "query T($id: ID!) { memberTimeline(memberId: $id, first: 20) { "
            + "totalCount edges { cursor node { eventId occurredAt category summary eventType actor { id role } "
            + "clientIp } } pageInfo { hasNextPage endCursor } } }";
    private static final String TIMELINE_LAST = "query T($id: ID!) { memberTimeline(memberId: $id, last: 20) { "
            + "totalCount edges { cursor node { eventId occurredAt category summary eventType actor { id role } "
            + "clientIp } } pageInfo { hasPreviousPage startCursor } } }";
    private static final String ORDER_AS_OF = "query O($id: ID!, $asOf: DateTime!) { order(id: $id, asOf: $asOf) { "
            + "id status amountToPay { amount currency } lines { productId quantity status } } }";

    private final GraphQl gql;
    private final String supportToken;
    private final String memberId;
    private final String orderId;
    private final Instant orderPaidBy;
    private final long events;

    private History(GraphQl gql, String supportToken, String memberId, String orderId, Instant orderPaidBy,
                    long events) {
        this.gql = gql;
        this.supportToken = supportToken;
        this.memberId = memberId;
        this.orderId = orderId;
        this.orderPaidBy = orderPaidBy;
        this.events = events;
    }

    /** Builds the long history through the API, as the member and an admin would, and waits for the timeline. */
    static History prepare(GraphQl gql, Orders shop) throws Exception {
        String buyer = shop.buyerToken(0);
        String memberId = JSON.readTree(gql.callForBody(ME, buyer)).path("data").path("me").path("id").asText();
        if (memberId.isBlank()) {
            throw new IOException("the history buyer has no member id");
        }
        String orderId = null;
        Instant paidBy = null;
        for (int i = 0; i < ORDERS; i++) {
            String id = shop.placePaidOrder(0);
            if (orderId == null) {
                orderId = id;
                paidBy = Instant.now();
            }
        }
        String support = gql.devLogin("SUPPORT", null, "bench-support");
        // each cart writer moves a line of its own between 1 and 2 units, so every change is a change
        for (int w = 1; w < WRITERS; w += 2) {
            Orders.Item item = shop.item(w);
            gql.mutation(ADD_TO_CART, JSON.createObjectNode().put("productId", item.productId())
                    .put("variantId", item.variantId()).put("quantity", 1), buyer, "addToCart");
        }
        long have = timelineCount(gql, support, memberId);
        long missing = Math.max(0, TARGET_EVENTS - have);
        AtomicLong written = new AtomicLong();
        AtomicBoolean enough = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                boolean consents = w % 2 == 0;
                Orders.Item item = shop.item(w);
                done.add(writers.submit(() -> {
                    long n;
                    long flips = 0;
                    // a write that changes nothing stores no event: write until the timeline holds enough
                    while (!enough.get() && (n = written.incrementAndGet()) <= 3 * missing) {
                        if (n % 250 == 0 && timelineCount(gql, support, memberId) >= TARGET_EVENTS) {
                            enough.set(true);
                        }
                        if (consents) {
                            ObjectNode input = JSON.createObjectNode().put("channel", n % 4 < 2 ? "EMAIL" : "SMS")
                                    .put("granted", n % 2 == 0);
                            gql.mutation(CONSENT, input, buyer, "changeMarketingConsent");
                        } else {
                            ObjectNode input = JSON.createObjectNode().put("productId", item.productId())
                                    .put("variantId", item.variantId()).put("quantity", (int) (++flips % 2) + 1);
                            gql.mutation(CART_QUANTITY, input, buyer, "changeCartItemQuantity");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long count;
        while ((count = timelineCount(gql, support, memberId)) < TARGET_EVENTS && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return new History(gql, support, memberId, orderId, paidBy, count);
    }

    private static long timelineCount(GraphQl gql, String token, String memberId) throws IOException,
            InterruptedException {
        String answer = gql.callForBody(GraphQl.withVariables(TIMELINE_FIRST, JSON.createObjectNode().put("id", memberId)),
                token);
        JsonNode timeline = JSON.readTree(answer).path("data").path("memberTimeline");
        if (timeline.isMissingNode() || timeline.isNull()) {
            throw new IOException("memberTimeline failed: " + answer);
        }
        return timeline.path("totalCount").asLong();
    }

    long events() {
        return events;
    }

    Load.Call timelineFirstPage() {
        String body = GraphQl.withVariables(TIMELINE_FIRST, JSON.createObjectNode().put("id", memberId));
        return () -> gql.call(body, supportToken);
    }

    Load.Call timelineNewestPage() {
        String body = GraphQl.withVariables(TIMELINE_LAST, JSON.createObjectNode().put("id", memberId));
        return () -> gql.call(body, supportToken);
    }

    Load.Call orderAsOf() {
        String body = GraphQl.withVariables(ORDER_AS_OF, JSON.createObjectNode().put("id", orderId)
                .put("asOf", orderPaidBy.toString()));
        return () -> gql.call(body, supportToken);
    }
}
