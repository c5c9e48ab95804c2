package io.jangteo.bench.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jangteo.bench.GraphQl;
import io.jangteo.bench.Orders;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The template orders, made through the real API as shops and buyers would: the bench's checkout world (two shops,
 * twenty products, buyers with a stored card), orders placed to PAID, then each driven along one of the common paths
 * with the real mutations: fulfilled and confirmed (most), cancelled after payment, returned after delivery, or left
 * in transit.
 */
final class TemplateOrders {

    enum Path { CONFIRMED, CANCELLED, RETURNED, IN_TRANSIT }

    record Template(String orderId, Path path) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "{ orderId order { id status claims { claimId status } } errors { code field message } }";
    private static final String ORDER = "query O($id: ID!) { order(id: $id) { id status lines { lineId sellerId } "
            + "sellers { sellerId status } } }";
    private static final String START_PREPARING = "mutation M($input: OrderSellerPartInput!) { startPreparing(input: $input) " + PAYLOAD + " }";
    private static final String SHIP = "mutation M($input: ShipOrderInput!) { shipOrder(input: $input) " + PAYLOAD + " }";
    private static final String DELIVERED = "mutation M($input: OrderSellerPartInput!) { markDelivered(input: $input) " + PAYLOAD + " }";
    private static final String CONFIRM = "mutation M($input: OrderSellerPartInput!) { confirmPurchase(input: $input) " + PAYLOAD + " }";
    private static final String CANCEL = "mutation M($input: CancelOrderInput!) { cancelOrder(input: $input) " + PAYLOAD + " }";
    private static final String REQUEST_RETURN = "mutation M($input: RequestReturnInput!) { requestReturn(input: $input) " + PAYLOAD + " }";
    private static final String APPROVE_RETURN = "mutation M($input: OrderReturnInput!) { approveReturn(input: $input) " + PAYLOAD + " }";
    private static final String RECEIVE_RETURN = "mutation M($input: OrderReturnInput!) { receiveReturn(input: $input) " + PAYLOAD + " }";

    private final GraphQl gql;
    private final String admin;
    private final Orders world;
    private final int buyers;

    private TemplateOrders(GraphQl gql, String admin, Orders world, int buyers) {
        this.gql = gql;
        this.admin = admin;
        this.world = world;
        this.buyers = buyers;
    }

    static TemplateOrders prepare(GraphQl gql, int buyers) throws IOException, InterruptedException {
        String admin = gql.devLogin("ADMIN", null);
        return new TemplateOrders(gql, admin, Orders.prepare(gql, admin, buyers, "seed passphrase 1"), buyers);
    }

    /** Places and drives {@code count} orders, four at a time; answers them in the order they were placed. */
    List<Template> make(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Template>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> one(n)));
            }
            List<Template> templates = new ArrayList<>();
            for (Future<Template> f : futures) {
                templates.add(f.get());
            }
            return templates;
        } finally {
            pool.shutdownNow();
        }
    }

    /** 1 in 10 cancelled, 1 in 10 returned, 1 in 20 left in transit, the rest confirmed. */
    static Path pathOf(int n) {
        return switch (n % 20) {
            case 3, 13 -> Path.CANCELLED;
            case 7, 17 -> Path.RETURNED;
            case 11 -> Path.IN_TRANSIT;
            default -> Path.CONFIRMED;
        };
    }

    private Template one(int n) throws IOException, InterruptedException {
        int buyer = n % buyers;
        String buyerToken = world.buyerToken(buyer);
        String orderId = world.placePaidOrder(buyer);
        Path path = pathOf(n);
        if (path == Path.CANCELLED) {
            call(CANCEL, JSON.createObjectNode().put("orderId", orderId).put("reason", "마음이 바뀌었어요"), buyerToken,
                    "cancelOrder");
            return new Template(orderId, path);
        }
        Map<String, List<String>> linesBySeller = linesBySeller(orderId);
        boolean first = true;
        for (Map.Entry<String, List<String>> part : linesBySeller.entrySet()) {
            String sellerId = part.getKey();
            String seller = world.sellerToken(sellerId);
            ObjectNode partInput = JSON.createObjectNode().put("orderId", orderId).put("sellerId", sellerId);
            call(START_PREPARING, partInput, seller, "startPreparing");
            call(SHIP, partInput.deepCopy().put("carrier", "CJ대한통운")
                    .put("trackingNumber", Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L))),
                    seller, "shipOrder");
            if (path == Path.IN_TRANSIT) {
                continue;
            }
            call(DELIVERED, partInput, seller, "markDelivered");
            if (path == Path.RETURNED && first) {
                ObjectNode request = JSON.createObjectNode().put("orderId", orderId).put("reason", "CHANGE_OF_MIND")
                        .put("detail", "생각보다 작아요");
                part.getValue().forEach(request.putArray("lineIds")::add);
                JsonNode claims = call(REQUEST_RETURN, request, buyerToken, "requestReturn").path("order").path("claims");
                String claimId = claims.path(claims.size() - 1).path("claimId").asText();
                ObjectNode claim = JSON.createObjectNode().put("orderId", orderId).put("returnId", claimId);
                call(APPROVE_RETURN, claim, seller, "approveReturn");
                call(RECEIVE_RETURN, claim, seller, "receiveReturn");
            } else {
                call(CONFIRM, partInput, buyerToken, "confirmPurchase");
            }
            first = false;
        }
        return new Template(orderId, path);
    }

    private Map<String, List<String>> linesBySeller(String orderId) throws IOException, InterruptedException {
        ObjectNode variables = JSON.createObjectNode().put("id", orderId);
        String answer = null;
        // the order read model follows the order's events: give it a moment
        for (int attempt = 0; attempt < 100; attempt++) {
            answer = gql.callForBody(GraphQl.withVariables(ORDER, variables), admin);
            String error = GraphQl.errorOf(200, answer);
            if (error != null) {
                throw new IOException("order(" + orderId + ") failed: " + error);
            }
            Map<String, List<String>> lines = new LinkedHashMap<>();
            for (JsonNode line : JSON.readTree(answer).path("data").path("order").path("lines")) {
                lines.computeIfAbsent(line.path("sellerId").asText(), s -> new ArrayList<>()).add(line.path("lineId").asText());
            }
            if (!lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(100);
        }
        throw new IOException("order(" + orderId + ") has no lines after 10 s: " + answer);
    }

    private JsonNode call(String mutation, ObjectNode input, String token, String field)
            throws IOException, InterruptedException {
        return gql.mutation(mutation, input, token, field);
    }
}
