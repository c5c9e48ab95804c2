package io.jangteo.graphql.payment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies a provider callback's {@code Jangteo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} header, the scheme
 * Stripe documents for its webhooks: the MAC covers {@code t + "." + raw body} under the shared secret, so neither the
 * body nor the time can be changed; a time outside the tolerance is refused, so a captured callback cannot be replayed
 * later; several {@code v1} entries are allowed, so the provider can sign with an old and a new secret while they
 * rotate. Signatures are compared in constant time.
 */
final class CallbackSignature {

    static final String HEADER = "Jangteo-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    CallbackSignature(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a callback secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code header} signs exactly {@code body} with our secret, at a time within the tolerance of now. */
    boolean verify(String header, byte[] body) {
        if (header == null || body == null) {
            return false;
        }
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                return false;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null || !TIMESTAMP.matcher(value).matches()) {
                    return false;
                }
                timestamp = value;
            } else if (key.equals("v1") && HEX_SIGNATURE.matcher(value).matches()) {
                signatures.add(HexFormat.of().parseHex(value));
            }
            // other schemes (a v0 test signature) are ignored, as Stripe's clients do
        }
        if (timestamp == null || signatures.isEmpty()) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = mac(timestamp, body);
        boolean matched = false;
        for (byte[] signature : signatures) {
            // no early exit: every candidate costs the same, whichever matches
            matched |= MessageDigest.isEqual(expected, signature);
        }
        return matched;
    }

    /** The header a provider holding the same secret sends for {@code body} at {@code time}. */
    String sign(Instant time, byte[] body) {
        String timestamp = String.valueOf(time.getEpochSecond());
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(timestamp, body));
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
