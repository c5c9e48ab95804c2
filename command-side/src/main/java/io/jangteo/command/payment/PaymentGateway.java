package io.jangteo.command.payment;

import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.VirtualAccount;
import io.jangteo.messages.shared.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * A payment provider (PG) as orders use it, in the flow the Korean providers document: {@link #ready} opens a payment
 * and answers where the buyer approves it (Kakao Pay's {@code next_redirect_pc_url}, Toss's payment window) or, for a
 * bank transfer, a virtual account; the buyer comes back with an approval token that {@link #approve} confirms (Kakao
 * Pay's {@code pg_token}, Toss's confirm call); a stored method (브랜드페이) is charged in one call; unpaid payments are
 * abandoned with {@link #cancel}; approved ones are refunded in parts with {@link #refund}.
 * <p>
 * Every payment is named by a key the order derives ({@link #paymentKey}): a retried request reaches the same payment
 * at the provider instead of opening a second one. Approvals and charges are idempotent per payment key, refunds per
 * refund id. {@link #lookup} shows what the provider holds under a key, for reconciliation.
 */
public interface PaymentGateway {

    /** {@code pay-<orderId>}: one payment per order, whichever node or retry asks. */
    static String paymentKey(OrderId orderId) {
        return "pay-" + orderId.value();
    }

    /**
     * Opens the payment (again: the same key answers what it answered the first time).
     *
     * @param expiresAt when an unpaid payment lapses: a virtual account's due date
     * @throws PaymentDeclinedException    the provider will not take this payment
     * @throws PaymentProviderUnavailable  no answer in time; nothing is known to have changed
     */
    Ready ready(String paymentKey, OrderId orderId, PaymentMethod method, Money amount, String orderName,
                String returnUrl, Instant expiresAt);

    /**
     * Confirms a readied payment with the token the buyer brought back; {@code amount} must be the readied amount (the
     * providers check it, so a tampered redirect cannot pay less). Approving an approved payment answers its approval
     * again and charges nothing more.
     *
     * @throws PaymentDeclinedException   declined (card declined, insufficient funds, cancelled, wrong amount)
     * @throws PaymentProviderUnavailable no answer in time; the payment may or may not have gone through
     */
    Approval approve(String paymentKey, String approvalToken, Money amount);

    /**
     * Charges a stored method's billing key at once (브랜드페이); charging the same payment key again answers the first
     * charge's approval.
     *
     * @throws PaymentDeclinedException   declined
     * @throws PaymentProviderUnavailable no answer in time
     */
    Approval chargeBillingKey(String paymentKey, String billingKey, Money amount, String orderName);

    /**
     * Where the payment is at the provider; the approval when approved.
     *
     * @throws PaymentProviderUnavailable no answer in time
     */
    Status status(String paymentKey);

    /**
     * Abandons an unpaid payment, so it can no longer be approved or paid into. Answers the payment's state afterwards:
     * {@code APPROVED} (with the approval) when it was approved before the cancel arrived, and then it stays approved.
     *
     * @throws PaymentProviderUnavailable no answer in time
     */
    Status cancel(String paymentKey);

    /**
     * Pays {@code amount} of an approved payment back; answers the provider's id of the refund. The same refund id with
     * the same amount answers the same id and pays nothing more.
     *
     * @throws PaymentRefundRefused       not approved, more than is left, or the refund id used with another amount
     * @throws PaymentProviderUnavailable no answer in time; nothing is known to have changed
     */
    String refund(String paymentKey, String refundId, Money amount);

    /**
     * What the provider holds under the key (the providers' payment inquiry: Toss's {@code GET /v1/payments/{key}},
     * Kakao Pay's {@code order} API), including how many charges it took; empty when it knows no payment under the key,
     * or the key cannot be one.
     *
     * @throws PaymentProviderUnavailable no answer in time
     */
    Optional<ProviderPayment> lookup(String paymentKey);

    /** Where the buyer approves the payment, or the virtual account to pay into; exactly one of them. */
    record Ready(String redirectUrl, VirtualAccount virtualAccount) {
    }

    record Approval(String providerTransactionId, Instant approvedAt) {
    }

    enum State {
        READY, APPROVED, CANCELLED, UNKNOWN
    }

    /** {@code approval} is set when {@code state} is {@code APPROVED}. */
    record Status(State state, Approval approval) {
        public static Status of(State state) {
            return new Status(state, null);
        }

        public static Status approved(Approval approval) {
            return new Status(State.APPROVED, approval);
        }
    }

    /**
     * A payment as the provider holds it.
     *
     * @param orderId      null when the provider was not told the order (a billing-key charge names the key only)
     * @param state        never {@code UNKNOWN}: an unknown payment is no lookup result
     * @param transactions charges taken under the key: 0 or 1, however often it was approved or charged
     */
    record ProviderPayment(String paymentKey, OrderId orderId, PaymentMethod method, State state, Money amount,
                           Money refunded, long transactions) {
    }
}
