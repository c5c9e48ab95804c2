package io.jangteo.command.payment;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.payment.PaymentGateway.Approval;
import io.jangteo.command.payment.PaymentGateway.Ready;
import io.jangteo.command.payment.PaymentGateway.State;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.VirtualAccount;
import io.jangteo.messages.shared.Money;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxPaymentGatewayTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final OrderId ORDER = OrderId.of("ord-0123456789abcdef01234567");
    private static final String KEY = PaymentGateway.paymentKey(ORDER);
    private static final Money AMOUNT = Money.won(83_500);
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(30));

    private final MongoDatabase database = mongo.freshDatabase();
    private final MutableClock clock = new MutableClock(NOW);
    private final SandboxPaymentGateway sandbox =
            new SandboxPaymentGateway(database, "https://shop.example/", clock);

    // ---- ready

    @Test
    void aRedirectPaymentIsApprovedOnTheSandboxPage() {
        Ready ready = ready(PaymentMethod.KAKAO_PAY);

        assertThat(ready).isEqualTo(new Ready("https://shop.example/sandbox/pay/" + KEY, null));
        assertThat(sandbox.status(KEY)).isEqualTo(PaymentGateway.Status.of(State.READY));
        assertThat(sandbox.payment(KEY)).hasValueSatisfying(payment -> {
            assertThat(payment.orderId()).isEqualTo(ORDER.value());
            assertThat(payment.amount()).isEqualTo(AMOUNT);
            assertThat(payment.orderName()).isEqualTo("Linen shirt 외 2건");
            assertThat(payment.returnUrl()).isEqualTo("https://shop.example/return");
        });
    }

    @Test
    void aPaymentKeyReadiedAgainAnswersTheSame() {
        Ready first = ready(PaymentMethod.CARD);
        Ready again = ready(PaymentMethod.CARD);

        assertThat(again).isEqualTo(first);
        assertThat(database.getCollection(SandboxPaymentGateway.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aPaymentKeyIsNotReusedForAnotherPayment() {
        ready(PaymentMethod.CARD);

        assertThatThrownBy(() -> sandbox.ready(KEY, ORDER, PaymentMethod.CARD, Money.won(1_000), "x", null, EXPIRES))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("DUPLICATE_PAYMENT_KEY"));
    }

    @Test
    void aBankTransferGetsAVirtualAccountDerivedFromThePaymentKey() {
        Instant due = NOW.plus(Duration.ofDays(3));
        Ready ready = sandbox.ready(KEY, ORDER, PaymentMethod.BANK_TRANSFER, AMOUNT, "Linen shirt", null, due);

        VirtualAccount account = ready.virtualAccount();
        assertThat(ready.redirectUrl()).isNull();
        assertThat(account.bank()).isEqualTo("Sandbox Bank");
        assertThat(account.holder()).isEqualTo("Jangteo");
        assertThat(account.dueAt()).isEqualTo(due);
        assertThat(account.accountNumber()).matches("[0-9]{14}")
                .isEqualTo(SandboxPaymentGateway.accountNumber(KEY))
                .isNotEqualTo(SandboxPaymentGateway.accountNumber("pay-another-order"));
    }

    // ---- approving

    @Test
    void sandboxOkApprovesAndChargesOnce() {
        ready(PaymentMethod.KAKAO_PAY);
        clock.advance(Duration.ofSeconds(40));

        Approval approval = sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);

        assertThat(approval.providerTransactionId()).startsWith("sbx_tx_");
        assertThat(approval.approvedAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(sandbox.charges(KEY)).isEqualTo(1);
        assertThat(sandbox.status(KEY)).isEqualTo(PaymentGateway.Status.approved(approval));
    }

    @Test
    void approvingTwiceAnswersTheSameApprovalAndChargesOnce() {
        ready(PaymentMethod.KAKAO_PAY);
        Approval first = sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);
        clock.advance(Duration.ofMinutes(1));

        Approval again = sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.charges(KEY)).isEqualTo(1);
    }

    @Test
    void concurrentApprovalsOfOnePaymentChargeOnce() throws Exception {
        ready(PaymentMethod.NAVER_PAY);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Approval>> approvals = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                approvals.add(pool.submit((Callable<Approval>) () -> {
                    start.await();
                    return sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);
                }));
            }
            start.countDown();
            List<Approval> answers = new ArrayList<>();
            for (Future<Approval> approval : approvals) {
                answers.add(approval.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).hasSize(threads).containsOnly(answers.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.charges(KEY)).isEqualTo(1);
    }

    @Test
    void sandboxDeclineDeclinesAndEndsThePayment() {
        ready(PaymentMethod.KAKAO_PAY);

        assertThatThrownBy(() -> sandbox.approve(KEY, SandboxPaymentGateway.DECLINE, AMOUNT))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("CARD_DECLINED"));
        assertThat(sandbox.status(KEY).state()).isEqualTo(State.CANCELLED);
        assertThatThrownBy(() -> sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("CARD_DECLINED"));
        assertThat(sandbox.charges(KEY)).isZero();
    }

    @Test
    void sandboxTimeoutChangesNothingAndALaterApprovalGoesThrough() {
        ready(PaymentMethod.PAYPAL);

        assertThatThrownBy(() -> sandbox.approve(KEY, SandboxPaymentGateway.TIME_OUT, AMOUNT))
                .isInstanceOf(PaymentProviderUnavailable.class);
        assertThat(sandbox.status(KEY).state()).isEqualTo(State.READY);
        sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);
        assertThat(sandbox.charges(KEY)).isEqualTo(1);
    }

    @ParameterizedTest(name = "card {0}: {1}")
    @CsvSource({
            "4000000000000002, CARD_DECLINED",
            "4000000000009995, INSUFFICIENT_FUNDS",
            "4242424242424241, INVALID_CARD",
            "42424242, INVALID_CARD",
            "4242-4242-4242-4242, INVALID_CARD"})
    void testCardsDecline(String number, String code) {
        ready(PaymentMethod.CARD);

        assertThatThrownBy(() -> sandbox.approve(KEY, "sandbox_card_" + number, AMOUNT))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo(code));
        assertThat(sandbox.charges(KEY)).isZero();
    }

    @Test
    void theTimeoutTestCardTimesOut() {
        ready(PaymentMethod.CARD);

        assertThatThrownBy(() -> sandbox.approve(KEY, "sandbox_card_4000000000000119", AMOUNT))
                .isInstanceOf(PaymentProviderUnavailable.class);
        assertThat(sandbox.status(KEY).state()).isEqualTo(State.READY);
    }

    @ParameterizedTest
    @CsvSource({"4242424242424242", "5555555555554444", "378282246310005"})
    void anyOtherLuhnValidCardIsApproved(String number) {
        ready(PaymentMethod.CARD);

        sandbox.approve(KEY, "sandbox_card_" + number, AMOUNT);

        assertThat(sandbox.charges(KEY)).isEqualTo(1);
    }

    @Test
    void cardTokensAreForCardPaymentsOnly() {
        ready(PaymentMethod.KAKAO_PAY);

        assertThatThrownBy(() -> sandbox.approve(KEY, "sandbox_card_4242424242424242", AMOUNT))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("INVALID_TOKEN"));
    }

    @Test
    void anApprovalForAnotherAmountIsDeclined() {
        ready(PaymentMethod.KAKAO_PAY);

        assertThatThrownBy(() -> sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, Money.won(100)))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("INVALID_AMOUNT"));
        assertThat(sandbox.status(KEY).state()).isEqualTo(State.READY);
    }

    @Test
    void anUnknownPaymentIsNotApproved() {
        assertThatThrownBy(() -> sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("NOT_FOUND_PAYMENT"));
        assertThat(sandbox.status(KEY)).isEqualTo(PaymentGateway.Status.of(State.UNKNOWN));
    }

    // ---- billing keys, deposits, cancels

    @Test
    void aBillingKeyIsChargedOncePerPaymentKey() {
        Approval first = sandbox.chargeBillingKey(KEY, "bk_sbx_0123", AMOUNT, "Linen shirt");
        Approval again = sandbox.chargeBillingKey(KEY, "bk_sbx_0123", AMOUNT, "Linen shirt");

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.charges(KEY)).isEqualTo(1);
        assertThat(sandbox.payment(KEY)).hasValueSatisfying(payment ->
                assertThat(payment.method()).isEqualTo(PaymentMethod.BRAND_PAY));
    }

    @Test
    void aDeclinedBillingKeyDeclines() {
        assertThatThrownBy(() -> sandbox.chargeBillingKey(KEY, "sandbox_declined_visa", AMOUNT, "Linen shirt"))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("CARD_DECLINED"));
        assertThat(sandbox.charges(KEY)).isZero();
    }

    @Test
    void aDepositIntoTheVirtualAccountApprovesIt() {
        sandbox.ready(KEY, ORDER, PaymentMethod.BANK_TRANSFER, AMOUNT, "Linen shirt", null, EXPIRES);

        assertThatThrownBy(() -> sandbox.deposit(KEY, Money.won(80_000)))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("INVALID_AMOUNT"));
        Approval approval = sandbox.deposit(KEY, AMOUNT);

        assertThat(sandbox.status(KEY)).isEqualTo(PaymentGateway.Status.approved(approval));
        assertThat(sandbox.charges(KEY)).isEqualTo(1);
        assertThat(sandbox.deposit(KEY, AMOUNT)).as("a repeated callback's deposit").isEqualTo(approval);
        assertThat(sandbox.charges(KEY)).isEqualTo(1);
    }

    @Test
    void aCancelledPaymentCanNoLongerBeApprovedOrPaidInto() {
        sandbox.ready(KEY, ORDER, PaymentMethod.BANK_TRANSFER, AMOUNT, "Linen shirt", null, EXPIRES);

        assertThat(sandbox.cancel(KEY)).isEqualTo(PaymentGateway.Status.of(State.CANCELLED));
        assertThatThrownBy(() -> sandbox.deposit(KEY, AMOUNT))
                .isInstanceOfSatisfying(PaymentDeclinedException.class,
                        declined -> assertThat(declined.code()).isEqualTo("PAYMENT_CANCELLED"));
    }

    @Test
    void cancellingAnApprovedPaymentLeavesItApproved() {
        ready(PaymentMethod.KAKAO_PAY);
        Approval approval = sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);

        assertThat(sandbox.cancel(KEY)).isEqualTo(PaymentGateway.Status.approved(approval));
    }

    @Test
    void cancellingAnUnknownPaymentFindsNothing() {
        assertThat(sandbox.cancel(KEY)).isEqualTo(PaymentGateway.Status.of(State.UNKNOWN));
    }

    // ---- refunds

    @Test
    void refundsArePaidBackInPartsUpToTheApprovedAmount() {
        approved();

        String first = sandbox.refund(KEY, "RF1", Money.won(12_500));
        String second = sandbox.refund(KEY, "RF2", Money.won(71_000));

        assertThat(first).startsWith("sbx_rf_").isNotEqualTo(second);
        assertThat(sandbox.payment(KEY).orElseThrow().refunded()).isEqualTo(Money.won(83_500));
        assertThatThrownBy(() -> sandbox.refund(KEY, "RF3", Money.won(1)))
                .isInstanceOfSatisfying(PaymentRefundRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("EXCEEDS_BALANCE"));
    }

    @Test
    void aRefundRepeatedWithItsIdAnswersTheSameAndPaysOnce() {
        approved();

        String first = sandbox.refund(KEY, "RF1", Money.won(12_500));
        String again = sandbox.refund(KEY, "RF1", Money.won(12_500));

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.payment(KEY).orElseThrow().refunded()).isEqualTo(Money.won(12_500));
    }

    @Test
    void aRefundIdIsNotReusedForAnotherAmount() {
        approved();
        sandbox.refund(KEY, "RF1", Money.won(12_500));

        assertThatThrownBy(() -> sandbox.refund(KEY, "RF1", Money.won(10_000)))
                .isInstanceOfSatisfying(PaymentRefundRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("REFUND_ID_REUSED"));
    }

    @Test
    void aRefundBeyondThePaymentIsRefused() {
        approved();

        assertThatThrownBy(() -> sandbox.refund(KEY, "RF1", Money.won(83_501)))
                .isInstanceOfSatisfying(PaymentRefundRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("EXCEEDS_BALANCE"));
        assertThat(sandbox.payment(KEY).orElseThrow().refunded()).isEqualTo(Money.won(0));
    }

    @Test
    void onlyAnApprovedPaymentIsRefunded() {
        ready(PaymentMethod.KAKAO_PAY);

        assertThatThrownBy(() -> sandbox.refund(KEY, "RF1", Money.won(1_000)))
                .isInstanceOfSatisfying(PaymentRefundRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("NOT_APPROVED"));
    }

    @Test
    void concurrentRefundsNeverPayBackMoreThanWasApproved() throws Exception {
        approved();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String refundId = "RF" + (i + 1);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        sandbox.refund(KEY, refundId, Money.won(30_000));
                        return true;
                    } catch (PaymentRefundRefused refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int refunded = 0;
            for (Future<Boolean> outcome : outcomes) {
                refunded += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(refunded).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.payment(KEY).orElseThrow().refunded()).isEqualTo(Money.won(60_000));
    }

    @Test
    void concurrentRepeatsOfOneRefundPayOnce() throws Exception {
        approved();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return sandbox.refund(KEY, "RF1", Money.won(12_500));
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.payment(KEY).orElseThrow().refunded()).isEqualTo(Money.won(12_500));
    }

    // ---- looking a payment up, for reconciliation

    @Test
    void aLookupShowsTheRedirectPaymentAsTheProviderHoldsItThroughApprovalAndRefund() {
        ready(PaymentMethod.KAKAO_PAY);
        assertThat(sandbox.lookup(KEY)).contains(new PaymentGateway.ProviderPayment(KEY, ORDER, PaymentMethod.KAKAO_PAY,
                State.READY, AMOUNT, Money.won(0), 0));

        sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);
        sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);
        sandbox.refund(KEY, "RF1", Money.won(12_500));

        assertThat(sandbox.lookup(KEY)).contains(new PaymentGateway.ProviderPayment(KEY, ORDER, PaymentMethod.KAKAO_PAY,
                State.APPROVED, AMOUNT, Money.won(12_500), 1));
    }

    @Test
    void aLookupOfABillingKeyChargeCountsOneTransactionAndKnowsNoOrder() {
        sandbox.chargeBillingKey(KEY, "bk_sbx_0123", AMOUNT, "Linen shirt");
        sandbox.chargeBillingKey(KEY, "bk_sbx_0123", AMOUNT, "Linen shirt");

        assertThat(sandbox.lookup(KEY)).hasValueSatisfying(payment -> {
            assertThat(payment.orderId()).isNull();
            assertThat(payment.method()).isEqualTo(PaymentMethod.BRAND_PAY);
            assertThat(payment.state()).isEqualTo(State.APPROVED);
            assertThat(payment.transactions()).isEqualTo(1);
        });
    }

    @Test
    void aLookupOfADeclinedPaymentShowsItCancelledWithoutATransaction() {
        ready(PaymentMethod.KAKAO_PAY);
        assertThatThrownBy(() -> sandbox.approve(KEY, SandboxPaymentGateway.DECLINE, AMOUNT))
                .isInstanceOf(PaymentDeclinedException.class);

        assertThat(sandbox.lookup(KEY)).hasValueSatisfying(payment -> {
            assertThat(payment.state()).isEqualTo(State.CANCELLED);
            assertThat(payment.transactions()).isZero();
        });
    }

    @Test
    void aLookupFindsNothingUnderAnUnknownOrMalformedKey() {
        ready(PaymentMethod.KAKAO_PAY);

        assertThat(sandbox.lookup("pay-ord-unknown")).isEmpty();
        assertThat(sandbox.lookup("pay ord/../x")).isEmpty();
        assertThat(sandbox.lookup("")).isEmpty();
        assertThat(sandbox.lookup(null)).isEmpty();
    }

    // ---- like a provider, it outlives a restart

    @Test
    void paymentsSurviveARestartOfTheSandbox() {
        approved();
        sandbox.refund(KEY, "RF1", Money.won(12_500));

        SandboxPaymentGateway restarted = new SandboxPaymentGateway(database, "https://shop.example", clock);

        assertThat(restarted.status(KEY).state()).isEqualTo(State.APPROVED);
        assertThat(restarted.charges(KEY)).isEqualTo(1);
        assertThat(restarted.refund(KEY, "RF1", Money.won(12_500))).isEqualTo(sandbox.refund(KEY, "RF1",
                Money.won(12_500)));
        Document stored = database.getCollection(SandboxPaymentGateway.COLLECTION).find().first();
        assertThat(stored).containsEntry("_id", KEY).containsEntry("status", "APPROVED")
                .containsEntry("amount", 83_500L).containsEntry("currency", "KRW").containsEntry("method", "KAKAO_PAY");
        assertThat(stored.get("refunds", Document.class)).containsEntry("RF1", 12_500L);
    }

    @Test
    void luhnChecksTheCheckDigit() {
        assertThat(SandboxPaymentGateway.luhnValid("4242424242424242")).isTrue();
        assertThat(SandboxPaymentGateway.luhnValid("4000000000000002")).isTrue();
        assertThat(SandboxPaymentGateway.luhnValid("4242424242424243")).isFalse();
    }

    private Ready ready(PaymentMethod method) {
        return sandbox.ready(KEY, ORDER, method, AMOUNT, "Linen shirt 외 2건", "https://shop.example/return",
                EXPIRES);
    }

    private Approval approved() {
        ready(PaymentMethod.KAKAO_PAY);
        return sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);
    }
}
