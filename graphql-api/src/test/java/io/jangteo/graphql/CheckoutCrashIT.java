package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.brandPay;
import static io.jangteo.graphql.OrderTestKit.eventTypes;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.list;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.number;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.redirectPayment;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The money path survives a crash: the packaged application ({@code java -jar}) takes a stream of orders from several
 * buyers at once — brand pay (paid within placeOrder) and Kakao Pay (awaiting the buyer's approval, some approved at
 * once) — and is killed with SIGKILL in the middle of it, then started again on the same data directory. Afterwards
 * every order the API acknowledged exists and its checkout finishes; every call that had no answer, sent again with
 * its key, finds or places exactly one order; every paid order was charged exactly once at the provider and holds
 * exactly one approval; and the stock adds up, nothing left reserved.
 */
class CheckoutCrashIT {

    private static final Path JAR = Path.of("target", "jangteo.jar");
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final int CLIENTS = 5;
    private static final long INITIAL_STOCK = 10_000;
    private static final long PRICE = 12_000;
    /**
     * The kill comes once the stream has run this long, or this many orders were acknowledged (a fast machine), and both
     * payment paths have been acknowledged.
     */
    private static final Duration STREAM = Duration.ofMillis(2_500);
    private static final int MOST_ACKNOWLEDGED = 80;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    /** What happened, for the failure message. */
    private final StringBuilder story = new StringBuilder();

    @TempDir
    Path work;

    /** One buyer placing orders, on its own thread. */
    private record Client(Buyer buyer, String storedMethodId) {
    }

    /** One placeOrder call: its key and input are what a retry sends again. */
    private record Call(Client client, String key, Map<String, Object> input, boolean brandPay, long quantity) {
    }

    /** A call the API answered with an order and no errors. */
    private record Placed(Call call, String orderId, String status) {
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void ordersAcknowledgedBeforeASigkillArePaidOnceAndTheirCheckoutsFinishAfterTheRestart() throws Exception {
        Path dataDir = work.resolve("data");
        Path firstLog = work.resolve("first.log");
        Path secondLog = work.resolve("second.log");
        int port = freePort();
        Process first = start(dataDir, port, firstLog);
        Process second = null;
        try {
            awaitHealthy(port, first);
            OrderTestKit kit = new OrderTestKit(port);
            Shop shop = kit.shop("충돌상회 " + tag, new Policy(3_000, 30_000L, 3_000, 3_000, 3_000));
            Listing listing = kit.product(shop, "튼튼한 컵 " + tag, PRICE, List.of("색상"),
                    new VariantSpec(List.of("흰색"), 0, INITIAL_STOCK));
            String variant = listing.variant("흰색");
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Buyer buyer = kit.buyer("crash" + i);
                clients.add(new Client(buyer, kit.storePaymentMethod(buyer)));
            }

            // ---- a stream of orders, killed in the middle
            Queue<Placed> acknowledged = new ConcurrentLinkedQueue<>();
            Set<Call> unanswered = ConcurrentHashMap.newKeySet();
            Queue<String> refusedBeforeKill = new ConcurrentLinkedQueue<>();
            Set<String> approvedBeforeKill = ConcurrentHashMap.newKeySet();
            AtomicInteger approvalsUnanswered = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            for (Client client : clients) {
                pool.submit(() -> placeUntilStopped(kit, client, listing, variant, stop, acknowledged, unanswered,
                        refusedBeforeKill, approvedBeforeKill, approvalsUnanswered));
            }
            long streamStart = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                    (Duration.ofNanos(System.nanoTime() - streamStart).compareTo(STREAM) >= 0
                            || acknowledged.size() >= MOST_ACKNOWLEDGED)
                            && acknowledged.stream().anyMatch(placed -> placed.call().brandPay())
                            && acknowledged.stream().anyMatch(placed -> !placed.call().brandPay()));
            stop.set(true);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush on close
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            pool.shutdown();
            assertThat(pool.awaitTermination(90, TimeUnit.SECONDS)).as("clients stop once the server is gone").isTrue();
            story.append("acknowledged before the kill: ").append(acknowledged.size())
                    .append(" (brand pay ").append(acknowledged.stream().filter(p -> p.call().brandPay()).count())
                    .append(", Kakao Pay ").append(acknowledged.stream().filter(p -> !p.call().brandPay()).count())
                    .append(", of them approved ").append(approvedBeforeKill.size()).append(")\n")
                    .append("statuses answered: ").append(acknowledged.stream().collect(Collectors.groupingBy(
                            Placed::status, Collectors.counting()))).append('\n')
                    .append("placeOrder calls without an answer: ").append(unanswered.stream().map(Call::key)
                            .toList()).append('\n')
                    .append("approvals without an answer: ").append(approvalsUnanswered.get()).append('\n');
            assertThat(refusedBeforeKill).as("orders refused before the kill").isEmpty();

            // ---- the same data directory, started again
            second = start(dataDir, port, secondLog);
            awaitHealthy(port, second);

            // every call that had no answer is sent again as it was: it finds its order, or places it now
            List<Placed> orders = new ArrayList<>(acknowledged);
            Map<Call, Future<Map<String, Object>>> retries = new LinkedHashMap<>();
            ExecutorService retrying = Executors.newFixedThreadPool(CLIENTS);
            for (Call call : unanswered) {
                retries.put(call, retrying.submit(() -> retried(() -> kit.mutate(call.client().buyer().api(),
                        "placeOrder", call.input()))));
            }
            retrying.shutdown();
            for (Map.Entry<Call, Future<Map<String, Object>>> retry : retries.entrySet()) {
                Call call = retry.getKey();
                Map<String, Object> answer = retry.getValue().get(3, TimeUnit.MINUTES);
                List<Map<String, Object>> errors = list(answer, "errors");
                story.append("retried ").append(call.key()).append(": ").append(answer.get("orderId")).append(' ')
                        .append(errors).append('\n');
                if (errors.isEmpty()) {
                    assertThat(answer.get("orderId")).as("a retry answered without errors names its order")
                            .isNotNull();
                    orders.add(new Placed(call, (String) answer.get("orderId"), status(answer)));
                } else {
                    assertThat(errors).as("a retry's refusal says why")
                            .allSatisfy(error -> assertThat(error.get("code")).isNotNull());
                }
            }
            Map<String, Placed> byOrder = new LinkedHashMap<>();
            for (Placed placed : orders) {
                byOrder.merge(placed.orderId(), placed, (one, other) -> {
                    assertThat(other.call().key()).as("one order per key").isEqualTo(one.call().key());
                    return one;
                });
            }

            // checkout finishes for every order: brand pay PAID, Kakao Pay waiting for its approval unless approved
            Map<String, Map<String, Object>> settled = awaitEveryOrder(kit, byOrder, (placed, order) -> {
                String status = (String) order.get("status");
                return placed.call().brandPay() || approvedBeforeKill.contains(placed.orderId())
                        ? "PAID".equals(status)
                        : "PAID".equals(status) || "AWAITING_PAYMENT".equals(status);
            });
            HttpGraphQlTester support = kit.as("SUPPORT", null, "crash-support");
            for (Map.Entry<String, Map<String, Object>> entry : settled.entrySet()) {
                if ("AWAITING_PAYMENT".equals(entry.getValue().get("status"))) {
                    Map<String, Object> unpaid = providerPayment(support,
                            (String) map(entry.getValue(), "payment").get("paymentKey"));
                    assertThat(unpaid).as("the provider's payment of unpaid " + entry.getKey()).isNotNull()
                            .containsEntry("status", "READY");
                    assertThat(number(unpaid, "transactions")).as("charges of unpaid " + entry.getKey()).isZero();
                    Map<String, Object> approved = retried(() -> kit.mutate(
                            byOrder.get(entry.getKey()).call().client().buyer().api(), "approvePayment",
                            Map.of("orderId", entry.getKey(), "approvalToken", "sandbox_ok")));
                    assertThat(list(approved, "errors")).as("approving " + entry.getKey()).isEmpty();
                }
            }
            Map<String, Map<String, Object>> paid = awaitEveryOrder(kit, byOrder,
                    (placed, order) -> "PAID".equals(order.get("status")));

            // one order per key that produced one, and nothing else in the buyers' accounts
            for (Client client : clients) {
                long keys = byOrder.values().stream().filter(placed -> placed.call().client() == client)
                        .map(placed -> placed.call().key()).distinct().count();
                await().atMost(SETTLE).untilAsserted(() -> assertThat(myOrdersCount(client.buyer()))
                        .as("orders of " + client.buyer().memberId()).isEqualTo(keys));
            }

            // each payment taken once at the provider, approved once in the order's history
            long unitsSold = 0;
            for (Map.Entry<String, Map<String, Object>> entry : paid.entrySet()) {
                String orderId = entry.getKey();
                Map<String, Object> order = entry.getValue();
                Placed placed = byOrder.get(orderId);
                Map<String, Object> payment = map(order, "payment");
                Map<String, Object> atProvider = providerPayment(support, (String) payment.get("paymentKey"));
                assertThat(atProvider).as("the provider's payment of " + orderId).isNotNull();
                assertThat(number(atProvider, "transactions")).as("charges of " + orderId).isEqualTo(1);
                assertThat(atProvider.get("status")).isEqualTo("APPROVED");
                assertThat(amount(atProvider.get("amount"))).isEqualTo(amount(order.get("amountToPay")));
                assertThat(atProvider.get("orderId")).isEqualTo(placed.call().brandPay() ? null : orderId);
                List<String> events = eventTypes(kit.history(placed.call().client().buyer().api(), orderId));
                assertThat(Collections.frequency(events, "OrderPlaced")).as("placements of " + orderId).isEqualTo(1);
                assertThat(Collections.frequency(events, "PaymentApproved")).as("approvals of " + orderId)
                        .isEqualTo(1);
                unitsSold += list(order, "lines").stream().mapToLong(l -> number(l, "quantity")).sum();
            }
            assertThat(unitsSold).isEqualTo(byOrder.values().stream().mapToLong(p -> p.call().quantity()).sum());

            // every checkout over: what was sold left the shelf, nothing stays held
            long onHand = INITIAL_STOCK - unitsSold;
            try {
                await().atMost(SETTLE).untilAsserted(() -> assertThat(kit.stock(shop, listing.productId(), variant))
                        .containsEntry("available", onHand).containsEntry("onHand", onHand)
                        .containsEntry("reserved", 0L));
            } catch (AssertionError stockNotSettled) {
                // which reservations stayed open, and what their orders' histories hold, for whoever reads this
                story.append(openReservations(support, listing.productId(), kit, byOrder));
                throw stockNotSettled;
            }
            System.out.println("CheckoutCrashIT: " + paid.size() + " orders paid once, " + unitsSold
                    + " units sold\n" + story);
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\n--- what happened ---\n" + story
                    + "\n--- first run ---\n" + read(firstLog)
                    + "\n--- second run ---\n" + read(secondLog)
                    + (second != null && second.isAlive() ? "\n--- threads of the second run ---\n"
                    + threadDump(second) : ""), e);
        }
    }

    private static final String STOCK_EVENTS = "query Stock($id: ID!, $after: String) { auditLog(filter: "
            + "{aggregateId: $id, eventTypes: [\"StockReserved\", \"StockCommitted\", \"StockReleased\"]}, "
            + "first: 100, after: $after) { edges { cursor node { event { eventType payload } } } "
            + "pageInfo { hasNextPage } } }";

    /** The product's reservations that were neither committed nor released, with their orders' event types. */
    @SuppressWarnings("unchecked")
    private static String openReservations(HttpGraphQlTester support, String productId, OrderTestKit kit,
                                           Map<String, Placed> byOrder) {
        StringBuilder out = new StringBuilder("\n--- reservations left open ---\n");
        try {
            Map<String, String> state = new LinkedHashMap<>();
            String after = null;
            boolean more = true;
            while (more) {
                Map<String, Object> log = support.document(STOCK_EVENTS).variable("id", productId)
                        .variable("after", after).execute().path("auditLog").entity(Map.class).get();
                for (Map<String, Object> edge : (List<Map<String, Object>>) log.get("edges")) {
                    Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) edge.get("node"))
                            .get("event");
                    String payload = String.valueOf(event.get("payload"));
                    String reservation = payload.replaceAll("(?s).*\"reservationId\":\\{?\"?(?:value\":\")?([^\"}]+).*",
                            "$1");
                    // newest first: the first event seen of a reservation is its latest
                    state.putIfAbsent(reservation, (String) event.get("eventType"));
                    after = (String) edge.get("cursor");
                }
                more = Boolean.TRUE.equals(((Map<String, Object>) log.get("pageInfo")).get("hasNextPage"));
            }
            state.forEach((reservation, latest) -> {
                if ("StockReserved".equals(latest)) {
                    out.append(reservation).append(" still reserved");
                    byOrder.keySet().stream().filter(reservation::contains).findFirst().ifPresent(orderId -> out
                            .append(", order ").append(orderId).append(": ").append(eventTypes(kit.history(
                                    byOrder.get(orderId).call().client().buyer().api(), orderId))));
                    out.append('\n');
                }
            });
        } catch (RuntimeException | AssertionError e) {
            out.append("(could not read them: ").append(e).append(")\n");
        }
        return out.toString();
    }

    /**
     * Places orders one after another until told to stop, recording each answer: acknowledged (an order and no
     * errors), refused (errors), or none (the server died under the call). Every third order pays by Kakao Pay, half
     * of those approved at once; the rest by the buyer's stored card.
     */
    private static void placeUntilStopped(OrderTestKit kit, Client client, Listing listing, String variant,
                                          AtomicBoolean stop, Queue<Placed> acknowledged, Set<Call> unanswered,
                                          Queue<String> refusedBeforeKill, Set<String> approvedBeforeKill,
                                          AtomicInteger approvalsUnanswered) {
        HttpGraphQlTester api = client.buyer().api();
        for (int n = 0; !stop.get(); n++) {
            boolean brandPay = n % 3 != 1;
            long quantity = 1 + n % 2;
            String key = "crash-" + client.buyer().memberId() + "-" + n;
            Map<String, Object> input = orderInput(key, List.of(line(listing, variant, (int) quantity)),
                    seoulAddress(), null, 0,
                    brandPay ? brandPay(client.storedMethodId()) : redirectPayment("KAKAO_PAY"));
            Call call = new Call(client, key, input, brandPay, quantity);
            unanswered.add(call);
            Map<String, Object> answer;
            try {
                answer = kit.mutate(api, "placeOrder", input);
            } catch (Throwable noAnswer) {
                if (stop.get()) {
                    return;
                }
                continue; // not the kill: this call stays unanswered and is sent again after the restart too
            }
            unanswered.remove(call);
            List<Map<String, Object>> errors = list(answer, "errors");
            String orderId = (String) answer.get("orderId");
            if (!errors.isEmpty() || orderId == null) {
                refusedBeforeKill.add(key + ": " + errors);
                continue;
            }
            String status = status(answer);
            acknowledged.add(new Placed(call, orderId, status));
            if (!brandPay && n % 2 == 0 && "AWAITING_PAYMENT".equals(status)) {
                try {
                    Map<String, Object> approved = kit.mutate(api, "approvePayment",
                            Map.of("orderId", orderId, "approvalToken", "sandbox_ok"));
                    if (list(approved, "errors").isEmpty() && "PAID".equals(map(approved, "order").get("status"))) {
                        approvedBeforeKill.add(orderId);
                    }
                } catch (Throwable noAnswer) {
                    approvalsUnanswered.incrementAndGet();
                    if (stop.get()) {
                        return;
                    }
                }
            }
        }
    }

    private interface OrderCondition {
        boolean reached(Placed placed, Map<String, Object> order);
    }

    /** Waits until every order, as its buyer sees it, has reached the condition; answers them by id. */
    private Map<String, Map<String, Object>> awaitEveryOrder(OrderTestKit kit, Map<String, Placed> orders,
                                                             OrderCondition condition) {
        Map<String, Map<String, Object>> reached = new ConcurrentHashMap<>();
        Map<String, Object> lastSeen = new ConcurrentHashMap<>();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (Placed placed : orders.values()) {
                    if (reached.containsKey(placed.orderId())) {
                        continue;
                    }
                    Map<String, Object> order;
                    try {
                        order = kit.order(placed.call().client().buyer().api(), placed.orderId());
                    } catch (RuntimeException | AssertionError failed) {
                        lastSeen.put(placed.orderId(), "not read: " + failed.getMessage());
                        continue;
                    }
                    lastSeen.put(placed.orderId(), order == null ? "absent" : order.get("status"));
                    if (order != null && condition.reached(placed, order)) {
                        reached.put(placed.orderId(), order);
                    }
                }
                return reached.size() == orders.size();
            });
        } catch (RuntimeException timedOut) {
            Map<String, Object> pending = new LinkedHashMap<>(lastSeen);
            pending.keySet().removeAll(reached.keySet());
            throw new AssertionError("orders not there in time, as last seen: " + pending, timedOut);
        }
        return reached;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> providerPayment(HttpGraphQlTester staff, String paymentKey) {
        GraphQlTester.Response response = staff.document("""
                        query($key: String!) {
                          providerPayment(paymentKey: $key) {
                            paymentKey orderId method status amount { amount currency } refunded { amount }
                            transactions
                          }
                        }""")
                .variable("key", paymentKey).execute();
        response.errors().verify();
        return (Map<String, Object>) response.returnResponse().field("providerPayment").getValue();
    }

    private static long myOrdersCount(Buyer buyer) {
        return buyer.api().documentName("orderQueries").operationName("myOrders").fragmentName("orderFields")
                .variable("first", 0).execute().path("myOrders.totalCount").entity(Long.class).get();
    }

    /** The order's status in a mutation's answer; the answer may name an order the read model did not show yet. */
    private static String status(Map<String, Object> answer) {
        Map<String, Object> order = map(answer, "order");
        return order == null ? "NOT_SHOWN" : (String) order.get("status");
    }

    private interface Request<T> {
        T send();
    }

    /**
     * A call after the restart, sent again when the connection failed (a pooled connection to the killed process);
     * an answer, even a wrong one, is never sent again.
     */
    private static <T> T retried(Request<T> request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.send();
            } catch (RuntimeException transport) {
                if (attempt == 3) {
                    throw transport;
                }
                Thread.sleep(200);
            }
        }
    }

    private Process start(Path dataDir, int port, Path log) throws IOException {
        assertThat(JAR).as("the packaged application (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString(),
                "--server.port=" + port,
                "--jangteo.data-dir=" + dataDir, "--jangteo.demo.enabled=false",
                "--jangteo.api.security.dev-login-enabled=true"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return process;
    }

    private void awaitHealthy(int port, Process process) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("process alive").isTrue();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(not started)";
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    /** Where the restarted process's threads stand, for a failure that shows only an order that never moved on. */
    private static String threadDump(Process process) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (Exception e) {
            return "no thread dump: " + e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
