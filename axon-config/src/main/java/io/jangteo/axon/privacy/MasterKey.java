package io.jangteo.axon.privacy;

import io.jangteo.axon.storage.RuntimeMode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Wraps the members' data keys, so that the key collection alone (a read-store backup, a curious DBA) reveals nothing.
 * Configured explicitly, or in embedded mode generated once into the data directory like the token key. Losing it
 * loses every member's personal data; it belongs in the same backup as the data directory.
 */
final class MasterKey {

    static final String PROPERTY = "jangteo.privacy.master-key";
    static final String KEY_FILE = "privacy-master-key";
    private static final int MIN_BYTES = 32;
    // the configured secret is not used as the AES key itself: a label-bound derivation keeps this key distinct even
    // if an operator reuses one secret for several purposes, and accepts secrets longer than 256 bits
    private static final byte[] DERIVATION_LABEL = "jangteo/privacy/master-key/v1".getBytes(StandardCharsets.UTF_8);
    private static final String WRAP_PURPOSE = "personal-data-key";

    private final SecretKey key;

    private MasterKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("The privacy master key must have at least 256 bits, has "
                    + secret.length * 8);
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            this.key = new SecretKeySpec(hmac.doFinal(DERIVATION_LABEL), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the privacy master key", e);
        }
    }

    static MasterKey of(byte[] secret) {
        return new MasterKey(secret);
    }

    static MasterKey load(String configured, Path dataDir, RuntimeMode mode) {
        if (configured != null && !configured.isBlank()) {
            return new MasterKey(decode(configured, PROPERTY));
        }
        if (mode == RuntimeMode.SCALE_OUT) {
            throw new MasterKeyMissingException();
        }
        return new MasterKey(readOrCreate(dataDir.toAbsolutePath().resolve(KEY_FILE)));
    }

    /** The wrapped key names its subject in the associated data: copied onto another member's document, it fails. */
    byte[] wrap(String subject, byte[] dataKey) {
        return AesGcm.seal(key, dataKey, AesGcm.associatedData(WRAP_PURPOSE, subject));
    }

    byte[] unwrap(String subject, byte[] wrapped) {
        try {
            return AesGcm.open(key, wrapped, AesGcm.associatedData(WRAP_PURPOSE, subject));
        } catch (AEADBadTagException e) {
            // never read as "erased": a wrong master key would otherwise silently wipe everyone's personal data
            throw new IllegalStateException("The personal data key of " + subject + " cannot be unwrapped: either "
                    + PROPERTY + " is not the key it was stored with, or the key document was altered", e);
        }
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            byte[] secret = AesGcm.randomKey();
            Files.createDirectories(file.getParent());
            // written beside and moved into place, readable by the owner from its first byte: a crash mid-write
            // leaves no truncated key behind, and no moment where others may read it
            Path partial = file.resolveSibling(KEY_FILE + ".partial");
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system; the data directory's own permissions have to do
                Files.createFile(partial);
            }
            Files.writeString(partial, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the privacy master key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The privacy master key in " + source + " is not base64", e);
        }
    }
}
