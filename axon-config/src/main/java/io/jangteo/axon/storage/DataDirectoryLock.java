package io.jangteo.axon.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes an exclusive lock on the data directory before anything opens a file in it. A second process on the same
 * directory would otherwise meet H2's and the read store's own locks deep inside start-up, with a far less helpful
 * message. Registered in {@code spring.factories} so it runs before any bean is made.
 */
public class DataDirectoryLock implements ApplicationListener<ApplicationEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);
    static final String LOCK_FILE = "jangteo.lock";

    /**
     * Directories locked by this JVM. Checked before any file is opened: on Linux, closing <em>any</em> descriptor of
     * a file drops every lock this process holds on it, so a refused second attempt must never touch the file.
     */
    private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private FileChannel channel;
    private FileLock lock;
    private Path heldDir;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        // the prepared context, not the prepared environment: properties added while the context is prepared (a
        // test's dynamic data directory, for one) are only there by then, and still no bean has opened a file
        if (event instanceof ApplicationPreparedEvent prepared) {
            ConfigurableEnvironment environment = prepared.getApplicationContext().getEnvironment();
            if (RuntimeMode.of(environment) == RuntimeMode.EMBEDDED) {
                acquire(Path.of(environment.getProperty("jangteo.data-dir", "data")).toAbsolutePath().normalize());
            }
        } else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
            release();
        }
    }

    synchronized void acquire(Path dataDir) {
        if (lock != null) {
            return;
        }
        if (!HELD_BY_THIS_PROCESS.add(dataDir)) {
            throw new DataDirectoryInUseException(dataDir, Long.toString(ProcessHandle.current().pid()));
        }
        Path lockFile = dataDir.resolve(LOCK_FILE);
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                channel = null;
                HELD_BY_THIS_PROCESS.remove(dataDir);
                throw new DataDirectoryInUseException(dataDir, readHolder(lockFile));
            }
            heldDir = dataDir;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            log.info("Embedded mode: data directory {}", dataDir);
        } catch (IOException e) {
            HELD_BY_THIS_PROCESS.remove(dataDir);
            throw new IllegalStateException("Cannot lock data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    synchronized void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the data directory lock: {}", e.getMessage());
        } finally {
            if (heldDir != null) {
                HELD_BY_THIS_PROCESS.remove(heldDir);
            }
            lock = null;
            channel = null;
            heldDir = null;
        }
    }

    /** Only called when another process holds the lock: reading the file would drop a lock of our own. */
    private static String readHolder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public int getOrder() {
        // after Spring Boot's logging listener, so our message goes through the configured logging
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
