package io.jangteo.command.payment;

import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.shared.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Counts the provider's answers ({@code jangteo.payments}, tags {@code method} and {@code outcome}: approved, declined,
 * unavailable, refunded) around whichever gateway the application uses. Only {@link #ready} and
 * {@link #chargeBillingKey} name the method; approvals and refunds name the payment key, so the method is remembered
 * per key from {@link #ready}, for the most recent payments on this node. A payment readied on another node or
 * before a restart is counted with method {@code UNKNOWN} rather than costing the provider an extra lookup.
 */
class MeteredPaymentGateway implements PaymentGateway {

    static final String METER = "jangteo.payments";
    private static final int REMEMBERED = 10_000;

    private final PaymentGateway delegate;
    private final Supplier<MeterRegistry> registry;
    private final Map<String, PaymentMethod> methods = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PaymentMethod> eldest) {
                    return size() > REMEMBERED;
                }
            });

    MeteredPaymentGateway(PaymentGateway delegate, Supplier<MeterRegistry> registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    PaymentGateway delegate() {
        return delegate;
    }

    @Override
    public Ready ready(String paymentKey, OrderId orderId, PaymentMethod method, Money amount, String orderName,
                       String returnUrl, Instant expiresAt) {
        methods.put(paymentKey, method);
        // a readied payment is not yet an outcome; only its failures are
        return counted(method.name(), null,
                () -> delegate.ready(paymentKey, orderId, method, amount, orderName, returnUrl, expiresAt));
    }

    @Override
    public Approval approve(String paymentKey, String approvalToken, Money amount) {
        return counted(methodOf(paymentKey), "approved", () -> delegate.approve(paymentKey, approvalToken, amount));
    }

    @Override
    public Approval chargeBillingKey(String paymentKey, String billingKey, Money amount, String orderName) {
        methods.put(paymentKey, PaymentMethod.BRAND_PAY);
        return counted(PaymentMethod.BRAND_PAY.name(), "approved",
                () -> delegate.chargeBillingKey(paymentKey, billingKey, amount, orderName));
    }

    @Override
    public Status status(String paymentKey) {
        return counted(methodOf(paymentKey), null, () -> delegate.status(paymentKey));
    }

    @Override
    public Status cancel(String paymentKey) {
        return counted(methodOf(paymentKey), null, () -> delegate.cancel(paymentKey));
    }

    /** A refused refund is no payment decline: it is left out rather than mixed into the decline rate. */
    @Override
    public String refund(String paymentKey, String refundId, Money amount) {
        return counted(methodOf(paymentKey), "refunded", () -> delegate.refund(paymentKey, refundId, amount));
    }

    @Override
    public Optional<ProviderPayment> lookup(String paymentKey) {
        return counted(methodOf(paymentKey), null, () -> delegate.lookup(paymentKey));
    }

    private String methodOf(String paymentKey) {
        PaymentMethod method = methods.get(paymentKey);
        return method == null ? "UNKNOWN" : method.name();
    }

    private <T> T counted(String method, String success, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (PaymentDeclinedException e) {
            count(method, "declined");
            throw e;
        } catch (PaymentProviderUnavailable e) {
            count(method, "unavailable");
            throw e;
        }
        if (success != null) {
            count(method, success);
        }
        return result;
    }

    private void count(String method, String outcome) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            Counter.builder(METER).description("Payment provider answers, by method and outcome")
                    .tag("method", method).tag("outcome", outcome).register(meters).increment();
        }
    }
}
