package io.jangteo.graphql;

import com.mongodb.client.MongoDatabase;
import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.jangteo.graphql.OrderTestKit.brandPay;
import static io.jangteo.graphql.OrderTestKit.fixedCoupon;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an admin sees of the event processors, and rebuilding read models: a rebuilt read model is the live one,
 * document for document, and a rebuild runs no side effect (no payment, no media job, no command). Rebuilds empty
 * read models other use cases read, so this class runs its own application on its own data directory.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jangteo.api.http.trusted-proxies=127.0.0.1,::1",
        "jangteo.demo.enabled=false",
        "jangteo.api.security.dev-login-enabled=true",
        "jangteo.members.initial-admin.email=" + GraphQlTestSupport.ADMIN_EMAIL,
        "jangteo.members.initial-admin.password=" + GraphQlTestSupport.ADMIN_PASSWORD,
        "jangteo.schedule.poll-interval=PT0.2S",
        // an incident opened while the rebuilds run would be a new event that only the rebuilt snapshot shows
        "jangteo.alerts.enabled=false",
        "spring.main.banner-mode=off"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectionOperationsIT {

    static final List<String> READ_MODELS = List.of("product-catalog-v2", "category-tree", "seller-directory",
            "member-directory", "order-summary", "cart-view", "coupon-directory", "audit-index", "member-timeline",
            "sales-stats", "incidents");
    /**
     * Collections that legitimately differ after a rebuild: the processors' own positions, and the read models'
     * change counters, which count writes (a rebuild writes each document again) so that query nodes reload.
     */
    private static final Set<String> BOOKKEEPING = Set.of("axon_tokens", "counters");
    private static final String CHANGE_SEQ = "changeSeq";
    private static final String POSITION = "position";
    /** Read models whose documents carry the change number of their creation as {@code position}. */
    private static final Set<String> CREATION_NUMBERED = Set.of("products_v2", "sellers", "coupons");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path DATA_DIR = temporaryDataDir();

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @DynamicPropertySource
    static void ownDataDir(DynamicPropertyRegistry registry) {
        registry.add("jangteo.data-dir", DATA_DIR::toString);
    }

    @Test
    void projectionsListsEveryProcessorWithItsPositionAndNoLagWhenIdle() {
        OrderTestKit kit = new OrderTestKit(port);
        kit.shop("상태가게 " + tag, new Policy(3_000, null, 3_000, 3_000, 3_000));
        List<Map<String, Object>> idle = awaitIdle(kit.admin());

        assertThat(idle).extracting(p -> p.get("name")).contains(READ_MODELS.toArray())
                .contains("checkout", "order-policies", "media-processing");
        for (Map<String, Object> projection : idle) {
            long head = number(projection.get("headPosition"));
            assertThat(head).as("events were stored").isPositive();
            assertThat(number(projection.get("position"))).as(projection.get("name") + " position").isEqualTo(head);
            assertThat(projection).as(projection.get("name").toString())
                    .containsEntry("lagEvents", 0).containsEntry("lagSeconds", 0)
                    .containsEntry("state", "LIVE").containsEntry("replaying", false)
                    .containsEntry("error", null).containsEntry("deadLetterCount", 0);
            assertThat((List<?>) projection.get("segments")).isNotEmpty();
            assertThat(projection.get("rebuildable"))
                    .isEqualTo(READ_MODELS.contains((String) projection.get("name")));
        }
        kit.as("SUPPORT", null, "ops-support").documentName("operations").operationName("projections").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @Test
    void rebuildingEachReadModelGivesTheLiveReadModelAndRunsNoSideEffect() throws Exception {
        OrderTestKit kit = new OrderTestKit(port);
        HttpGraphQlTester admin = kit.admin();
        Shop shop = kit.shop("재생가게 " + tag, new Policy(3_000, 50_000L, 3_000, 3_000, 3_000));
        Listing shirt = kit.product(shop, "셔츠 " + tag, 29_000, List.of("색상"),
                new VariantSpec(List.of("블랙"), 0, 50), new VariantSpec(List.of("화이트"), 1_000, 50));
        kit.issueCoupon(admin, fixedCoupon("REPLAY" + tag.toUpperCase(), 2_000, 10_000L, 5));
        for (int i = 0; i < 3; i++) {
            Buyer buyer = kit.buyer("replay" + i);
            kit.change(buyer.api(), "placeOrder", orderInput("replay-" + tag + "-" + i,
                    List.of(line(shirt, shirt.variant(i % 2 == 0 ? "블랙" : "화이트"), 1 + i)), seoulAddress(),
                    i == 0 ? "REPLAY" + tag.toUpperCase() : null, 0, brandPay(kit.storePaymentMethod(buyer))));
        }
        awaitIdle(admin);
        Map<String, List<Document>> live = snapshot();
        assertThat(live.get("sandbox_payments")).as("payments were taken live").hasSizeGreaterThanOrEqualTo(3);
        assertThat(live.get("orders")).hasSizeGreaterThanOrEqualTo(3);

        for (String name : READ_MODELS) {
            long started = System.nanoTime();
            Map<String, Object> payload = rebuild(admin, name);
            assertThat(payload.get("errors")).as(name).isEqualTo(List.of());
            assertThat(((Map<?, ?>) payload.get("projection")).get("name")).isEqualTo(name);
            Map<String, Object> done = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> DeadLetterIT.projection(admin, name), ProjectionOperationsIT::caughtUp);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("rebuild %s: %d positions in %.2f s (%.0f positions/s)%n",
                    name, number(done.get("headPosition")), seconds, number(done.get("headPosition")) / seconds);
        }
        awaitIdle(admin);

        Map<String, List<Document>> rebuilt = snapshot();
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        for (String collection : live.keySet()) {
            assertThat(rebuilt.get(collection)).as(collection).isEqualTo(live.get(collection));
        }
    }

    @Test
    void progressIsPushedToSubscribersWhileARebuildRuns() throws Exception {
        OrderTestKit kit = new OrderTestKit(port);
        HttpGraphQlTester admin = kit.admin();
        kit.shop("진행가게 " + tag, new Policy(3_000, null, 3_000, 3_000, 3_000));
        awaitIdle(admin);
        WebSocketGraphQlTester socket = WebSocketGraphQlTester
                .builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .headers(headers -> headers.setBearerAuth(kit.token("ADMIN", null, "ops-socket")))
                .build();
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        @SuppressWarnings("unchecked")
        Disposable subscription = socket.documentName("operations").operationName("projectionProgress")
                .variable("name", "audit-index")
                .executeSubscription().toFlux()
                .subscribe(response -> received.add(response.path("projectionProgress").entity(Map.class).get()));
        try {
            Map<String, Object> first = received.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("the current state first").isNotNull().containsEntry("name", "audit-index");
            assertThat(rebuild(admin, "audit-index").get("errors")).isEqualTo(List.of());
            List<Map<String, Object>> updates = new ArrayList<>();
            Map<String, Object> last;
            do {
                last = received.poll(60, TimeUnit.SECONDS);
                assertThat(last).as("progress until the replay ended").isNotNull();
                updates.add(last);
                System.out.printf("audit-index progress: replaying=%s %s%% %s events/s eta %s s lag %s%n",
                        last.get("replaying"), last.get("progressPercent"), last.get("eventsPerSecond"),
                        last.get("estimatedSecondsLeft"), last.get("lagEvents"));
            } while (!caughtUp(last));
            assertThat(updates).allSatisfy(update -> assertThat(update).containsEntry("name", "audit-index"));
            updates.stream().filter(u -> Boolean.TRUE.equals(u.get("replaying"))).forEach(u ->
                    assertThat(((Number) u.get("progressPercent")).doubleValue()).isBetween(0.0, 100.0));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void rebuildingAProcessorWithSideEffectsOrAnUnknownOneIsRefused() {
        OrderTestKit kit = new OrderTestKit(port);
        HttpGraphQlTester admin = kit.admin();
        for (String sideEffects : List.of("checkout", "order-policies", "media-processing")) {
            assertThat(rebuild(admin, sideEffects).get("errors")).as(sideEffects).asList().singleElement()
                    .satisfies(e -> assertThat(((Map<?, ?>) e).get("code")).isEqualTo("INVALID_STATE"));
        }
        assertThat(rebuild(admin, "no-such-processor").get("errors")).asList().singleElement()
                .satisfies(e -> assertThat(((Map<?, ?>) e).get("code")).isEqualTo("NOT_FOUND"));
        kit.as("SELLER", "s-" + tag, "ops-seller").documentName("operations").operationName("rebuildProjection")
                .variable("input", Map.of("name", "order-summary")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        assertThat(DeadLetterIT.projection(admin, "checkout")).containsEntry("replaying", false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rebuild(HttpGraphQlTester admin, String name) {
        return admin.documentName("operations").operationName("rebuildProjection")
                .variable("input", Map.of("name", name)).execute()
                .path("rebuildProjection").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> awaitIdle(HttpGraphQlTester admin) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(
                () -> admin.documentName("operations").operationName("projections").execute()
                        .path("projections").entityList(Map.class).get().stream()
                        .map(m -> (Map<String, Object>) m).toList(),
                all -> all.stream().allMatch(ProjectionOperationsIT::caughtUp));
    }

    private static boolean caughtUp(Map<String, Object> projection) {
        return "LIVE".equals(projection.get("state")) && Boolean.FALSE.equals(projection.get("replaying"))
                && number(projection.get("lagEvents")) == 0;
    }

    /** Every collection's documents by id, bookkeeping left out. */
    /**
     * Every read-model collection, sorted by {@code _id}. Change numbers ({@code changeSeq}) are write stamps: a read
     * model written in batches numbers each batch's documents once, so a rebuild in batches of 1,000 numbers them
     * otherwise than the live writes did, and they are left out. A document's creation number ({@code position},
     * products, shops and coupons) only orders documents by creation, so it is compared as its rank.
     */
    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> collections = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (!BOOKKEEPING.contains(name)) {
                List<Document> documents = database.getCollection(name).find()
                        .sort(new Document("_id", 1)).into(new ArrayList<>());
                boolean ranked = CREATION_NUMBERED.contains(name);
                List<Long> positions = documents.stream().filter(d -> ranked && d.get(POSITION) instanceof Number)
                        .map(d -> ((Number) d.get(POSITION)).longValue()).sorted().toList();
                for (Document document : documents) {
                    document.remove(CHANGE_SEQ);
                    if (ranked && document.get(POSITION) instanceof Number position) {
                        document.put(POSITION, positions.indexOf(position.longValue()));
                    }
                }
                collections.put(name, documents);
            }
        }
        return collections;
    }

    private static long number(Object value) {
        return value == null ? -1 : ((Number) value).longValue();
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("jangteo-rebuild-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
