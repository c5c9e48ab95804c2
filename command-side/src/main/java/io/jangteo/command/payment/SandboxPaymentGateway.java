package io.jangteo.command.payment;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.VirtualAccount;
import io.jangteo.messages.shared.Money;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The payment sandbox, standing in for Kakao Pay, Naver Pay, PayPal, the card PGs, virtual accounts and brand pay: the
 * {@link PaymentGateway} bean unless the application defines another one.
 * <p>
 * It follows the providers' documented flows. {@link #ready} answers a redirect URL,
 * {@code <jangteo.payments.sandbox.base-url>/sandbox/pay/<paymentKey>}, where the buyer would approve (the API's
 * sandbox page), or for {@code BANK_TRANSFER} a virtual account at "{@value #BANK}" (14 digits derived from the
 * payment key, holder "{@value #HOLDER}", due at the payment's expiry) that {@link #deposit} pays into. The approval
 * token the buyer brings back decides the outcome:
 * <pre>
 * sandbox_ok                  → approved
 * sandbox_decline             → declined CARD_DECLINED
 * sandbox_timeout             → PaymentProviderUnavailable (nothing changes)
 * sandbox_card_&lt;number&gt;       → CARD payments only, by Stripe's documented test cards:
 *     4000000000000002 declined CARD_DECLINED, 4000000000009995 declined INSUFFICIENT_FUNDS,
 *     4000000000000119 PaymentProviderUnavailable, any other Luhn-valid number approved, else declined INVALID_CARD
 * anything else               → declined INVALID_TOKEN
 * </pre>
 * Billing keys beginning {@code sandbox_declined} decline (CARD_DECLINED), those beginning {@code sandbox_timeout}
 * time out; any other billing key is charged. A declined payment is over at the provider (cancelled), as a failed
 * Kakao Pay approval ends its {@code tid}.
 * <p>
 * Payments live in the MongoDB collection {@value #COLLECTION} ({@code _id} the payment key; status, amount,
 * currency, method, charges, approval, refunds by refund id), so the sandbox outlives a restart as a real provider
 * does. Every change is one conditional update on the payment's status (and, for refunds, on what is left), so
 * concurrent approvals charge once and concurrent refunds never pay back more than was approved. A storage failure is
 * answered as the provider being unavailable.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    public static final String COLLECTION = "sandbox_payments";
    public static final String APPROVE = "sandbox_ok";
    public static final String DECLINE = "sandbox_decline";
    public static final String TIME_OUT = "sandbox_timeout";
    public static final String CARD_TOKEN_PREFIX = "sandbox_card_";
    public static final String DECLINED_CARD = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS_CARD = "4000000000009995";
    public static final String TIMEOUT_CARD = "4000000000000119";
    public static final String DECLINED_BILLING_KEY_PREFIX = "sandbox_declined";
    public static final String TIMEOUT_BILLING_KEY_PREFIX = "sandbox_timeout";
    static final String BANK = "Sandbox Bank";
    static final String HOLDER = "Jangteo";

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentGateway.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_:.-]{1,100}");
    // refund ids become field names of the refunds document: no dots or dollars
    private static final Pattern REFUND_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final BigInteger ACCOUNT_NUMBERS = BigInteger.TEN.pow(14);

    private final MongoCollection<Document> payments;
    private final String baseUrl;
    private final Clock clock;

    public SandboxPaymentGateway(MongoDatabase database, String baseUrl) {
        this(database, baseUrl, Clock.systemUTC());
    }

    public SandboxPaymentGateway(MongoDatabase database, String baseUrl, Clock clock) {
        this.payments = database.getCollection(COLLECTION);
        String base = Objects.requireNonNull(baseUrl, "baseUrl").strip();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Ready ready(String paymentKey, OrderId orderId, PaymentMethod method, Money amount, String orderName,
                       String returnUrl, Instant expiresAt) {
        Objects.requireNonNull(method, "method");
        if (method == PaymentMethod.BRAND_PAY) {
            throw new PaymentDeclinedException("NOT_SUPPORTED", "A stored method is charged, not readied");
        }
        Document payment = open(paymentKey, orderId, method, amount, orderName, returnUrl, expiresAt);
        return readyOf(payment);
    }

    @Override
    public Approval approve(String paymentKey, String approvalToken, Money amount) {
        Document payment = stored(paymentKey).orElseThrow(() ->
                new PaymentDeclinedException("NOT_FOUND_PAYMENT", "No such payment"));
        assertAmount(payment, amount);
        PaymentMethod method = PaymentMethod.valueOf(payment.getString("method"));
        State state = State.valueOf(payment.getString("status"));
        if (state == State.APPROVED) {
            return approvalOf(payment);
        }
        if (state == State.CANCELLED) {
            throw cancelled(payment);
        }
        if (method == PaymentMethod.BANK_TRANSFER || method == PaymentMethod.BRAND_PAY) {
            throw new PaymentDeclinedException("NOT_SUPPORTED", "This payment is not approved by the buyer");
        }
        Verdict verdict = judge(method, approvalToken);
        return settle(paymentKey, verdict);
    }

    @Override
    public Approval chargeBillingKey(String paymentKey, String billingKey, Money amount, String orderName) {
        Document payment = open(paymentKey, null, PaymentMethod.BRAND_PAY, amount, orderName, null, null);
        State state = State.valueOf(payment.getString("status"));
        if (state == State.APPROVED) {
            return approvalOf(payment);
        }
        if (state == State.CANCELLED) {
            throw cancelled(payment);
        }
        Verdict verdict;
        if (billingKey == null || billingKey.isBlank()) {
            verdict = Verdict.declined("INVALID_BILLING_KEY", "No billing key");
        } else if (billingKey.startsWith(DECLINED_BILLING_KEY_PREFIX)) {
            verdict = Verdict.declined("CARD_DECLINED", "The card issuer declined the charge");
        } else if (billingKey.startsWith(TIMEOUT_BILLING_KEY_PREFIX)) {
            verdict = Verdict.TIMEOUT;
        } else {
            verdict = Verdict.APPROVED;
        }
        return settle(paymentKey, verdict);
    }

    @Override
    public Status status(String paymentKey) {
        return stored(paymentKey).map(SandboxPaymentGateway::statusOf).orElse(Status.of(State.UNKNOWN));
    }

    @Override
    public Status cancel(String paymentKey) {
        checkedKey(paymentKey);
        storage(() -> payments.updateOne(Filters.and(Filters.eq("_id", paymentKey), readyFilter()),
                Updates.combine(Updates.set("status", State.CANCELLED.name()),
                        Updates.set("cancelledAt", Date.from(clock.instant())))));
        return status(paymentKey);
    }

    @Override
    public String refund(String paymentKey, String refundId, Money amount) {
        if (refundId == null || !REFUND_ID.matcher(refundId).matches()) {
            throw new PaymentRefundRefused("INVALID_REFUND_ID", "A refund id is 1 to 64 letters, digits, '_' or '-'");
        }
        if (amount == null || amount.amount() <= 0) {
            throw new PaymentRefundRefused("INVALID_AMOUNT", "A refund is of a positive amount");
        }
        Document payment = stored(paymentKey).orElse(null);
        if (payment == null || !State.APPROVED.name().equals(payment.getString("status"))) {
            throw new PaymentRefundRefused("NOT_APPROVED", "Only an approved payment can be refunded");
        }
        if (!payment.getString("currency").equals(amount.currency())) {
            throw new PaymentRefundRefused("INVALID_AMOUNT", "The refund is in another currency than the payment");
        }
        Optional<String> earlier = earlierRefund(payment, paymentKey, refundId, amount);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long mostAlreadyRefunded = payment.getLong("amount") - amount.amount();
        String field = "refunds." + refundId;
        long modified = storage(() -> payments.updateOne(Filters.and(
                        Filters.eq("_id", paymentKey),
                        Filters.eq("status", State.APPROVED.name()),
                        Filters.exists(field, false),
                        Filters.lte("refunded", mostAlreadyRefunded)),
                Updates.combine(Updates.set(field, amount.amount()), Updates.inc("refunded", amount.amount()))))
                .getModifiedCount();
        if (modified == 1) {
            log.info("Sandbox refunded {} of payment {} as {}", amount, paymentKey, refundId);
            return providerRefundId(paymentKey, refundId);
        }
        // another refund got there first: this same refund on another node, or one that leaves too little
        Document now = stored(paymentKey).orElseThrow();
        return earlierRefund(now, paymentKey, refundId, amount).orElseThrow(() ->
                new PaymentRefundRefused("EXCEEDS_BALANCE", "The refund is more than is left of the payment"));
    }

    /**
     * The bank reports money in a virtual account (what the provider's deposit callback then tells the shop): the
     * payment is approved if the amount is the one due and the account is still open.
     */
    public Approval deposit(String paymentKey, Money amount) {
        Document payment = stored(paymentKey).orElseThrow(() ->
                new PaymentDeclinedException("NOT_FOUND_PAYMENT", "No such payment"));
        if (!PaymentMethod.BANK_TRANSFER.name().equals(payment.getString("method"))) {
            throw new PaymentDeclinedException("NOT_SUPPORTED", "Only a virtual account takes deposits");
        }
        assertAmount(payment, amount);
        if (State.CANCELLED.name().equals(payment.getString("status"))) {
            throw cancelled(payment);
        }
        return settle(paymentKey, Verdict.APPROVED);
    }

    @Override
    public Optional<ProviderPayment> lookup(String paymentKey) {
        if (paymentKey == null || !KEY.matcher(paymentKey).matches()) {
            return Optional.empty();
        }
        return stored(paymentKey).map(payment -> {
            String currency = payment.getString("currency");
            String orderId = payment.getString("orderId");
            return new ProviderPayment(paymentKey, orderId == null ? null : OrderId.of(orderId),
                    PaymentMethod.valueOf(payment.getString("method")), State.valueOf(payment.getString("status")),
                    Money.of(payment.getLong("amount"), currency), Money.of(payment.getLong("refunded"), currency),
                    chargesOf(payment));
        });
    }

    /** How many times the payment was charged: 0 or 1, however often it was approved. */
    public long charges(String paymentKey) {
        return stored(paymentKey).map(SandboxPaymentGateway::chargesOf).orElse(0L);
    }

    private static long chargesOf(Document payment) {
        return ((Number) payment.get("charges", 0)).longValue();
    }

    /** What the sandbox's approval page shows of a payment. */
    public Optional<SandboxPayment> payment(String paymentKey) {
        return stored(paymentKey).map(payment -> new SandboxPayment(paymentKey, payment.getString("orderId"),
                PaymentMethod.valueOf(payment.getString("method")), State.valueOf(payment.getString("status")),
                Money.of(payment.getLong("amount"), payment.getString("currency")), payment.getString("orderName"),
                payment.getString("returnUrl"), Money.of(payment.getLong("refunded"), payment.getString("currency"))));
    }

    /** A payment as the sandbox holds it; {@code orderId} is null for a brand-pay charge. */
    public record SandboxPayment(String paymentKey, String orderId, PaymentMethod method, State state, Money amount,
                                 String orderName, String returnUrl, Money refunded) {
    }

    // ---- the payment's lifecycle

    /** The payment under this key, opened now unless it was before; the same key for another payment is refused. */
    private Document open(String paymentKey, OrderId orderId, PaymentMethod method, Money amount, String orderName,
                          String returnUrl, Instant expiresAt) {
        checkedKey(paymentKey);
        if (amount == null || amount.amount() <= 0) {
            throw new PaymentDeclinedException("INVALID_AMOUNT", "A payment is of a positive amount");
        }
        Document fresh = new Document("_id", paymentKey)
                .append("orderId", orderId == null ? null : orderId.value())
                .append("method", method.name())
                .append("status", State.READY.name())
                .append("amount", amount.amount())
                .append("currency", amount.currency())
                .append("orderName", orderName)
                .append("returnUrl", returnUrl)
                .append("expiresAt", expiresAt == null ? null : Date.from(expiresAt))
                .append("charges", 0L)
                .append("providerTransactionId", null)
                .append("approvedAt", null)
                .append("refunds", new Document())
                .append("refunded", 0L)
                .append("createdAt", Date.from(clock.instant()));
        try {
            storage(() -> payments.insertOne(fresh));
            log.info("Sandbox opened payment {} ({} {}) for order {}", paymentKey, method, amount, orderId);
            return fresh;
        } catch (MongoWriteException duplicateKey) {
            // opened before (a retried request): answer what was opened, if it is the same payment
        }
        Document existing = stored(paymentKey).orElseThrow(() ->
                new PaymentProviderUnavailable("sandbox payment " + paymentKey + " vanished"));
        if (!method.name().equals(existing.getString("method")) || existing.getLong("amount") != amount.amount()
                || !amount.currency().equals(existing.getString("currency"))) {
            throw new PaymentDeclinedException("DUPLICATE_PAYMENT_KEY",
                    "This payment key was used for another payment");
        }
        return existing;
    }

    private Approval settle(String paymentKey, Verdict verdict) {
        if (verdict == Verdict.TIMEOUT) {
            throw new PaymentProviderUnavailable("The sandbox provider timed out (as asked)");
        }
        if (verdict.declineCode() != null) {
            storage(() -> payments.updateOne(Filters.and(Filters.eq("_id", paymentKey), readyFilter()),
                    Updates.combine(Updates.set("status", State.CANCELLED.name()),
                            Updates.set("declineCode", verdict.declineCode()),
                            Updates.set("declineMessage", verdict.message()),
                            Updates.set("cancelledAt", Date.from(clock.instant())))));
            Document after = stored(paymentKey).orElseThrow();
            if (State.APPROVED.name().equals(after.getString("status"))) {
                // a concurrent approval won: the payment went through, and that is the answer
                return approvalOf(after);
            }
            throw cancelled(after);
        }
        Document approved = storage(() -> payments.findOneAndUpdate(
                Filters.and(Filters.eq("_id", paymentKey), readyFilter()),
                Updates.combine(
                        Updates.set("status", State.APPROVED.name()),
                        Updates.set("providerTransactionId", "sbx_tx_" + UUID.randomUUID().toString().replace("-", "")),
                        Updates.set("approvedAt", Date.from(clock.instant())),
                        Updates.inc("charges", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        if (approved != null) {
            log.info("Sandbox approved payment {}", paymentKey);
            return approvalOf(approved);
        }
        // not READY any more: approved by a concurrent request (same answer), or cancelled meanwhile
        Document now = stored(paymentKey).orElseThrow();
        if (State.APPROVED.name().equals(now.getString("status"))) {
            return approvalOf(now);
        }
        throw cancelled(now);
    }

    private static Verdict judge(PaymentMethod method, String token) {
        if (token == null || token.isBlank()) {
            return Verdict.declined("INVALID_TOKEN", "No approval token");
        }
        if (APPROVE.equals(token)) {
            return Verdict.APPROVED;
        }
        if (DECLINE.equals(token)) {
            return Verdict.declined("CARD_DECLINED", "The card issuer declined the payment");
        }
        if (TIME_OUT.equals(token)) {
            return Verdict.TIMEOUT;
        }
        if (method == PaymentMethod.CARD && token.startsWith(CARD_TOKEN_PREFIX)) {
            return judgeCard(token.substring(CARD_TOKEN_PREFIX.length()));
        }
        return Verdict.declined("INVALID_TOKEN", "Unknown approval token");
    }

    private static Verdict judgeCard(String number) {
        return switch (number) {
            case DECLINED_CARD -> Verdict.declined("CARD_DECLINED", "The card issuer declined the payment");
            case INSUFFICIENT_FUNDS_CARD -> Verdict.declined("INSUFFICIENT_FUNDS", "The card has insufficient funds");
            case TIMEOUT_CARD -> Verdict.TIMEOUT;
            default -> CARD_NUMBER.matcher(number).matches() && luhnValid(number)
                    ? Verdict.APPROVED
                    : Verdict.declined("INVALID_CARD", "The card number is not valid");
        };
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    // ---- reading the stored payment

    private Optional<Document> stored(String paymentKey) {
        checkedKey(paymentKey);
        return Optional.ofNullable(storage(() -> payments.find(Filters.eq("_id", paymentKey)).first()));
    }

    private Ready readyOf(Document payment) {
        String key = payment.getString("_id");
        if (PaymentMethod.BANK_TRANSFER.name().equals(payment.getString("method"))) {
            Date dueAt = payment.getDate("expiresAt");
            return new Ready(null, new VirtualAccount(BANK, accountNumber(key), HOLDER,
                    dueAt == null ? null : dueAt.toInstant()));
        }
        return new Ready(baseUrl + "/sandbox/pay/" + key, null);
    }

    private static Status statusOf(Document payment) {
        State state = State.valueOf(payment.getString("status"));
        return state == State.APPROVED ? Status.approved(approvalOf(payment)) : Status.of(state);
    }

    private static Approval approvalOf(Document payment) {
        return new Approval(payment.getString("providerTransactionId"), payment.getDate("approvedAt").toInstant());
    }

    private static PaymentDeclinedException cancelled(Document payment) {
        String code = payment.getString("declineCode");
        return code != null
                ? new PaymentDeclinedException(code, payment.getString("declineMessage"))
                : new PaymentDeclinedException("PAYMENT_CANCELLED", "The payment was cancelled");
    }

    private static void assertAmount(Document payment, Money amount) {
        if (amount == null || payment.getLong("amount") != amount.amount()
                || !payment.getString("currency").equals(amount.currency())) {
            throw new PaymentDeclinedException("INVALID_AMOUNT", "The amount is not the payment's");
        }
    }

    private static Optional<String> earlierRefund(Document payment, String paymentKey, String refundId, Money amount) {
        Document refunds = payment.get("refunds", Document.class);
        Object earlier = refunds == null ? null : refunds.get(refundId);
        if (earlier == null) {
            return Optional.empty();
        }
        if (((Number) earlier).longValue() != amount.amount()) {
            throw new PaymentRefundRefused("REFUND_ID_REUSED", "This refund id was used for another amount");
        }
        return Optional.of(providerRefundId(paymentKey, refundId));
    }

    /** Derived, so a repeated refund answers the same id without storing it. */
    private static String providerRefundId(String paymentKey, String refundId) {
        return "sbx_rf_" + HexFormat.of().formatHex(sha256(paymentKey + "/" + refundId), 0, 10);
    }

    static String accountNumber(String paymentKey) {
        return String.format("%014d", new BigInteger(1, sha256(paymentKey)).mod(ACCOUNT_NUMBERS));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static Bson readyFilter() {
        return Filters.eq("status", State.READY.name());
    }

    private static void checkedKey(String paymentKey) {
        if (paymentKey == null || !KEY.matcher(paymentKey).matches()) {
            throw new IllegalArgumentException("a payment key is 1 to 100 letters, digits and _:.-");
        }
    }

    private static <T> T storage(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            throw new PaymentProviderUnavailable("sandbox storage failed: " + e.getMessage(), e);
        } catch (MongoException e) {
            throw new PaymentProviderUnavailable("sandbox storage failed: " + e.getMessage(), e);
        }
    }

    private record Verdict(String declineCode, String message) {
        static final Verdict APPROVED = new Verdict(null, null);
        static final Verdict TIMEOUT = new Verdict(null, "timeout");

        static Verdict declined(String code, String message) {
            return new Verdict(code, message);
        }
    }
}
