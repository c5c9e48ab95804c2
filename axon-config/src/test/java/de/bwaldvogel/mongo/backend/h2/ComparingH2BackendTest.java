package de.bwaldvogel.mongo.backend.h2;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparingH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void lookupsThroughUniqueIndexesWorkAndSurviveAReopen() {
        Path file = dir.resolve("readmodels.mv");
        withCollection(file, products -> {
            products.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
            for (int i = 1; i <= 50; i++) {
                products.insertOne(new Document("_id", "p-" + i).append("position", (long) i));
            }
            assertThat(products.find(eq("_id", "p-17")).first()).containsEntry("position", 17L);
        });

        withCollection(file, products -> {
            assertThat(products.find(eq("_id", "p-42")).first()).containsEntry("position", 42L);
            List<Object> ids = new ArrayList<>();
            products.find(in("position", List.of(3L, 4L, 5L, 999L))).forEach(d -> ids.add(d.get("_id")));
            assertThat(ids).containsExactlyInAnyOrder("p-3", "p-4", "p-5");
            assertThatThrownBy(() -> products.insertOne(new Document("_id", "p-x").append("position", 7L)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> products.insertOne(new Document("_id", "p-7")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    /**
     * The file as a killed process leaves it is a copy taken while the store is still open: nothing closes or flushes
     * it. Every acknowledged write must be in it, the later (a processor's token) never without the earlier (its
     * document).
     */
    @Test
    void everyAcknowledgedWriteIsInTheFileAKilledProcessLeaves() {
        Path file = dir.resolve("readmodels.mv");
        Path leftBehind = dir.resolve("killed.mv");
        withDatabase(file, database -> {
            MongoCollection<Document> orders = database.getCollection("orders");
            MongoCollection<Document> tokens = database.getCollection("tokens");
            orders.insertOne(new Document("_id", "ord-1").append("status", "PLACED"));
            orders.updateOne(eq("_id", "ord-1"), new Document("$set", new Document("status", "PAID")));
            tokens.insertOne(new Document("_id", "order-summary").append("index", 2L));
            copy(file, leftBehind);
        });

        withDatabase(leftBehind, database -> {
            assertThat(database.getCollection("orders").find(eq("_id", "ord-1")).first())
                    .containsEntry("status", "PAID");
            assertThat(database.getCollection("tokens").find(eq("_id", "order-summary")).first())
                    .containsEntry("index", 2L);
        });
    }

    @Test
    void concurrentWritersFindEachOfTheirWritesInTheFileOnceAnswered() throws Exception {
        Path file = dir.resolve("readmodels.mv");
        Path leftBehind = dir.resolve("killed.mv");
        int writers = 8;
        int writesEach = 40;
        withDatabase(file, database -> {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String writer = "w" + w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < writesEach; i++) {
                            database.getCollection("docs").insertOne(new Document("_id", writer + "-" + i));
                            database.getCollection("tokens").replaceOne(eq("_id", writer),
                                    new Document("_id", writer).append("last", (long) i),
                                    new ReplaceOptions().upsert(true));
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdownNow();
            }
            copy(file, leftBehind);
        });

        withDatabase(leftBehind, database -> {
            assertThat(database.getCollection("docs").countDocuments()).isEqualTo((long) writers * writesEach);
            for (int w = 0; w < writers; w++) {
                assertThat(database.getCollection("tokens").find(eq("_id", "w" + w)).first())
                        .containsEntry("last", (long) writesEach - 1);
            }
        });
    }

    @Test
    void keysCompareAsZeroExactlyWhenEqual() {
        List<KeyValue> keys = List.of(new KeyValue("a"), new KeyValue("b"), new KeyValue(1L), new KeyValue(2L),
                new KeyValue(1.5), new KeyValue("a", 1L), new KeyValue("a", 2L), new KeyValue(true),
                new KeyValue((Object) null), new KeyValue("a"));
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = KeyValueType.INSTANCE.compare(a, b);
                assertThat(ab == 0).as(a + " vs " + b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(ab)).as("antisymmetric " + a + " vs " + b)
                        .isEqualTo(-Integer.signum(KeyValueType.INSTANCE.compare(b, a)));
            }
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void withDatabase(Path file, Consumer<MongoDatabase> work) {
        ComparingH2Backend backend = new ComparingH2Backend(MVStore.open(file.toString()));
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client.getDatabase("test"));
        } finally {
            server.shutdownNow();
        }
    }

    private static void withCollection(Path file, Consumer<MongoCollection<Document>> work) {
        ComparingH2Backend backend = new ComparingH2Backend(MVStore.open(file.toString()));
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client.getDatabase("test").getCollection("products"));
        } finally {
            server.shutdownNow();
        }
    }
}
