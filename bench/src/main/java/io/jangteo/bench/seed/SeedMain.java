package io.jangteo.bench.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jangteo.bench.GraphQl;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills a fresh data directory with a store of at least N events for the rebuild benchmark, in minutes instead of the
 * hour the API would take. Runs inside the application's class path (bench's SeedProcess starts it) and:
 * <ol>
 * <li>starts the application on the directory (no demo catalog, development sign-in on, a free port);</li>
 * <li>makes template orders through the real API over HTTP (see {@link TemplateOrders}) and waits until every event
 * processor has handled everything, checkout sagas and stock commits included;</li>
 * <li>stops every event processor;</li>
 * <li>copies the templates at the storage level (see {@link StoreCloner}) with JDBC batch inserts into the event
 * store until it holds N events;</li>
 * <li>stores every processor's token at the new head, so that on the next start no side-effect processor (checkout,
 * policies, media) sees a copied event and read models hold only the templates until rebuilt;</li>
 * <li>checks that the store holds N events and that the application's event store reads copied orders back, payloads
 * deserialized and the shipping address decrypted;</li>
 * <li>closes the application, compacts the H2 event file (bulk inserts leave it mostly garbage), prints one line
 * {@code SEED-SUMMARY {json}} and exits 0 (1 with a message on any failure).</li>
 * </ol>
 * The copies are copies: the README and RESULTS say the store is cloned from a few hundred real orders.
 */
public final class SeedMain {

    static final String SUMMARY = "SEED-SUMMARY ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION = "io.jangteo.graphql.JangteoApplication";
    private static final String TABLE = "DomainEventEntry";
    private static final String COLUMNS = "aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, "
            + "payloadRevision, payloadType, timeStamp";
    private static final List<String> STOCK_EVENTS = List.of("io.jangteo.messages.catalog.StockReserved",
            "io.jangteo.messages.catalog.StockCommitted", "io.jangteo.messages.catalog.StockReleased");
    private static final Pattern ORDER_ID = Pattern.compile("ord-[0-9a-f]{24}");
    private static final int BATCH = 5_000;
    private static final int WINDOW = 50;

    record Options(Path dataDir, long events, int templates, int buyers) {

        static Options parse(String... args) {
            Path dataDir = null;
            long events = 1_000_000;
            int templates = 200;
            int buyers = 16;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--events" -> events = Long.parseLong(value);
                    case "--templates" -> templates = Integer.parseInt(value);
                    case "--buyers" -> buyers = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            if (events < 1 || templates < 1 || buyers < 1) {
                throw new IllegalArgumentException("--events, --templates and --buyers must be at least 1");
            }
            return new Options(dataDir, events, templates, buyers);
        }
    }

    private SeedMain() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(Options.parse(args));
        } catch (Throwable e) {
            System.err.println("seed failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        // the application leaves non-daemon threads behind (mongo server, schedulers)
        System.exit(code);
    }

    private static int run(Options options) throws Exception {
        long t0 = System.nanoTime();
        Path dataDir = options.dataDir().toAbsolutePath();
        if (Files.isDirectory(dataDir.resolve("events"))) {
            throw new IllegalStateException(dataDir + " already holds an event store: the seed needs a fresh directory");
        }
        Files.createDirectories(dataDir);
        Class<?> application = Class.forName(APPLICATION);
        log("starting the application on " + dataDir);
        ConfigurableApplicationContext context = SpringApplication.run(application,
                "--jangteo.data-dir=" + dataDir, "--server.port=0", "--jangteo.demo.enabled=false",
                "--jangteo.api.security.dev-login-enabled=true");
        ObjectNode summary;
        try {
            summary = seed(options, context, t0);
        } finally {
            context.close();
        }
        compact(dataDir, summary);
        summary.put("seconds", round((System.nanoTime() - t0) / 1e9));
        System.out.println(SUMMARY + summary);
        return 0;
    }

    /**
     * Bulk inserts leave H2's file mostly garbage (about 9 KB per event for 1 KB rows): SHUTDOWN COMPACT rewrites it,
     * as H2 would gradually in a store filled over months.
     */
    private static void compact(Path dataDir, ObjectNode summary) throws Exception {
        Path file = dataDir.resolve("events").resolve("events.mv.db");
        long before = Files.size(file);
        long started = System.nanoTime();
        Class.forName("org.h2.Driver");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events")
                .resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        long after = Files.size(file);
        double seconds = (System.nanoTime() - started) / 1e9;
        log(String.format("compacted the event store file from %.0f MiB to %.0f MiB in %.1f s", before / 1048576.0,
                after / 1048576.0, seconds));
        summary.put("storeBytesBeforeCompact", before).put("storeBytes", after).put("compactSeconds", round(seconds));
    }

    private static ObjectNode seed(Options options, ConfigurableApplicationContext context, long t0) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        GraphQl gql = new GraphQl(http, URI.create("http://127.0.0.1:" + port + "/graphql"));
        EventStore eventStore = context.getBean(EventStore.class);
        TokenStore tokenStore = context.getBean(TokenStore.class);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        DataSource dataSource = context.getBean(DataSource.class);

        // 1. templates through the API
        log("making " + options.templates() + " template orders through the API on port " + port);
        List<TemplateOrders.Template> made = TemplateOrders.prepare(gql, options.buyers()).make(options.templates());
        Map<TemplateOrders.Path, Long> paths = made.stream()
                .collect(Collectors.groupingBy(TemplateOrders.Template::path, TreeMap::new, Collectors.counting()));
        log("template orders made: " + paths);
        awaitProcessorsCaughtUp(processing, eventStore, Duration.ofMinutes(3));
        double templateSeconds = (System.nanoTime() - t0) / 1e9;

        // 2. stop every processor: nothing handles what is copied
        // all at once: one by one, each waits for its worker to notice (about 0.6 s each)
        java.util.concurrent.CompletableFuture.allOf(processing.eventProcessors().values().stream()
                .map(EventProcessor::shutdownAsync).toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(2, java.util.concurrent.TimeUnit.MINUTES);
        log("stopped " + processing.eventProcessors().size() + " event processors");

        // 3. copy
        long cloneStart = System.nanoTime();
        List<StoreCloner.Template> templates;
        Map<String, Long> nextProductSequence;
        long before;
        try (Connection c = dataSource.getConnection()) {
            templates = readTemplates(c, made);
            nextProductSequence = nextSequences(c, "Product");
            before = count(c);
        }
        Map<String, Long> templateTypes = StoreCloner.countByType(templates);
        log(String.format("%d events in store after the templates; template orders hold %d events %s",
                before, templateTypes.values().stream().mapToLong(Long::longValue).sum(), templateTypes));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant earliestTemplate = templates.stream().map(StoreCloner.Template::start).min(Comparator.naturalOrder())
                .orElse(now);
        StoreCloner cloner = new StoreCloner(templates, nextProductSequence,
                earliestTemplate.minus(Duration.ofDays(365)), earliestTemplate.minus(Duration.ofMinutes(1)), WINDOW);
        long toAdd = Math.max(0, options.events() - before);
        long written = toAdd == 0 ? 0 : insert(dataSource, cloner, toAdd);
        double cloneSeconds = (System.nanoTime() - cloneStart) / 1e9;
        log(String.format("copied %d events (%d orders) in %.1f s, %.0f events/s", written, cloner.copies().size(),
                cloneSeconds, written / Math.max(cloneSeconds, 1e-9)));

        // 4. every processor's token at the new head
        TrackingToken head = eventStore.createHeadToken();
        int tokens = 0;
        for (Map.Entry<String, EventProcessor> p : processing.eventProcessors().entrySet()) {
            if (!(p.getValue() instanceof StreamingEventProcessor)) {
                continue;
            }
            String name = p.getKey();
            for (int segment : tokenStore.fetchSegments(name)) {
                tokenStore.fetchToken(name, segment); // claims it
                tokenStore.storeToken(head, name, segment);
                tokenStore.releaseClaim(name, segment);
                tokens++;
            }
        }
        log("stored " + tokens + " tokens of " + processing.eventProcessors().size() + " processors at the head, "
                + head);

        // 5. verify
        Map<String, Long> byType;
        long total;
        try (Connection c = dataSource.getConnection()) {
            total = count(c);
            byType = countByType(c);
        }
        if (total < options.events()) {
            throw new IllegalStateException("the store holds " + total + " events, fewer than " + options.events());
        }
        int verified = verify(eventStore, cloner.copies(), templates);
        log("verified " + verified + " copied orders read back through the event store, addresses decrypted");
        ObjectNode summary = JSON.createObjectNode()
                .put("events", total)
                .put("templateOrders", made.size())
                .put("copiedOrders", cloner.copies().size())
                .put("copiedEvents", written)
                .put("templateSeconds", round(templateSeconds))
                .put("cloneSeconds", round(cloneSeconds))
                .put("seconds", round((System.nanoTime() - t0) / 1e9));
        ObjectNode types = summary.putObject("byAggregateType");
        byType.forEach(types::put);
        ObjectNode pathCounts = summary.putObject("templatePaths");
        paths.forEach((k, v) -> pathCounts.put(k.name(), v));
        return summary;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static void log(String message) {
        System.out.println("seed: " + message);
        System.out.flush();
    }

    /** Every streaming processor at the head, and the head unchanged for a second: sagas have done their work too. */
    private static void awaitProcessorsCaughtUp(EventProcessingConfiguration processing, EventStore eventStore,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long lastHead = -2;
        int quiet = 0;
        List<String> behind = List.of();
        while (System.nanoTime() < deadline) {
            long head = position(eventStore.createHeadToken());
            behind = new ArrayList<>();
            for (Map.Entry<String, EventProcessor> p : processing.eventProcessors().entrySet()) {
                if (p.getValue() instanceof StreamingEventProcessor streaming) {
                    var status = streaming.processingStatus();
                    if (status.isEmpty() || status.values().stream().anyMatch(s -> s.isErrorState()
                            || s.getCurrentPosition().orElse(-1) < head)) {
                        behind.add(p.getKey());
                    }
                }
            }
            quiet = behind.isEmpty() && head == lastHead ? quiet + 1 : 0;
            if (quiet >= 2) {
                log("every event processor at position " + head);
                return;
            }
            lastHead = head;
            Thread.sleep(500);
        }
        throw new IllegalStateException("event processors not caught up within " + limit.toSeconds() + " s: " + behind);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }

    private static List<StoreCloner.Template> readTemplates(Connection c, List<TemplateOrders.Template> made)
            throws SQLException, java.io.IOException {
        record Indexed(long index, StoreCloner.Row row) {
        }
        Map<String, List<Indexed>> byOrder = new LinkedHashMap<>();
        made.forEach(t -> byOrder.put(t.orderId(), new ArrayList<>()));
        String placeholders = String.join(",", java.util.Collections.nCopies(made.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT globalIndex, " + COLUMNS + " FROM " + TABLE
                + " WHERE aggregateIdentifier IN (" + placeholders + ") ORDER BY globalIndex")) {
            for (int i = 0; i < made.size(); i++) {
                s.setString(i + 1, made.get(i).orderId());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoreCloner.Row row = row(rs);
                    byOrder.get(row.aggregateIdentifier()).add(new Indexed(rs.getLong(1), row));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT globalIndex, " + COLUMNS + " FROM " + TABLE
                + " WHERE type = 'Product' AND payloadType IN (?, ?, ?) ORDER BY globalIndex")) {
            for (int i = 0; i < STOCK_EVENTS.size(); i++) {
                s.setString(i + 1, STOCK_EVENTS.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoreCloner.Row row = row(rs);
                    Matcher m = ORDER_ID.matcher(new String(row.payload(), StandardCharsets.UTF_8));
                    List<Indexed> rows = m.find() ? byOrder.get(m.group()) : null;
                    if (rows != null) {
                        rows.add(new Indexed(rs.getLong(1), row));
                    }
                }
            }
        }
        List<StoreCloner.Template> templates = new ArrayList<>();
        for (Map.Entry<String, List<Indexed>> e : byOrder.entrySet()) {
            List<Indexed> rows = e.getValue();
            rows.sort(Comparator.comparingLong(Indexed::index));
            if (rows.isEmpty() || rows.get(0).row().sequenceNumber() != 0
                    || !rows.get(0).row().payloadType().endsWith(".OrderPlaced")) {
                throw new IllegalStateException("template order " + e.getKey() + " does not start with OrderPlaced");
            }
            JsonNode placed = JSON.readTree(rows.get(0).row().payload());
            JsonNode buyer = placed.path("buyerId");
            String buyerId = buyer.isTextual() ? buyer.asText() : buyer.path("value").asText();
            String key = placed.path("idempotencyKey").asText("");
            if (buyerId.isEmpty()) {
                throw new IllegalStateException("no buyerId in the OrderPlaced of " + e.getKey() + ": " + placed);
            }
            templates.add(new StoreCloner.Template(e.getKey(), buyerId, key,
                    rows.stream().map(Indexed::row).toList()));
        }
        return templates;
    }

    private static StoreCloner.Row row(ResultSet rs) throws SQLException {
        return new StoreCloner.Row(rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                rs.getString("type"), rs.getString("eventIdentifier"), rs.getBytes("metaData"),
                rs.getBytes("payload"), rs.getString("payloadRevision"), rs.getString("payloadType"),
                rs.getString("timeStamp"));
    }

    private static Map<String, Long> nextSequences(Connection c, String type) throws SQLException {
        Map<String, Long> next = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT aggregateIdentifier, MAX(sequenceNumber) FROM " + TABLE
                + " WHERE type = ? GROUP BY aggregateIdentifier")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    next.put(rs.getString(1), rs.getLong(2) + 1);
                }
            }
        }
        return next;
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> countByType(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, COUNT(*) FROM " + TABLE + " GROUP BY type")) {
            while (rs.next()) {
                counts.put(rs.getString(1) == null ? "none" : rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static long insert(DataSource dataSource, StoreCloner cloner, long toAdd) throws Exception {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long[] pending = {0, 0};
                long written = cloner.run(toAdd, row -> {
                    s.setString(1, row.aggregateIdentifier());
                    s.setLong(2, row.sequenceNumber());
                    s.setString(3, row.type());
                    s.setString(4, row.eventIdentifier());
                    s.setBytes(5, row.metaData());
                    s.setBytes(6, row.payload());
                    s.setString(7, row.payloadRevision());
                    s.setString(8, row.payloadType());
                    s.setString(9, row.timeStamp());
                    s.addBatch();
                    if (++pending[0] == BATCH) {
                        s.executeBatch();
                        c.commit();
                        pending[1] += pending[0];
                        pending[0] = 0;
                        if (pending[1] % 100_000 == 0) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            log(String.format("  %,d / %,d events copied, %.0f events/s", pending[1], toAdd,
                                    pending[1] / seconds));
                        }
                    }
                });
                if (pending[0] > 0) {
                    s.executeBatch();
                    c.commit();
                }
                return written;
            }
        }
    }

    /**
     * Reads the first, a middle and the last copied order back through the application's event store: contiguous
     * sequence numbers from 0, the template's event types, every payload deserialized and the OrderPlaced's shipping
     * address decrypted.
     */
    private static int verify(EventStore eventStore, List<String[]> copies, List<StoreCloner.Template> templates)
            throws Exception {
        if (copies.isEmpty()) {
            return 0;
        }
        Map<String, StoreCloner.Template> byId = new HashMap<>();
        templates.forEach(t -> byId.put(t.orderId(), t));
        int verified = 0;
        for (int index : new int[] {0, copies.size() / 2, copies.size() - 1}) {
            String copy = copies.get(index)[0];
            StoreCloner.Template template = byId.get(copies.get(index)[1]);
            List<String> expected = template.rows().stream()
                    .filter(r -> r.aggregateIdentifier().equals(template.orderId()))
                    .map(StoreCloner.Row::payloadType).toList();
            List<String> types = new ArrayList<>();
            long sequence = 0;
            for (var it = eventStore.readEvents(copy); it.hasNext(); ) {
                DomainEventMessage<?> event = it.next();
                if (event.getSequenceNumber() != sequence++) {
                    throw new IllegalStateException("copied order " + copy + " has sequence " + event.getSequenceNumber()
                            + " where " + (sequence - 1) + " was expected");
                }
                Object payload = event.getPayload();
                types.add(event.getPayloadType().getName());
                if (event.getPayloadType().getSimpleName().equals("OrderPlaced")) {
                    Method address = payload.getClass().getMethod("shippingAddress");
                    Object shipping = address.invoke(payload);
                    if (shipping == null || !shipping.toString().contains("김벤치")) {
                        throw new IllegalStateException("the shipping address of copied order " + copy
                                + " did not decrypt: " + shipping);
                    }
                }
            }
            if (!types.equals(expected)) {
                throw new IllegalStateException("copied order " + copy + " reads back as " + types + ", its template "
                        + template.orderId() + " has " + expected);
            }
            verified++;
        }
        return verified;
    }
}
