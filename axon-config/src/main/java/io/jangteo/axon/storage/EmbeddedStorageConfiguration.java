package io.jangteo.axon.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.ComparingH2Backend;
import io.jangteo.axon.JangteoProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.h2.mvstore.MVStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Embedded mode: events in an H2 file database, read models in an in-process MongoDB wire-protocol server with its
 * persistent H2 backend, both under the data directory. No external process.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + RuntimeMode.SCALE_OUT_PROFILE)
class EmbeddedStorageConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(JangteoProperties properties) {
        Path file = properties.dataDir().toAbsolutePath().resolve("events").resolve("events");
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-store");
        // WRITE_DELAY=0: a committed append reaches the file before the command is acknowledged, so a SIGKILL right
        // after a mutation loses nothing. DB_CLOSE_ON_EXIT=FALSE: Spring closes the pool, not H2's shutdown hook.
        config.setJdbcUrl("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        // every tracking processor holds a connection for the whole of a batch (its transaction), about twenty of
        // them; with 16, a rebuild that slowed the read store left requests waiting for a connection for minutes
        config.setMaximumPoolSize(40);
        return new HikariDataSource(config);
    }

    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource,
                                          TransactionManager transactionManager,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          List<EventUpcaster> upcasters) {
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                // an engine built by hand gets no upcasters unless given them; Spring orders the list as Axon does
                .upcasterChain(new EventUpcasterChain(upcasters))
                .batchSize(500)
                .build();
        engine.createSchema(new H2EventTableFactory());
        return engine;
    }

    /**
     * The read store's page cache ({@code jangteo.read-store.cache-size-mb}, H2's default is 16 MB): a page missing
     * from it is read from the file and its documents deserialized again, which was a third of the read store's work
     * while a read model of 78,000 orders was rebuilt with the default.
     */
    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(JangteoProperties properties,
                                    @Value("${jangteo.read-store.cache-size-mb:64}") int cacheSizeMb) {
        Path file = properties.dataDir().toAbsolutePath().resolve("readmodels.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(Math.max(1, cacheSizeMb)).open();
        MongoServer server = new MongoServer(new ComparingH2Backend(store));
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                // the driver's monitor reads its heartbeat with the connect timeout (10 s by default) and, past it,
                // marks the server unknown and clears the pool, failing every operation in flight; the server is in
                // this JVM, so a slow answer means it is busy (a large commit, a collection), not gone
                .applyToSocketSettings(socket -> socket.connectTimeout(60, TimeUnit.SECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(64))
                .build());
    }
}
