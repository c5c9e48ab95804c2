package io.jangteo.graphql.payment;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackSignatureTest {

    private static final String SECRET = "sandbox-webhook-secret";
    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z");
    private static final byte[] BODY = ("{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"ord-1\",\"paymentKey\":\"pay-ord-1\","
            + "\"amount\":98500,\"currency\":\"KRW\",\"transactionId\":\"tx-1\"}").getBytes(StandardCharsets.UTF_8);

    private final CallbackSignature signature =
            new CallbackSignature(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsTheHmacOfTimestampDotBodyComputedIndependently() throws Exception {
        long t = NOW.getEpochSecond() - 30;
        assertThat(signature.verify("t=" + t + ",v1=" + hmac(SECRET, t + "." + new String(BODY, StandardCharsets.UTF_8)),
                BODY)).isTrue();
    }

    @Test
    void signsWhatItVerifies() {
        String header = signature.sign(NOW, BODY);
        assertThat(header).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
        assertThat(signature.verify(header, BODY)).isTrue();
    }

    @Test
    void refusesAnotherSecret() throws Exception {
        long t = NOW.getEpochSecond();
        assertThat(signature.verify("t=" + t + ",v1=" + hmac("another-secret", t + "." + new String(BODY,
                StandardCharsets.UTF_8)), BODY)).isFalse();
    }

    @Test
    void refusesAChangedBody() {
        String header = signature.sign(NOW, BODY);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("98500", "1").getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(header, changed)).isFalse();
    }

    @Test
    void refusesAChangedTimestampUnderTheSameMac() {
        String header = signature.sign(NOW, BODY);
        String moved = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() - 1));
        assertThat(signature.verify(moved, BODY)).isFalse();
    }

    @Test
    void refusesSignaturesOlderOrNewerThanTheToleranceAndAcceptsTheEdge() {
        assertThat(signature.verify(signature.sign(NOW.minusSeconds(301), BODY), BODY)).isFalse();
        assertThat(signature.verify(signature.sign(NOW.plusSeconds(301), BODY), BODY)).isFalse();
        assertThat(signature.verify(signature.sign(NOW.minusSeconds(300), BODY), BODY)).isTrue();
        assertThat(signature.verify(signature.sign(NOW.plusSeconds(300), BODY), BODY)).isTrue();
    }

    @Test
    void acceptsAnyOfSeveralV1SignaturesSoSecretsCanRotate() throws Exception {
        long t = NOW.getEpochSecond();
        String old = hmac("old-secret", t + "." + new String(BODY, StandardCharsets.UTF_8));
        String current = hmac(SECRET, t + "." + new String(BODY, StandardCharsets.UTF_8));
        assertThat(signature.verify("t=" + t + ",v1=" + old + ",v1=" + current, BODY)).isTrue();
        assertThat(signature.verify("t=" + t + ",v0=" + current, BODY)).as("only v1 counts").isFalse();
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        String valid = signature.sign(NOW, BODY);
        String mac = valid.substring(valid.indexOf("v1=") + 3);
        assertThat(signature.verify(null, BODY)).isFalse();
        assertThat(signature.verify("", BODY)).isFalse();
        assertThat(signature.verify("v1=" + mac, BODY)).as("no time").isFalse();
        assertThat(signature.verify("t=" + NOW.getEpochSecond(), BODY)).as("no signature").isFalse();
        assertThat(signature.verify("t=abc,v1=" + mac, BODY)).isFalse();
        assertThat(signature.verify("t=" + NOW.getEpochSecond() + ",t=" + NOW.getEpochSecond() + ",v1=" + mac, BODY))
                .as("two times").isFalse();
        assertThat(signature.verify("t=" + NOW.getEpochSecond() + ",v1=" + mac.substring(2), BODY))
                .as("short signature").isFalse();
        assertThat(signature.verify("garbage", BODY)).isFalse();
    }

    @Test
    void needsASecret() {
        assertThatThrownBy(() -> new CallbackSignature("", Duration.ofMinutes(5), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
