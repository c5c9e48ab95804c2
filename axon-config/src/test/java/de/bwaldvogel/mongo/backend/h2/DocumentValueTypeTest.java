package de.bwaldvogel.mongo.backend.h2;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents stored as BSON come back exactly as they were written, across a restart; a data directory written by the
 * generic H2 type (before BSON) still opens, and its documents turn into BSON when they are written again.
 */
class DocumentValueTypeTest {

    @TempDir
    Path dir;

    @Test
    void everyValueTypeSurvivesARestart() {
        Path file = dir.resolve("readmodels.mv");
        Document stored = sample("o-1");
        with(comparing(file), orders -> orders.insertOne(stored));

        with(comparing(file), orders -> {
            Document read = orders.find(eq("_id", "o-1")).first();
            assertThat(read).isEqualTo(stored);
            assertThat(new ArrayList<>(read.keySet())).containsExactlyElementsOf(stored.keySet());
        });
    }

    @Test
    void aDirectoryWrittenBeforeBsonOpensAndItsDocumentsTurnIntoBsonWhenWritten() {
        Path file = dir.resolve("readmodels.mv");
        Document first = sample("o-1");
        Document second = sample("o-2");
        // the previous version: mongo-java-server's own backend, documents in H2's generic (Java-serialized) type
        with(new H2Backend(MVStore.open(file.toString())), orders -> {
            orders.insertOne(first);
            orders.insertOne(second);
        });
        assertThat(storedFormats(file)).containsExactly(ObjectDataType.class.getSimpleName(),
                ObjectDataType.class.getSimpleName());

        with(comparing(file), orders -> {
            assertThat(orders.find(eq("_id", "o-1")).first()).isEqualTo(first);
            orders.updateOne(eq("_id", "o-2"), Updates.set("status", "PAID"));
        });
        assertThat(storedFormats(file)).containsExactly(ObjectDataType.class.getSimpleName(), "BSON");

        with(comparing(file), orders -> {
            assertThat(orders.find(eq("_id", "o-1")).first()).isEqualTo(first);
            assertThat(orders.find(eq("_id", "o-2")).first()).isEqualTo(second.append("status", "PAID"));
        });
    }

    @Test
    void aStoredValueStartsWithAMarkerNoGenericTagUses() {
        WriteBuffer generic = new WriteBuffer();
        new ObjectDataType().write(generic, new de.bwaldvogel.mongo.bson.Document("a", 1));
        assertThat(generic.getBuffer().get(0)).isNotEqualTo(DocumentValueType.BSON);
        assertThat(generic.getBuffer().get(0)).isNotNegative();

        WriteBuffer bson = new WriteBuffer();
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("a", 1)
                .append("nested", new de.bwaldvogel.mongo.bson.Document("b", List.of("x", 2L)));
        DocumentValueType.INSTANCE.write(bson, document);
        ByteBuffer written = bson.getBuffer();
        written.flip();
        assertThat(written.get(0)).isEqualTo(DocumentValueType.BSON);
        assertThat(DocumentValueType.INSTANCE.read(written)).isEqualTo(document);
        assertThat(written.remaining()).isZero();
    }

    @Test
    void indexKeysAreStoredAsBsonAndReadBackEqualAndKeysOfMissingValuesKeepTheGenericType() {
        for (KeyValue key : List.of(new KeyValue("o-1", 3L), new KeyValue(42, "x", 1.5, null),
                new KeyValue(new de.bwaldvogel.mongo.bson.Document("amount", 1L)), new KeyValue(Missing.getInstance()))) {
            WriteBuffer buffer = new WriteBuffer();
            KeyValueType.INSTANCE.write(buffer, key);
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            boolean missing = key.stream().anyMatch(value -> value instanceof Missing);
            assertThat(written.get(0) == DocumentValueType.BSON).as("%s as BSON", key).isEqualTo(!missing);
            KeyValue read = KeyValueType.INSTANCE.read(written);
            assertThat(written.remaining()).isZero();
            if (!missing) { // the generic type reads a missing value back as a new instance, as it always did
                assertThat(read).isEqualTo(key);
                assertThat(KeyValueType.INSTANCE.compare(read, key)).isZero();
            }
        }
    }

    // ----

    private static Document sample(String id) {
        return new Document("_id", id)
                .append("text", "배송 메모: 문 앞에")
                .append("int", 42)
                .append("long", 9_007_199_254_740_993L)
                .append("double", 0.1)
                .append("decimal", new Decimal128(new BigDecimal("12345.6789")))
                .append("bool", true)
                .append("nothing", null)
                .append("date", new Date(1_740_819_600_000L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("binary", new Binary(BsonBinarySubType.BINARY, new byte[] {1, 2, 3, (byte) 0xB5}))
                .append("list", List.of(1, "two", new Document("three", 3L), List.of()))
                .append("nested", new Document("money", new Document("amount", 54_250L).append("currency", "KRW"))
                        .append("lines", List.of(new Document("lineId", "L1").append("status", "ORDERED"))));
    }

    /** Per stored document of the collection, which type wrote it: BSON (with the marker) or the generic one. */
    private static List<String> storedFormats(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            MVMap<Object, String> raw = store.openMap("databases.test.orders",
                    new MVMap.Builder<Object, String>().valueType(new FormatProbe()));
            return new ArrayList<>(raw.values());
        } finally {
            store.close();
        }
    }

    /** Reads a stored value as far as needed to say which type wrote it, consuming it exactly as the real types do. */
    private static final class FormatProbe extends org.h2.mvstore.type.BasicDataType<String> {
        @Override
        public int getMemory(String value) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, String value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String read(ByteBuffer buffer) {
            boolean bson = buffer.get(buffer.position()) == DocumentValueType.BSON;
            DocumentValueType.INSTANCE.read(buffer);
            return bson ? "BSON" : ObjectDataType.class.getSimpleName();
        }

        @Override
        public String[] createStorage(int size) {
            return new String[size];
        }
    }

    private static MongoBackend comparing(Path file) {
        return new ComparingH2Backend(MVStore.open(file.toString()));
    }

    private static void with(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client.getDatabase("test").getCollection("orders"));
        } finally {
            server.shutdownNow();
        }
    }
}
