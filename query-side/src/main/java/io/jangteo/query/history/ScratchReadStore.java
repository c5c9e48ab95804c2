package io.jangteo.query.history;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-memory MongoDB wire-protocol server in this JVM where projections rebuild past states, so a rebuild never
 * touches the live read models (in either runtime mode) and goes through the same driver as the live projections.
 * Started on first use, on loopback only; each rebuild gets a database of its own, dropped when it ends, so
 * concurrent rebuilds do not see each other and nothing piles up.
 */
@Component
public final class ScratchReadStore implements DisposableBean, AutoCloseable {

    private final AtomicLong databases = new AtomicLong();
    private MongoServer server;
    private MongoClient client;

    /** Runs {@code work} against a fresh database, dropped afterwards, also when {@code work} fails. */
    public <T> T withDatabase(Function<MongoDatabase, T> work) {
        MongoDatabase database = client().getDatabase("scratch_" + databases.incrementAndGet());
        try {
            return work.apply(database);
        } finally {
            database.drop();
        }
    }

    /** How many databases the server holds now: none between rebuilds. */
    public int openDatabases() {
        return client == null ? 0 : client().listDatabaseNames().into(new java.util.ArrayList<>()).size();
    }

    private synchronized MongoClient client() {
        if (client == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            server.shutdownNow();
            client = null;
            server = null;
        }
    }

    @Override
    public void destroy() {
        close();
    }
}
