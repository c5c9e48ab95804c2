package io.jangteo.axon.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real in-process MongoDB wire-protocol server for the key collection, and the parts the serializer is built from
 * in the application. Several "nodes" (key stores with their own caches) can share one server.
 */
final class KeyStoreSupport implements AutoCloseable {

    static final byte[] MASTER_SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final Duration TTL = Duration.ofSeconds(60);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    final MongoDatabase database;
    /** The caches' clock, moved by hand: no test waits for a real TTL. */
    final AtomicLong nanoTime = new AtomicLong();

    KeyStoreSupport() {
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
        database = client.getDatabase("jangteo");
    }

    /** One node's key store: its own cache, the shared collection. */
    PersonalDataKeys node() {
        return node(MasterKey.of(MASTER_SECRET));
    }

    PersonalDataKeys node(MasterKey masterKey) {
        return new PersonalDataKeys(database, masterKey, new KeyCache(1_000, TTL.toNanos(), nanoTime::get),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    MongoCollection<Document> keyDocuments() {
        return database.getCollection(PersonalDataKeys.COLLECTION);
    }

    void advance(Duration duration) {
        nanoTime.addAndGet(duration.toNanos());
    }

    /** Configured as Spring Boot configures the mapper Axon picks up for events. */
    static ObjectMapper bootLikeMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    static JacksonSerializer plainJackson() {
        return JacksonSerializer.builder().objectMapper(bootLikeMapper()).build();
    }

    static PersonalDataSerializer serializer(PersonalDataKeys keys) {
        return new PersonalDataSerializer(plainJackson(), keys);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
