package io.jangteo.command.shared;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MongoDB wire-protocol server in this JVM on a random port, reached through the real driver over TCP, so the
 * filters, unique keys and conditional updates under test behave as the driver sends them.
 * <p>
 * A test class shares one server as {@code @RegisterExtension static final EmbeddedMongo mongo = new EmbeddedMongo();},
 * which stops it after the class, and gives each test a {@link #freshDatabase()}. A test that restarts the process
 * opens one per test instead, closes it itself, and uses {@link #database()} and {@link #reconnect()}.
 */
public final class EmbeddedMongo implements AutoCloseable, AfterAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final String uri;
    private volatile MongoClient client;

    public EmbeddedMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(uri);
    }

    /** The same database on every call, across {@link #reconnect()}. */
    public MongoDatabase database() {
        return client.getDatabase("jangteo_test");
    }

    /** A database no other test on this server has used. */
    public MongoDatabase freshDatabase() {
        return client.getDatabase("jangteo_test_" + DATABASES.incrementAndGet());
    }

    /** Drops the connection and connects again, as a restarted process would. */
    public MongoDatabase reconnect() {
        client.close();
        client = MongoClients.create(uri);
        return database();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
