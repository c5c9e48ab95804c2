package io.jangteo.axon.privacy;

import io.jangteo.axon.storage.RuntimeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    private static final byte[] DATA_KEY = AesGcm.randomKey();

    @TempDir
    Path dataDir;

    @Test
    void embeddedModeGeneratesAKeyOnceIntoTheDataDirectoryReadableByTheOwnerOnly() throws Exception {
        MasterKey first = MasterKey.load(null, dataDir, RuntimeMode.EMBEDDED);
        Path file = dataDir.resolve(MasterKey.KEY_FILE);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(dataDir.resolve(MasterKey.KEY_FILE + ".partial")).doesNotExist();

        MasterKey afterRestart = MasterKey.load("", dataDir, RuntimeMode.EMBEDDED);
        assertThat(afterRestart.unwrap("m-1", first.wrap("m-1", DATA_KEY))).isEqualTo(DATA_KEY);
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsWritten() {
        String configured = Base64.getEncoder().encodeToString(new byte[48]);

        MasterKey key = MasterKey.load(configured, dataDir, RuntimeMode.EMBEDDED);

        assertThat(dataDir.resolve(MasterKey.KEY_FILE)).doesNotExist();
        assertThat(MasterKey.load(configured, dataDir, RuntimeMode.SCALE_OUT)
                .unwrap("m-1", key.wrap("m-1", DATA_KEY))).isEqualTo(DATA_KEY);
    }

    @Test
    void scaleOutModeRefusesToStartWithoutAConfiguredKey() {
        assertThatThrownBy(() -> MasterKey.load(" ", dataDir, RuntimeMode.SCALE_OUT))
                .isInstanceOf(MasterKeyMissingException.class)
                .hasMessageContaining("jangteo.privacy.master-key");
        assertThat(dataDir.resolve(MasterKey.KEY_FILE)).doesNotExist();
    }

    @Test
    void theMissingKeyIsExplainedInsteadOfAStackTrace() {
        FailureAnalysis analysis = new MasterKeyFailureAnalyzer()
                .analyze(new IllegalStateException("bean creation failed", new MasterKeyMissingException()));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("jangteo.privacy.master-key");
        assertThat(analysis.getAction()).contains("same value");
        assertThat(new MasterKeyFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void aKeyShorterThan256BitsIsRefused() {
        String short128 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.load(short128, dataDir, RuntimeMode.EMBEDDED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("256 bits");
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> MasterKey.load("not base64 at all!", dataDir, RuntimeMode.EMBEDDED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not base64")
                .hasMessageNotContaining("at all");
    }
}
