package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.bankTransfer;
import static io.jangteo.graphql.OrderTestKit.eventTypes;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static io.jangteo.graphql.OrderTestKit.seoulAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bank transfer (무통장입금) end to end: the order waits for the deposit in a virtual account; the provider's signed
 * callback pays it, once however often it is repeated; a callback without a valid signature changes nothing; an
 * order left unpaid expires at the deposit deadline and gives its stock back.
 * <p>
 * The deadline is ten seconds here, so this class runs its own application on its own data directory (the shared one
 * keeps the production default); it is closed after the class. Its settings are those of {@link GraphQlTestSupport}
 * plus the deadline.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jangteo.orders.deposit-deadline=PT10S",
        "jangteo.api.http.trusted-proxies=127.0.0.1,::1",
        "jangteo.demo.enabled=false",
        "jangteo.api.security.dev-login-enabled=true",
        "jangteo.members.initial-admin.email=" + GraphQlTestSupport.ADMIN_EMAIL,
        "jangteo.members.initial-admin.password=" + GraphQlTestSupport.ADMIN_PASSWORD,
        "jangteo.schedule.poll-interval=PT0.2S",
        "spring.main.banner-mode=off"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BankTransferCheckoutIT {

    /** The sandbox provider's documented, sandbox-only secret (jangteo.payments.sandbox.webhook-secret). */
    private static final String WEBHOOK_SECRET = "sandbox-webhook-secret";
    private static final Path DATA_DIR = temporaryDataDir();

    @LocalServerPort
    int port;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newHttpClient();
    private OrderTestKit kit;
    private Shop shop;
    private Listing lamp;

    @DynamicPropertySource
    static void ownDataDir(DynamicPropertyRegistry registry) {
        registry.add("jangteo.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void aShopWithStock() {
        kit = new OrderTestKit(port);
        shop = kit.shop("조명가게 " + tag, new Policy(3_000, null, 3_000, 3_000, 3_000));
        lamp = kit.product(shop, "스탠드 조명 " + tag, 59_000, List.of("색상"), new VariantSpec(List.of("아이보리"), 0, 5));
    }

    @Test
    void aSignedDepositCallbackPaysTheOrderOnceHoweverOftenItComes() throws Exception {
        Buyer buyer = kit.buyer("deposit");
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", orderInput("deposit-" + tag,
                List.of(line(lamp, lamp.variant("아이보리"), 1)), seoulAddress(), null, 0, bankTransfer()));
        String orderId = (String) placed.get("id");
        assertThat(placed.get("status")).isEqualTo("AWAITING_DEPOSIT");
        Map<String, Object> payment = map(placed, "payment");
        assertThat(payment.get("status")).isEqualTo("AWAITING_DEPOSIT");
        Map<String, Object> account = map(payment, "virtualAccount");
        assertThat((String) account.get("bank")).isNotBlank();
        assertThat((String) account.get("accountNumber")).matches("[0-9]{14}");
        assertThat((String) account.get("holder")).isNotBlank();
        assertThat(account.get("dueAt")).isNotNull();
        assertThat(amount(payment.get("amount"))).isEqualTo(62_000);

        String body = deposit(orderId, (String) payment.get("paymentKey"), 62_000, "tx-" + tag);
        HttpResponse<String> first = callback(body, sign(body, Instant.now()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"received\":true");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        Map<String, Object> paid = kit.awaitStatus(buyer.api(), orderId, "PAID");
        assertThat(map(paid, "payment").get("status")).isEqualTo("APPROVED");
        long version = ((Number) paid.get("version")).longValue();

        HttpResponse<String> again = callback(body, sign(body, Instant.now()));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(((Number) kit.order(buyer.api(), orderId).get("version")).longValue()).isEqualTo(version);

        List<Map<String, Object>> history = kit.history(buyer.api(), orderId);
        assertThat(Collections.frequency(eventTypes(history), "PaymentApproved")).isEqualTo(1);
        Map<String, Object> approved = history.stream().filter(e -> "PaymentApproved".equals(e.get("eventType")))
                .findFirst().orElseThrow();
        assertThat(OrderTestKit.actorOf(approved)).isEqualTo("system:payment-callback");
        assertThat(OrderTestKit.roleOf(approved)).isEqualTo("SYSTEM");
        assertThat(approved).containsEntry("clientIp", "203.0.113.77").containsEntry("userAgent", "SandboxPay/1.0");
        kit.awaitStock(shop, lamp.productId(), lamp.variant("아이보리"), 4, 4, 0);
    }

    @Test
    void callbacksThatAreNotSignedRightOrDoNotFitAreRefusedAndChangeNothing() throws Exception {
        Buyer buyer = kit.buyer("refused");
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", orderInput("refused-" + tag,
                List.of(line(lamp, lamp.variant("아이보리"), 2)), seoulAddress(), null, 0, bankTransfer()));
        String orderId = (String) placed.get("id");
        String paymentKey = (String) map(placed, "payment").get("paymentKey");
        String body = deposit(orderId, paymentKey, 121_000, "tx-" + tag);

        assertThat(callback(body, null).statusCode()).as("no signature").isEqualTo(401);
        assertThat(callback(body, "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32)).statusCode())
                .as("wrong signature").isEqualTo(401);
        assertThat(callback(body, sign(body, Instant.now().minusSeconds(600))).statusCode())
                .as("stale signature").isEqualTo(401);
        String tampered = body.replace("121000", "1");
        assertThat(callback(tampered, sign(body, Instant.now())).statusCode()).as("changed body").isEqualTo(401);

        String malformed = "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"" + orderId + "\"}";
        assertThat(callback(malformed, sign(malformed, Instant.now())).statusCode()).as("malformed").isEqualTo(400);
        String unknown = deposit("ord-" + "0".repeat(24), paymentKey, 121_000, "tx-unknown");
        assertThat(callback(unknown, sign(unknown, Instant.now())).statusCode()).as("unknown order").isEqualTo(404);
        String tooLittle = deposit(orderId, paymentKey, 1_000, "tx-little");
        assertThat(callback(tooLittle, sign(tooLittle, Instant.now())).statusCode()).as("wrong amount")
                .isEqualTo(422);

        List<Map<String, Object>> history = kit.history(buyer.api(), orderId);
        assertThat(eventTypes(history)).doesNotContain("PaymentApproved");
        assertThat(kit.order(buyer.api(), orderId).get("status")).isIn("AWAITING_DEPOSIT", "EXPIRED");
    }

    @Test
    void anOrderLeftUnpaidExpiresAtTheDepositDeadlineAndGivesItsStockBack() {
        Buyer buyer = kit.buyer("unpaid");
        String variant = lamp.variant("아이보리");
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", orderInput("unpaid-" + tag,
                List.of(line(lamp, variant, 3)), seoulAddress(), null, 0, bankTransfer()));
        String orderId = (String) placed.get("id");
        assertThat(placed.get("status")).isEqualTo("AWAITING_DEPOSIT");
        Instant due = Instant.parse((String) map(placed, "payment").get("expiresAt"));
        assertThat(due).isBefore(Instant.now().plusSeconds(11));
        kit.awaitStock(shop, lamp.productId(), variant, 2, 5, 3);

        Map<String, Object> expired = kit.awaitStatus(buyer.api(), orderId, "EXPIRED");

        assertThat(map(expired, "payment").get("status")).isEqualTo("EXPIRED");
        kit.awaitStock(shop, lamp.productId(), variant, 5, 5, 0);
        List<Map<String, Object>> history = kit.history(buyer.api(), orderId);
        Map<String, Object> expiry = history.stream().filter(e -> "OrderExpired".equals(e.get("eventType")))
                .findFirst().orElseThrow();
        assertThat(OrderTestKit.actorOf(expiry)).isEqualTo("system:order-deadlines");
        assertThat(OrderTestKit.roleOf(expiry)).isEqualTo("SYSTEM");
    }

    private static String deposit(String orderId, String paymentKey, long amount, String transactionId) {
        return "{\"eventType\":\"DEPOSIT_CALLBACK\",\"orderId\":\"" + orderId + "\",\"paymentKey\":\"" + paymentKey
                + "\",\"amount\":" + amount + ",\"currency\":\"KRW\",\"transactionId\":\"" + transactionId + "\"}";
    }

    /** The provider's side of the scheme, written here from its description rather than taken from the server. */
    private static String sign(String body, Instant at) throws Exception {
        String timestamp = String.valueOf(at.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
    }

    private HttpResponse<String> callback(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(kit.baseUrl() + "/payments/callbacks/sandbox"))
                .header("Content-Type", "application/json")
                .header("User-Agent", "SandboxPay/1.0")
                .header("X-Forwarded-For", "203.0.113.77")
                .header("X-Request-Id", "cb-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Jangteo-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path temporaryDataDir() {
        try {
            return Files.createTempDirectory("jangteo-it-bank-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
