package io.jangteo.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts the built application jar, drives it over HTTP like a client would and writes RESULTS.md.
 * A measurement, never a pass/fail test: targets are reported as met or not met.
 */
public final class BenchMain {

    static final String USAGE = """
            Usage: bench/run [options]
              --jar PATH              application jar (default graphql-api/target/app/jangteo.jar)
              --out PATH              results file (default bench/RESULTS.md)
              --duration-seconds N    measured period per scenario (default 20)
              --warmup-seconds N      unrecorded warm-up per scenario (default 60)
              --scenarios all|orders|history|operations|rebuild
                                      which scenarios to run (default all; orders: only checkout;
                                      history: only support's history reads of a member with 10,000 events;
                                      operations: read-model rebuild speed and events subscription latency;
                                      rebuild, not part of all, takes minutes: seeds a store of --store-events
                                      events, cloned at the storage level from 200 template orders made through
                                      the API, then rebuilds the order projections order-summary and sales-stats)
              --store-events N        events in the rebuild group's store (default 1000000)
              --jvm-opts "OPTS"       JVM options for the application, space-separated (default as in the
                                      README's quick start: the class archive, -XX:+UseSerialGC -Xmx256m)
              --check-options         only validate the options (bench/run does so before building the app)
              --help                  print this help
            """;

    /** What the README's quick start runs, so that the bench measures what a user starts. */
    static final List<String> DEFAULT_JVM_OPTS = List.of(
            "-XX:SharedArchiveFile=graphql-api/target/app/jangteo.jsa", "-XX:+UseSerialGC", "-Xmx256m");

    static final String CREATE = "createProduct";
    static final String LIST = "products(first: 20)";
    static final String CATALOG = "catalog page (demo catalog)";
    static final String CATALOG_SIGNED_IN = "catalog page, signed in (uncached)";
    static final String SIGN_IN = "logIn over 32 accounts (password hash, session, event)";
    private static final int SIGN_IN_ACCOUNTS = 32;
    static final String MY_PAGE = "me: a member's profile, points, addresses";
    static final String REGISTER = "registerMember";
    static final String CHECKOUT = "placeOrder to PAID (2 lines, 2 shops, stored card)";
    private static final int CHECKOUT_BUYERS = 64;
    static final String TIMELINE_FIRST = "memberTimeline first page (member with 10,000 events)";
    static final String TIMELINE_NEWEST = "memberTimeline newest page (last: 20)";
    static final String ORDER_AS_OF = "order(id, asOf) of that member's order";
    static final String REBUILD_ORDERS = "rebuild order-summary (requests: events replayed; ms: whole rebuild)";
    /** Rows of the rebuild group: "rebuild order-summary, 1,000,000 events in store (order events 66%)". */
    static final String REBUILD_IN_STORE = "rebuild %s, ";
    static final String REBUILD_CATALOG = "rebuild product-catalog-v2 (requests: events replayed; ms: whole rebuild)";
    static final String STREAM = "events subscription delivery, append to receipt (50 renames/s)";
    /** Products the application seeds into an empty data directory (jangteo.demo.products). */
    static final int DEMO_PRODUCTS = 300;
    private static final int MAX_CONCURRENCY = 32;

    record Options(Path jar, Path out, Duration duration, Duration warmup, List<String> jvmOpts, String scenarios,
            long storeEvents) {

        /** Returns null when help was asked for. */
        static Options parse(String... args) {
            Path jar = Path.of("graphql-api/target/app/jangteo.jar");
            Path out = Path.of("bench/RESULTS.md");
            int duration = 20;
            // the JIT compiler needs a minute or more on two cores to compile the hot paths of a Spring and Axon
            // server; shorter warm-ups measure the compiler competing with the application
            int warmup = 60;
            List<String> jvmOpts = DEFAULT_JVM_OPTS;
            String scenarios = "all";
            long storeEvents = 1_000_000;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                }
                String value;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                switch (arg) {
                    case "--jar" -> jar = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--duration-seconds" -> duration = seconds(arg, value, 1);
                    case "--warmup-seconds" -> warmup = seconds(arg, value, 0);
                    case "--scenarios" -> scenarios = switch (value) {
                        case "all", "orders", "history", "operations", "rebuild" -> value;
                        default -> throw new IllegalArgumentException(
                                "--scenarios is all, orders, history, operations or rebuild, got '" + value + "'");
                    };
                    case "--store-events" -> storeEvents = count(arg, value, 1_000);
                    case "--jvm-opts" -> jvmOpts = Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(jar, out, Duration.ofSeconds(duration), Duration.ofSeconds(warmup), jvmOpts,
                    scenarios, storeEvents);
        }

        /** rebuild is never part of all: seeding its store and rebuilding take minutes. */
        boolean runs(String group) {
            return scenarios.equals(group) || scenarios.equals("all") && !group.equals("rebuild");
        }

        private static long count(String option, String value, long min) {
            try {
                long n = Long.parseLong(value.replace("_", "").replace(",", ""));
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a whole number >= " + min + ", got '" + value + "'");
        }

        private static int seconds(String option, String value, int min) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(option + " needs a whole number of seconds >= " + min + ", got '" + value + "'");
        }
    }

    private BenchMain() {
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        boolean checkOnly = arguments.remove("--check-options");
        Options options;
        try {
            options = Options.parse(arguments.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        if (checkOnly) {
            return;
        }
        try {
            run(options);
        } catch (Exception e) {
            System.err.println("bench failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options options) throws Exception {
        if (!Files.isRegularFile(options.jar())) {
            throw new IOException("application jar not found: " + options.jar()
                    + " (build it with ./mvnw -q -B install -DskipTests)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("jangteo-bench-");
        // daemon threads: a hung request must not keep the bench JVM alive after main returns
        ExecutorService pool = Executors.newFixedThreadPool(MAX_CONCURRENCY, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(pool)
                .build();
        SeedProcess.Summary store = null;
        if (options.runs("rebuild")) {
            Path seedLog = work.resolve("seed.log");
            System.out.printf("seeding a store of %,d events in %s (log: %s)%n", options.storeEvents(),
                    work.resolve("data"), seedLog);
            store = SeedProcess.run(java, options.jar(), work.resolve("data"), options.storeEvents(), seedLog,
                    Duration.ofMinutes(90));
            System.out.printf("store: %,d events %s, event file %.1f MiB (%.1f MiB before compaction), seeded in %.1f s "
                            + "(copying %.1f s)%n", store.events(), store.byAggregateType(), store.storeBytes() / 1048576.0,
                    store.storeBytesBeforeCompact() / 1048576.0, store.seconds(), store.cloneSeconds());
        }
        try (AppProcess app = AppProcess.start(java, options.jvmOpts(), options.jar(), work)) {
            System.out.println("application log: " + app.log());
            double healthySeconds = app.awaitHealthy(http, Duration.ofSeconds(120));
            System.out.printf("healthy after %.2f s%n", healthySeconds);
            Thread.sleep(5_000);
            double rssMib = app.rssMib();
            System.out.printf("idle RSS %.1f MiB%n", rssMib);

            GraphQl gql = new GraphQl(http, app.graphqlUri());
            String admin = gql.devLogin("ADMIN", null);
            List<ScenarioResult> results = new ArrayList<>();
            if (store != null) {
                // the seeded store: no demo catalog (the application seeds one only into an empty store)
                for (String processor : List.of("order-summary", "sales-stats")) {
                    results.add(Rebuilds.rebuild(storeRebuildLabel(processor, store), processor, gql, admin,
                            Duration.ofMinutes(60)));
                    System.out.println("  " + Report.row(results.get(results.size() - 1)));
                }
                report(options, java, app, healthySeconds, rssMib, 0, 0, 0, 0, results, storeNote(store));
                return;
            }
            // the demo catalog is seeded in the background after start-up; browse it once it is complete
            long demo = gql.awaitProductCount(admin, DEMO_PRODUCTS, Duration.ofSeconds(180));
            System.out.printf("demo catalog: %d products%n", demo);

            double loadRssMib = 0;
            long created = 0;
            long inStore = demo;
            String password = "bench passphrase 1";
            if (options.scenarios().equals("all")) {
                String catalogBody = GraphQl.catalogBody();
                // anonymous, like a storefront visitor: visibility rules apply to every page
                Load.Call catalog = () -> gql.call(catalogBody, null);
                results.add(scenario(CATALOG, 8, options, catalog, app));
                RssSampler sampler = RssSampler.start(app);
                results.add(scenario(CATALOG, 32, options, catalog, app));
                loadRssMib = sampler.stop();
                System.out.printf("peak RSS under catalog load at concurrency 32: %.1f MiB%n", loadRssMib);
                // a signed-in shopper's page is never served from the response cache: this measures query execution
                String customer = gql.devLogin("CUSTOMER", null);
                Load.Call signedIn = () -> gql.call(catalogBody, customer);
                results.add(scenario(CATALOG_SIGNED_IN, 32, options, signedIn, app));

                String token = gql.devLogin();
                AtomicLong sequence = new AtomicLong();
                Load.Call create = () -> gql.call(GraphQl.createBody("Bench product " + sequence.incrementAndGet()), token);
                String listBody = GraphQl.listBody();
                Load.Call list = () -> gql.call(listBody, token);
                for (int concurrency : new int[] {1, 16}) {
                    results.add(scenario(CREATE, concurrency, options, create, app));
                }
                created = results.stream().filter(r -> r.name().equals(CREATE))
                        .mapToLong(ScenarioResult::okIncludingWarmup).sum();
                // the query side is eventually consistent: give the projection a moment to catch up
                inStore = gql.awaitProductCount(admin, demo + created, Duration.ofSeconds(15));
                System.out.printf("products in store: %d (demo %d, bench created %d)%n", inStore, demo, created);
                results.add(scenario(LIST, 32, options, list, app));

                // members: sign-ins spend most of their time in the adaptive password hash, on purpose; they rotate
                // over many accounts, as a shop's do (one account's sign-ins queue behind each other on its aggregate)
                List<String> signIns = new ArrayList<>();
                String memberToken = null;
                for (int i = 0; i < SIGN_IN_ACCOUNTS; i++) {
                    String email = "bench-member-" + i + "@bench.jangteo.test";
                    String accountToken = gql.member(email, password);
                    memberToken = memberToken == null ? accountToken : memberToken;
                    signIns.add(GraphQl.signInBody(email, password));
                }
                AtomicLong signInCount = new AtomicLong();
                results.add(scenario(SIGN_IN, 8, options, () -> gql.call(
                        signIns.get((int) (signInCount.getAndIncrement() % signIns.size())), null), app));
                String member = memberToken;
                String myPage = GraphQl.myPageBody();
                results.add(scenario(MY_PAGE, 32, options, () -> gql.call(myPage, member), app));
                AtomicLong registrations = new AtomicLong();
                results.add(scenario(REGISTER, 8, options, () -> gql.call(GraphQl.registerBody(
                        "bench-" + registrations.incrementAndGet() + "@bench.jangteo.test", password), null), app));
            }

            // checkout: quote, order, stock reservations on two products and the stored card's charge; placeOrder
            // answers once the order is PAID (the stock commit follows in the background)
            Orders shop = Orders.prepare(gql, admin, CHECKOUT_BUYERS, password);
            System.out.printf("checkout world: %d products in 2 shops, %d buyers with a stored card%n",
                    shop.products(), CHECKOUT_BUYERS);
            if (options.runs("orders")) {
                Load.Call checkout = shop.checkout();
                for (int concurrency : new int[] {1, 8, 32}) {
                    results.add(scenario(CHECKOUT, concurrency, options, checkout, app));
                }
            }

            // support's history reads: the buyer gets a long history first (orders, consents, points)
            if (options.runs("history")) {
                History history = History.prepare(gql, shop);
                System.out.printf("history world: a member with %d timeline entries%n", history.events());
                for (int concurrency : new int[] {1, 8}) {
                    results.add(scenario(TIMELINE_FIRST, concurrency, options, history.timelineFirstPage(), app));
                }
                results.add(scenario(TIMELINE_NEWEST, 8, options, history.timelineNewestPage(), app));
                for (int concurrency : new int[] {1, 8}) {
                    results.add(scenario(ORDER_AS_OF, concurrency, options, history.orderAsOf(), app));
                }
            }

            // operations: a store with products and orders in it, then rebuilds of two read models while nothing
            // else runs, then the events subscription's delivery latency
            if (options.runs("operations")) {
                String seller = gql.devLogin();
                if (options.scenarios().equals("operations")) {
                    AtomicLong fill = new AtomicLong();
                    results.add(scenario(CREATE, 16, options, () -> gql.call(
                            GraphQl.createBody("Bench product " + fill.incrementAndGet()), seller), app));
                    results.add(scenario(CHECKOUT, 8, options, shop.checkout(), app));
                }
                results.add(Rebuilds.rebuild(REBUILD_ORDERS, "order-summary", gql, admin, Duration.ofMinutes(15)));
                System.out.println("  " + Report.row(results.get(results.size() - 1)));
                results.add(Rebuilds.rebuild(REBUILD_CATALOG, "product-catalog-v2", gql, admin, Duration.ofMinutes(15)));
                System.out.println("  " + Report.row(results.get(results.size() - 1)));
                results.add(Streams.deliveryLatency(STREAM, gql, app.graphqlUri(), admin, seller,
                        Duration.ofSeconds(Math.min(10, options.warmup().toSeconds())), options.duration(), 50));
                System.out.println("  " + Report.row(results.get(results.size() - 1)));
            }

            report(options, java, app, healthySeconds, rssMib, loadRssMib, demo, inStore, created, results, null);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(Options options, Path java, AppProcess app, double healthySeconds, double rssMib,
            double loadRssMib, long demo, long inStore, long created, List<ScenarioResult> results, String storeNote)
            throws IOException {
        Report.Run run = new Report.Run(Instant.now().truncatedTo(ChronoUnit.SECONDS), gitCommit(),
                Report.Machine.probe(java), app.jvmOpts(), options.warmup(), options.duration(),
                healthySeconds, rssMib, loadRssMib, demo, inStore, created, results, storeNote);
        String previous = Files.exists(options.out()) ? Files.readString(options.out()) : null;
        Files.writeString(options.out(), Report.merge(Report.latest(run), previous));
        System.out.println();
        System.out.println(Report.table(results));
        System.out.println();
        System.out.println(Report.targets(run));
        System.out.println("written to " + options.out());
    }

    /** The label of a rebuild row over the seeded store; Report finds these by {@link #REBUILD_IN_STORE}. */
    static String storeRebuildLabel(String processor, SeedProcess.Summary store) {
        return String.format(Locale.ROOT, REBUILD_IN_STORE + "%,d events in store (order events %.0f%%)", processor,
                store.events(), store.share("Order"));
    }

    static String storeNote(SeedProcess.Summary store) {
        return String.format(Locale.ROOT, "%,d events (by aggregate type: %s), an event file of %.0f MiB (compacted). Cloned, not "
                        + "placed: %d template orders were made through the API (placed to PAID with a stored card, "
                        + "then confirmed, cancelled, returned or left in transit), then copied %,d times at the "
                        + "storage level with their Product stock events (fresh order, event and correlation ids, "
                        + "times spread over the year before; the same buyers, products and acting accounts). "
                        + "Processors' tokens were set to the head, so nothing but the rebuilds read the copies. "
                        + "Seeded in %.0f s",
                store.events(), store.byAggregateType(), store.storeBytes() / 1024.0 / 1024.0, store.templateOrders(),
                store.copiedOrders(), store.seconds());
    }

    private static ScenarioResult scenario(String name, int concurrency, Options options, Load.Call call,
            AppProcess app) throws IOException, InterruptedException {
        System.out.printf("%s at concurrency %d: %d s warm-up, %d s measured%n", name, concurrency,
                options.warmup().toSeconds(), options.duration().toSeconds());
        ScenarioResult result = Load.run(name, concurrency, options.warmup(), options.duration(), call);
        app.ensureAlive();
        System.out.println("  " + Report.row(result));
        return result;
    }

    private static String gitCommit() {
        String sha = Shell.output("git", "rev-parse", "--short", "HEAD");
        if (sha == null || sha.isBlank()) {
            return "unknown (no commit)";
        }
        String status = Shell.output("git", "status", "--porcelain");
        return status != null && !status.isBlank() ? sha + "-dirty" : sha;
    }
}
