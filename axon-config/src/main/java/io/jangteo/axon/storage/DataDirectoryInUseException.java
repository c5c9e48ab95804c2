package io.jangteo.axon.storage;

import java.nio.file.Path;

/** Another process runs on the same data directory. */
public class DataDirectoryInUseException extends RuntimeException {

    private final transient Path dataDir;

    DataDirectoryInUseException(Path dataDir, String holderPid) {
        super("Data directory " + dataDir + " is already in use by another Jangteo process"
                + (holderPid == null || holderPid.isBlank() ? "" : " (pid " + holderPid + ")")
                + ". Stop that process, or start this one with --jangteo.data-dir=<another directory>.");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
