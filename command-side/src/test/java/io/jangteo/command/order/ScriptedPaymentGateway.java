package io.jangteo.command.order;

import io.jangteo.command.payment.PaymentGateway;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.VirtualAccount;
import io.jangteo.messages.shared.Money;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The payment provider at the third-party edge, answering as each test scripts it, and keeping what it was asked.
 * By default it readies (a redirect, or a virtual account for bank transfer), approves, charges, reports READY,
 * cancels and refunds.
 */
final class ScriptedPaymentGateway implements PaymentGateway {

    static final Approval APPROVAL = new Approval("tx-1", OrderFixtures.APPROVED_AT);

    final List<String> calls = new CopyOnWriteArrayList<>();
    Supplier<Ready> ready;
    Supplier<Approval> approve = () -> APPROVAL;
    Supplier<Approval> charge = () -> APPROVAL;
    Supplier<Status> status = () -> Status.of(State.READY);
    Supplier<Status> cancel = () -> Status.of(State.CANCELLED);
    RefundAnswer refund = (refundId, amount) -> "prf-" + refundId;
    Supplier<Optional<ProviderPayment>> lookup = Optional::empty;

    interface RefundAnswer {
        String refund(String refundId, Money amount);
    }

    @Override
    public Ready ready(String paymentKey, OrderId orderId, PaymentMethod method, Money amount, String orderName,
                       String returnUrl, Instant expiresAt) {
        calls.add("ready " + paymentKey + " " + method + " " + amount + " " + orderName + " " + returnUrl + " "
                + expiresAt);
        if (ready != null) {
            return ready.get();
        }
        return method == PaymentMethod.BANK_TRANSFER
                ? new Ready(null, new VirtualAccount("Sandbox Bank", "12345678901234", "Jangteo", expiresAt))
                : new Ready("https://pay.example/" + paymentKey, null);
    }

    @Override
    public Approval approve(String paymentKey, String approvalToken, Money amount) {
        calls.add("approve " + paymentKey + " " + approvalToken + " " + amount);
        return approve.get();
    }

    @Override
    public Approval chargeBillingKey(String paymentKey, String billingKey, Money amount, String orderName) {
        calls.add("charge " + paymentKey + " " + billingKey + " " + amount + " " + orderName);
        return charge.get();
    }

    @Override
    public Status status(String paymentKey) {
        calls.add("status " + paymentKey);
        return status.get();
    }

    @Override
    public Status cancel(String paymentKey) {
        calls.add("cancel " + paymentKey);
        return cancel.get();
    }

    @Override
    public String refund(String paymentKey, String refundId, Money amount) {
        calls.add("refund " + paymentKey + " " + refundId + " " + amount);
        return refund.refund(refundId, amount);
    }

    @Override
    public Optional<ProviderPayment> lookup(String paymentKey) {
        calls.add("lookup " + paymentKey);
        return lookup.get();
    }
}
