package io.jangteo.graphql.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the callback endpoint answers before it sends anything. It is built without a command gateway: a test that got
 * as far as sending would fail, which is the point for every refused callback here.
 */
class PaymentCallbackControllerTest {

    private static final String SECRET = "test-secret";
    private static final String VALID = "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"ord-0123456789abcdef01234567\","
            + "\"paymentKey\":\"pay-ord-0123456789abcdef01234567\",\"amount\":98500,\"currency\":\"KRW\","
            + "\"transactionId\":\"tx-77\"}";

    private final PaymentCallbackController controller = new PaymentCallbackController(null, new ObjectMapper(),
            new PaymentCallbackProperties(SECRET, Duration.ofMinutes(5)));
    private final CallbackSignature provider = new CallbackSignature(SECRET, Duration.ofMinutes(5), Clock.systemUTC());

    @Test
    void parsesTheDocumentedBody() {
        PaymentCallbackController.DepositCallback callback = controller.parse(bytes(VALID));

        assertThat(callback.orderId()).isEqualTo(OrderId.of("ord-0123456789abcdef01234567"));
        assertThat(callback.paymentKey()).isEqualTo("pay-ord-0123456789abcdef01234567");
        assertThat(callback.amount()).isEqualTo(Money.won(98_500));
        assertThat(callback.transactionId()).isEqualTo("tx-77");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1,2]",
            "{\"eventType\":\"REFUND_CALLBACK\",\"orderId\":\"o\",\"paymentKey\":\"k\",\"amount\":1,\"currency\":\"KRW\",\"transactionId\":\"t\"}",
            "{\"orderId\":\"o\",\"paymentKey\":\"k\",\"amount\":1,\"currency\":\"KRW\",\"transactionId\":\"t\"}",
            "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"\",\"paymentKey\":\"k\",\"amount\":1,\"currency\":\"KRW\",\"transactionId\":\"t\"}",
            "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"o\",\"paymentKey\":\"k\",\"amount\":\"1\",\"currency\":\"KRW\",\"transactionId\":\"t\"}",
            "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"o\",\"paymentKey\":\"k\",\"amount\":1.5,\"currency\":\"KRW\",\"transactionId\":\"t\"}",
            "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"o\",\"paymentKey\":\"k\",\"amount\":1,\"currency\":\"won\",\"transactionId\":\"t\"}",
            "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"o\",\"paymentKey\":\"k\",\"amount\":1,\"currency\":\"KRW\"}",
    })
    void refusesBodiesThatAreNotADepositCallback(String body) {
        assertThatThrownBy(() -> controller.parse(bytes(body)))
                .isInstanceOf(PaymentCallbackController.MalformedCallback.class);
    }

    @Test
    void aWrongSignatureIs401AndNothingIsSent() throws Exception {
        MockHttpServletRequest request = request(VALID, "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64));

        ResponseEntity<Map<String, Object>> answer = controller.deposit(request, request.getHeader("Jangteo-Signature"));

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getBody()).containsEntry("received", false).containsEntry("code", "BAD_SIGNATURE");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    }

    @Test
    void aMissingSignatureIs401() throws Exception {
        MockHttpServletRequest request = request(VALID, null);

        assertThat(controller.deposit(request, null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aSignedButMalformedBodyIs400() throws Exception {
        String body = "{\"eventType\":\"DEPOSIT_CALLBACK\"}";
        MockHttpServletRequest request = request(body, provider.sign(Instant.now(), bytes(body)));

        ResponseEntity<Map<String, Object>> answer = controller.deposit(request, request.getHeader("Jangteo-Signature"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("code", "MALFORMED");
    }

    @Test
    void aBodyLargerThanAnyCallbackIs413() throws Exception {
        String body = "{\"pad\":\"" + "x".repeat(PaymentCallbackController.MAX_BODY_BYTES) + "\"}";
        MockHttpServletRequest request = request(body, provider.sign(Instant.now(), bytes(body)));

        assertThat(controller.deposit(request, request.getHeader("Jangteo-Signature")).getStatusCode().value())
                .isEqualTo(413);
    }

    private static MockHttpServletRequest request(String body, String signature) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PaymentCallbackController.PATH);
        request.setContent(bytes(body));
        request.setContentType("application/json");
        if (signature != null) {
            request.addHeader("Jangteo-Signature", signature);
        }
        return request;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
