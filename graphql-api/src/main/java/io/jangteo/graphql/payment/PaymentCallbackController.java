package io.jangteo.graphql.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.support.Rejections;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.RecordDeposit;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The sandbox provider's deposit callback (가상계좌 입금 통보): {@code POST /payments/callbacks/sandbox} with a JSON body
 * {@code {"eventType":"DEPOSIT_CALLBACK","orderId","paymentKey","amount","currency","transactionId"}} signed in the
 * {@code Jangteo-Signature} header. The signature is checked on the raw bytes before anything is parsed, and nothing is
 * sent for a callback that fails it. The deposit is recorded by the system actor {@code system:payment-callback} with
 * the caller's address, user agent and request id, so the order's history shows where it came from.
 * <p>
 * Answers: 200 {@code {"received":true}} (also for a repeated callback: recording a deposit twice changes nothing),
 * 401 bad or missing signature, 400 malformed body, 404 unknown order, 422 refused (an amount or key that does not
 * match, an order no longer waiting), 503 when the provider should try again later. Never cached.
 */
@RestController
class PaymentCallbackController {

    static final String PATH = "/payments/callbacks/sandbox";
    static final String DEPOSIT_CALLBACK = "DEPOSIT_CALLBACK";
    /** Far above any real callback; a bigger body is not one and is not read further. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static final Actor CALLBACK_ACTOR = new Actor("system:payment-callback", ActorRole.SYSTEM, null);
    private static final Logger log = LoggerFactory.getLogger(PaymentCallbackController.class);

    private final Commands commands;
    private final ObjectMapper json;
    private final CallbackSignature signature;

    PaymentCallbackController(Commands commands, ObjectMapper json, PaymentCallbackProperties properties) {
        this.commands = commands;
        this.json = json;
        this.signature = new CallbackSignature(properties.webhookSecret(), properties.signatureTolerance(),
                Clock.systemUTC());
    }

    /** A parsed deposit callback. */
    record DepositCallback(OrderId orderId, String paymentKey, Money amount, String transactionId) {
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> deposit(HttpServletRequest request,
                                                @RequestHeader(value = CallbackSignature.HEADER, required = false)
                                                String signatureHeader) throws IOException {
        byte[] body = read(request.getInputStream());
        if (body == null) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", "The body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        if (!signature.verify(signatureHeader, body)) {
            return answer(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE", "Missing, malformed, stale or wrong signature");
        }
        DepositCallback callback;
        try {
            callback = parse(body);
        } catch (MalformedCallback malformed) {
            return answer(HttpStatus.BAD_REQUEST, "MALFORMED", malformed.getMessage());
        }
        RecordDeposit command = new RecordDeposit(callback.orderId(), callback.paymentKey(), callback.amount(),
                callback.transactionId());
        try {
            commands.send(command, CALLBACK_ACTOR, context(request)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("received", true));
        } catch (ExecutionException failed) {
            return refused(failed.getCause(), callback);
        } catch (TimeoutException e) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN", "Not recorded in time; send it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN", "Not recorded; send it again");
        }
    }

    private ResponseEntity<Map<String, Object>> refused(Throwable failure, DepositCallback callback) {
        Optional<RuleViolation> violation = Rejections.violation(failure);
        if (violation.isEmpty()) {
            log.warn("Recording the deposit for order {} failed; the provider will send it again", callback.orderId(),
                    failure);
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "TRY_AGAIN", "Not recorded; send it again");
        }
        RuleViolation refusal = violation.get();
        return switch (refusal.code()) {
            case NOT_FOUND -> answer(HttpStatus.NOT_FOUND, refusal.code().name(), refusal.message());
            // someone else changed the order at the same moment, or a provider was unreachable: a retry will do
            case CONFLICT, PROVIDER_UNAVAILABLE -> answer(HttpStatus.SERVICE_UNAVAILABLE, refusal.code().name(),
                    refusal.message());
            default -> answer(HttpStatus.UNPROCESSABLE_ENTITY, refusal.code().name(), refusal.message());
        };
    }

    DepositCallback parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new MalformedCallback("The body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedCallback("The body is not a JSON object");
        }
        String eventType = text(root, "eventType");
        if (!DEPOSIT_CALLBACK.equals(eventType)) {
            throw new MalformedCallback("eventType must be " + DEPOSIT_CALLBACK);
        }
        OrderId orderId;
        try {
            orderId = OrderId.of(text(root, "orderId"));
        } catch (IllegalArgumentException e) {
            throw new MalformedCallback("orderId is not an order id");
        }
        JsonNode amount = root.get("amount");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw new MalformedCallback("amount must be an integer number of minor units");
        }
        Money money;
        try {
            money = Money.of(amount.longValue(), text(root, "currency"));
        } catch (IllegalArgumentException e) {
            throw new MalformedCallback("currency must be a three-letter ISO 4217 code");
        }
        return new DepositCallback(orderId, text(root, "paymentKey"), money, text(root, "transactionId"));
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedCallback(field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** The body, or null when it is larger than any callback. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static RequestContext context(HttpServletRequest request) {
        Object established = request.getAttribute(RequestContext.ATTRIBUTE);
        if (established instanceof RequestContext context) {
            return context;
        }
        return new RequestContext(UUID.randomUUID().toString(), request.getRemoteAddr(),
                RequestContext.userAgent(request.getHeader("User-Agent")));
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", false);
        body.put("code", code);
        body.put("message", message);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A callback whose body is not what the provider documents. */
    static final class MalformedCallback extends RuntimeException {
        MalformedCallback(String message) {
            super(message, null, false, false);
        }
    }
}
