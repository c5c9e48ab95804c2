package io.jangteo.axon.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM as this package stores it: {@code version byte | 12-byte IV | ciphertext with its 16-byte tag}. The IV
 * is random per message; a member's key seals a few dozen values over the account's life, far below the 2^32 messages
 * after which random 96-bit IVs stop being safe under one key. The version byte lets a later format (another cipher,
 * a rotated master key) coexist with what is already stored.
 */
final class AesGcm {

    static final byte VERSION = 1;
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + IV_BYTES + TAG_BITS / 8;

    private static final SecureRandom RANDOM = new SecureRandom();
    // Cipher.getInstance looks the provider up every time; one instance per thread, re-initialised per message
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM offers no AES/GCM", e);
        }
    });

    private AesGcm() {
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] sealed = new byte[OVERHEAD + plaintext.length];
        sealed[0] = VERSION;
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        System.arraycopy(iv, 0, sealed, 1, IV_BYTES);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + IV_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws AEADBadTagException when the bytes, the key or the associated data are not those it was sealed with */
    static byte[] open(SecretKey key, byte[] sealed, byte[] associatedData) throws AEADBadTagException {
        if (sealed.length < OVERHEAD) {
            throw new AEADBadTagException("sealed value too short: " + sealed.length + " bytes");
        }
        if (sealed[0] != VERSION) {
            throw new AEADBadTagException("unknown format version " + sealed[0]);
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /**
     * Associated data binding a ciphertext to its place: each part length-prefixed, so that no two different lists of
     * parts (say subject "ab" with property "c", and "a" with "bc") give the same bytes.
     */
    static byte[] associatedData(String... parts) {
        byte[][] encoded = new byte[parts.length][];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            length += Integer.BYTES + encoded[i].length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] part : encoded) {
            buffer.putInt(part.length).put(part);
        }
        return buffer.array();
    }
}
