package io.jangteo.axon.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.jangteo.axon.storage.StartupEvents.contextPrepared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DataDirectoryLockTest {

    private static final String PID = Long.toString(ProcessHandle.current().pid());

    @TempDir
    Path dataDir;

    private final List<DataDirectoryLock> locks = new ArrayList<>();

    @AfterEach
    void releaseAll() {
        locks.forEach(DataDirectoryLock::release);
    }

    @Test
    void acquiringWritesThisProcessesPidIntoTheLockFile() throws IOException {
        newLock().acquire(dataDir);

        assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.LOCK_FILE), StandardCharsets.UTF_8))
                .isEqualTo(PID + "\n");
    }

    @Test
    void acquiringCreatesAMissingDataDirectory() {
        Path nested = dataDir.resolve("not").resolve("yet");

        newLock().acquire(nested);

        assertThat(nested.resolve(DataDirectoryLock.LOCK_FILE)).exists();
    }

    @Test
    void acquiringTwiceThroughTheSameLockIsHarmless() {
        DataDirectoryLock lock = newLock();
        lock.acquire(dataDir);

        assertThatCode(() -> lock.acquire(dataDir)).doesNotThrowAnyException();
    }

    @Test
    void aSecondLockOnTheSameDirectoryIsRefusedWithAMessageThatSaysWhatToDo() {
        newLock().acquire(dataDir);

        DataDirectoryInUseException refused =
                catchThrowableOfType(DataDirectoryInUseException.class, () -> newLock().acquire(dataDir));

        assertThat(refused.dataDir()).isEqualTo(dataDir);
        assertThat(refused.getMessage())
                .contains(dataDir.toString())
                .contains("(pid " + PID + ")")
                .contains("Stop that process")
                .contains("--jangteo.data-dir=");
    }

    @Test
    void aSecondLockAcquiresOnceTheFirstIsReleased() {
        DataDirectoryLock first = newLock();
        DataDirectoryLock second = newLock();
        first.acquire(dataDir);
        catchThrowableOfType(DataDirectoryInUseException.class, () -> second.acquire(dataDir));

        first.release();

        assertThatCode(() -> second.acquire(dataDir)).doesNotThrowAnyException();
    }

    @Test
    void anotherProcessIsRefusedWhileThisOneHoldsTheDirectory() throws Exception {
        // the point of the lock: two JVMs, not two objects; nothing in this JVM may open the lock file meanwhile
        newLock().acquire(dataDir);

        ProcessResult other = runOtherProcess(dataDir);

        assertThat(other.exitCode()).as(other.output()).isEqualTo(OtherProcess.REFUSED);
        assertThat(other.output()).contains("(pid " + PID + ")");
    }

    @Test
    void anotherProcessAcquiresOnceThisOneReleases() throws Exception {
        DataDirectoryLock lock = newLock();
        lock.acquire(dataDir);
        lock.release();

        ProcessResult other = runOtherProcess(dataDir);

        assertThat(other.exitCode()).as(other.output()).isEqualTo(OtherProcess.ACQUIRED);
    }

    @Test
    void aRefusedSecondLockInThisJvmDoesNotLetAnotherProcessIn() throws Exception {
        newLock().acquire(dataDir);
        catchThrowableOfType(DataDirectoryInUseException.class, () -> newLock().acquire(dataDir));

        ProcessResult other = runOtherProcess(dataDir);

        assertThat(other.exitCode()).as(other.output()).isEqualTo(OtherProcess.REFUSED);
    }

    @Test
    void theListenerLocksTheConfiguredDirectoryInEmbeddedModeAndReleasesItWhenTheContextCloses() throws Exception {
        DataDirectoryLock listener = newLock();

        listener.onApplicationEvent(contextPrepared(Map.of("jangteo.data-dir", dataDir.toString())));

        assertThat(dataDir.resolve(DataDirectoryLock.LOCK_FILE)).exists();
        assertThat(runOtherProcess(dataDir).exitCode()).isEqualTo(OtherProcess.REFUSED);

        listener.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

        assertThat(runOtherProcess(dataDir).exitCode()).isEqualTo(OtherProcess.ACQUIRED);
    }

    @Test
    void theListenerLeavesTheDirectoryAloneInScaleOutMode() {
        // in scale-out mode nodes share nothing on disk, so several may run from one working directory
        DataDirectoryLock listener = newLock();

        listener.onApplicationEvent(contextPrepared(Map.of("jangteo.data-dir", dataDir.toString()),
                RuntimeMode.SCALE_OUT_PROFILE));

        assertThat(dataDir.resolve(DataDirectoryLock.LOCK_FILE)).doesNotExist();
    }

    private DataDirectoryLock newLock() {
        DataDirectoryLock lock = new DataDirectoryLock();
        locks.add(lock);
        return lock;
    }

    private record ProcessResult(int exitCode, String output) {
    }

    private static ProcessResult runOtherProcess(Path dataDir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OtherProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the other process did not finish");
        }
        return new ProcessResult(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A second Jangteo process trying to start on the same data directory. */
    static final class OtherProcess {
        static final int ACQUIRED = 0;
        static final int REFUSED = 3;

        public static void main(String[] args) {
            DataDirectoryLock lock = new DataDirectoryLock();
            try {
                lock.acquire(Path.of(args[0]));
            } catch (DataDirectoryInUseException e) {
                System.out.println(e.getMessage());
                System.exit(REFUSED);
            }
            lock.release();
            System.exit(ACQUIRED);
        }
    }
}
