package io.jangteo.query.shared;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MongoDB wire-protocol server in this JVM, reached through the real driver over TCP, so the filters and
 * updates under test go through the same serialization as in production. Each test gets a database of its own.
 */
public final class EmbeddedReadStore implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final MongoClient client;

    public EmbeddedReadStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("jangteo_test_" + DATABASES.incrementAndGet());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
