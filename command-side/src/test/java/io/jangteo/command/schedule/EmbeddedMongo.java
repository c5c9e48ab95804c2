package io.jangteo.command.schedule;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * A real MongoDB wire-protocol server in this JVM on a random port, reached through the real driver. A new client on
 * the same server is what a restarted process sees.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;
    private MongoClient client;

    public EmbeddedMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        client = MongoClients.create(uri);
    }

    public MongoDatabase database() {
        return client.getDatabase("jangteo_test");
    }

    /** Drops the connection and connects again, as a restarted process would. */
    public MongoDatabase reconnect() {
        client.close();
        client = MongoClients.create(uri);
        return database();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
