package io.jangteo.graphql.security;

import io.jangteo.axon.JangteoProperties;
import io.jangteo.axon.storage.RuntimeMode;
import io.jangteo.graphql.ApiProperties;
import org.springframework.core.env.Environment;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC key that signs access tokens. Configured explicitly, or in embedded mode generated once and kept in the
 * data directory so that tokens survive a restart. Scale-out nodes must share one configured key.
 */
final class JwtKeys {

    static final String KEY_FILE = "jwt-secret";
    private static final int MIN_BYTES = 32;

    private JwtKeys() {
    }

    static SecretKey load(ApiProperties api, JangteoProperties jangteo, Environment environment) {
        String configured = api.security().jwtSecret();
        if (configured != null && !configured.isBlank()) {
            return key(Base64.getDecoder().decode(configured.strip()));
        }
        if (RuntimeMode.of(environment) == RuntimeMode.SCALE_OUT) {
            throw new IllegalStateException("Scale-out mode needs jangteo.api.security.jwt-secret "
                    + "(base64, at least 256 bits), the same on every node");
        }
        return key(readOrCreate(jangteo.dataDir().toAbsolutePath().resolve(KEY_FILE)));
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] secret = new byte[64];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions have to do
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key " + file, e);
        }
    }

    private static SecretKey key(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("The token key must have at least 256 bits");
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }
}
