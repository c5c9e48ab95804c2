package io.jangteo.command.order;

import io.jangteo.command.order.OrderFixtures.FakeStoredPaymentMethods;
import io.jangteo.command.payment.PaymentDeclinedException;
import io.jangteo.command.payment.PaymentGateway;
import io.jangteo.command.payment.PaymentProviderUnavailable;
import io.jangteo.messages.order.ApprovePayment;
import io.jangteo.messages.order.ExpireOrder;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.RecordDeposit;
import io.jangteo.messages.order.RejectOrder;
import io.jangteo.messages.order.RequestPayment;
import io.jangteo.messages.order.VirtualAccount;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.jangteo.command.order.OrderFixtures.APPROVED_AT;
import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.CARD_ON_FILE;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.PAYMENT_KEY;
import static io.jangteo.command.order.OrderFixtures.RETURN_URL;
import static io.jangteo.command.order.OrderFixtures.T0;
import static io.jangteo.command.order.OrderFixtures.bankTransfer;
import static io.jangteo.command.order.OrderFixtures.brandPay;
import static io.jangteo.command.order.OrderFixtures.buyer;
import static io.jangteo.command.order.OrderFixtures.freeQuote;
import static io.jangteo.command.order.OrderFixtures.kakaoPay;
import static io.jangteo.command.order.OrderFixtures.otherCustomer;
import static io.jangteo.command.order.OrderFixtures.paid;
import static io.jangteo.command.order.OrderFixtures.paymentApproved;
import static io.jangteo.command.order.OrderFixtures.paymentRequested;
import static io.jangteo.command.order.OrderFixtures.placed;
import static io.jangteo.command.order.OrderFixtures.quote;
import static io.jangteo.command.order.OrderFixtures.staff;
import static io.jangteo.command.order.OrderFixtures.system;
import static io.jangteo.command.order.OrderFixtures.won;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Paying an order: requesting the payment per method, the buyer's approval, deposits, expiry and rejection. */
class OrderPaymentTest {

    private static final Duration PAYMENT_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration DEPOSIT_DEADLINE = Duration.ofDays(3);

    private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway();
    private final FakeStoredPaymentMethods storedMethods = new FakeStoredPaymentMethods();
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = OrderFixtures.fixture(gateway, storedMethods);
    }

    // ---- requesting the payment

    @Test
    void aRedirectPaymentIsReadiedAndAwaitsTheBuyerUntilThePaymentTimeout() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new RequestPayment(ORDER), system())
                .expectEvents(paymentRequested())
                .expectResultMessagePayload(1L);
        assertThat(gateway.calls).containsExactly("ready " + PAYMENT_KEY + " KAKAO_PAY 83500 KRW Product L1 외 2건 "
                + RETURN_URL + " " + T0.plus(PAYMENT_TIMEOUT));
    }

    @Test
    void aBankTransferGetsAVirtualAccountDueAtTheDepositDeadline() {
        VirtualAccount account = new VirtualAccount("Sandbox Bank", "12345678901234", "Jangteo",
                T0.plus(DEPOSIT_DEADLINE));
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), bankTransfer()))
                .when(new RequestPayment(ORDER), system())
                .expectEvents(new PaymentRequested(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.BANK_TRANSFER,
                        won(83_500), null, account, T0.plus(DEPOSIT_DEADLINE), T0));
    }

    @Test
    void brandPayIsChargedAtOnce() {
        storedMethods.with(CARD_ON_FILE, "bk_sbx_1");
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), brandPay()))
                .when(new RequestPayment(ORDER), system())
                .expectEvents(brandPayRequested(),
                        new PaymentApproved(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.BRAND_PAY, won(83_500), "tx-1",
                                APPROVED_AT))
                .expectResultMessagePayload(2L);
        assertThat(gateway.calls).containsExactly("charge " + PAYMENT_KEY + " bk_sbx_1 83500 KRW Product L1 외 2건");
    }

    @Test
    void aDeclinedBrandPayChargeIsStoredAsADecline() {
        storedMethods.with(CARD_ON_FILE, "bk_sbx_1");
        gateway.charge = () -> {
            throw new PaymentDeclinedException("INSUFFICIENT_FUNDS", "The card has insufficient funds");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), brandPay()))
                .when(new RequestPayment(ORDER), system())
                .expectEvents(brandPayRequested(), new PaymentDeclined(ORDER, BUYER, PAYMENT_KEY,
                        PaymentMethod.BRAND_PAY, "INSUFFICIENT_FUNDS", "The card has insufficient funds", T0));
    }

    @Test
    void aStoredMethodRemovedSincePlacementIsADecline() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), brandPay()))
                .when(new RequestPayment(ORDER), system())
                .expectEvents(brandPayRequested(), new PaymentDeclined(ORDER, BUYER, PAYMENT_KEY,
                        PaymentMethod.BRAND_PAY, "METHOD_UNAVAILABLE",
                        "The stored payment method is no longer registered", T0));
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void anOrderPaidByPointsAndCouponIsApprovedWithoutAProvider() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(freeQuote(), kakaoPay()))
                .when(new RequestPayment(ORDER), system())
                .expectEvents(new PaymentApproved(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.KAKAO_PAY, won(0), null,
                        T0));
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void aProviderThatRefusesToReadyDeclinesThePayment() {
        gateway.ready = () -> {
            throw new PaymentDeclinedException("DUPLICATE_PAYMENT_KEY", "This payment key was used for another");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new RequestPayment(ORDER), system())
                .expectEvents(new PaymentDeclined(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.KAKAO_PAY,
                        "DUPLICATE_PAYMENT_KEY", "This payment key was used for another", T0));
    }

    @Test
    void anUnansweredPaymentRequestStoresNothingAndFailsForTheSenderToRetry() {
        gateway.ready = () -> {
            throw new PaymentProviderUnavailable("timeout");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new RequestPayment(ORDER), system())
                .expectNoEvents()
                .expectException(PaymentProviderUnavailable.class);
    }

    @Test
    void aRepeatedPaymentRequestChangesNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new RequestPayment(ORDER), system())
                .expectNoEvents()
                .expectResultMessagePayload(1L);
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void onlySystemActorsRequestPayments() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new RequestPayment(ORDER), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    // ---- the buyer approves

    @Test
    void theBuyersApprovalTokenConfirmsThePayment() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new ApprovePayment(ORDER, "pg_token_1"), buyer())
                .expectEvents(paymentApproved())
                .expectResultMessagePayload(2L);
        assertThat(gateway.calls).containsExactly("approve " + PAYMENT_KEY + " pg_token_1 83500 KRW");
    }

    @Test
    void aDeclineIsAnAnswerStoredAsAnEvent() {
        gateway.approve = () -> {
            throw new PaymentDeclinedException("CARD_DECLINED", "The card issuer declined the payment");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new ApprovePayment(ORDER, "sandbox_decline"), buyer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentDeclined(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.KAKAO_PAY, "CARD_DECLINED",
                        "The card issuer declined the payment", T0))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUnansweredApprovalIsProviderUnavailableAndStoresNothing() {
        gateway.approve = () -> {
            throw new PaymentProviderUnavailable("timeout");
        };
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new ApprovePayment(ORDER, "sandbox_timeout"), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.PROVIDER_UNAVAILABLE, List.of()));
    }

    @Test
    void approvingAPaidOrderAgainChangesNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(paid())
                .when(new ApprovePayment(ORDER, "pg_token_1"), buyer())
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void onlyTheBuyerApproves() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new ApprovePayment(ORDER, "pg_token_1"), otherCustomer())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new ApprovePayment(ORDER, "pg_token_1"), staff(ActorRole.ADMIN))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anApprovalNeedsAToken() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new ApprovePayment(ORDER, " "), buyer())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("approvalToken")));
    }

    @Test
    void nothingIsApprovedBeforeThePaymentIsRequested() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new ApprovePayment(ORDER, "pg_token_1"), buyer())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()))
                .expectExceptionMessage("Not possible while the order is PLACED");
    }

    @Test
    void aVirtualAccountIsNotApprovedByTheBuyer() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), bankTransfer()), bankTransferRequested())
                .when(new ApprovePayment(ORDER, "pg_token_1"), buyer())
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    // ---- deposits

    @Test
    void aDepositOfTheAmountDuePaysTheOrder() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), bankTransfer()), bankTransferRequested())
                .when(new RecordDeposit(ORDER, PAYMENT_KEY, won(83_500), "dep-1"), system())
                .expectEvents(new PaymentApproved(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.BANK_TRANSFER, won(83_500),
                        "dep-1", T0));
    }

    @Test
    void aRepeatedDepositCallbackChangesNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), bankTransfer()), bankTransferRequested(),
                        new PaymentApproved(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.BANK_TRANSFER, won(83_500),
                                "dep-1", T0))
                .when(new RecordDeposit(ORDER, PAYMENT_KEY, won(83_500), "dep-1"), system())
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void aDepositOfAnotherAmountIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), bankTransfer()), bankTransferRequested())
                .when(new RecordDeposit(ORDER, PAYMENT_KEY, won(80_000), "dep-1"), system())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("amount")));
    }

    @Test
    void aDepositForAnotherPaymentIsRefused() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), bankTransfer()), bankTransferRequested())
                .when(new RecordDeposit(ORDER, "pay-someone-else", won(83_500), "dep-1"), system())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("paymentKey")));
    }

    @Test
    void onlySystemActorsRecordDeposits() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(quote(), bankTransfer()), bankTransferRequested())
                .when(new RecordDeposit(ORDER, PAYMENT_KEY, won(83_500), "dep-1"), buyer())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    // ---- expiry

    @Test
    void anUnpaidOrderExpiresAndItsPaymentIsCancelledAtTheProvider() {
        fixture.givenCurrentTime(T0.plus(PAYMENT_TIMEOUT))
                .andGiven(placed(), paymentRequested())
                .when(new ExpireOrder(ORDER), system())
                .expectEvents(new OrderExpired(ORDER, BUYER, "Not paid by " + T0.plus(PAYMENT_TIMEOUT),
                        T0.plus(PAYMENT_TIMEOUT)));
        assertThat(gateway.calls).containsExactly("status " + PAYMENT_KEY, "cancel " + PAYMENT_KEY);
    }

    @Test
    void anUnpaidVirtualAccountExpires() {
        fixture.givenCurrentTime(T0.plus(DEPOSIT_DEADLINE))
                .andGiven(placed(quote(), bankTransfer()), bankTransferRequested())
                .when(new ExpireOrder(ORDER), system())
                .expectEvents(new OrderExpired(ORDER, BUYER, "No deposit by " + T0.plus(DEPOSIT_DEADLINE),
                        T0.plus(DEPOSIT_DEADLINE)));
    }

    @Test
    void aPaymentApprovedAtTheProviderMeanwhilePaysTheOrderInsteadOfExpiringIt() {
        gateway.status = () -> PaymentGateway.Status.approved(ScriptedPaymentGateway.APPROVAL);
        fixture.givenCurrentTime(T0.plus(PAYMENT_TIMEOUT))
                .andGiven(placed(), paymentRequested())
                .when(new ExpireOrder(ORDER), system())
                .expectEvents(paymentApproved());
        assertThat(gateway.calls).containsExactly("status " + PAYMENT_KEY);
    }

    @Test
    void aPaymentApprovedJustBeforeTheCancelArrivedPaysTheOrder() {
        gateway.cancel = () -> PaymentGateway.Status.approved(ScriptedPaymentGateway.APPROVAL);
        fixture.givenCurrentTime(T0.plus(PAYMENT_TIMEOUT))
                .andGiven(placed(), paymentRequested())
                .when(new ExpireOrder(ORDER), system())
                .expectEvents(paymentApproved());
    }

    @Test
    void anUnansweredExpiryStoresNothingAndFailsForTheSchedulerToRetry() {
        gateway.status = () -> {
            throw new PaymentProviderUnavailable("timeout");
        };
        fixture.givenCurrentTime(T0.plus(PAYMENT_TIMEOUT))
                .andGiven(placed(), paymentRequested())
                .when(new ExpireOrder(ORDER), system())
                .expectNoEvents()
                .expectException(PaymentProviderUnavailable.class);
    }

    @Test
    void aPaidOrderDoesNotExpire() {
        fixture.givenCurrentTime(T0.plus(PAYMENT_TIMEOUT))
                .andGiven(paid())
                .when(new ExpireOrder(ORDER), system())
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void onlySystemActorsExpireOrders() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new ExpireOrder(ORDER), staff(ActorRole.ADMIN))
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    // ---- rejection at checkout

    @Test
    void checkoutRejectsAPlacedOrderNamingTheLines() {
        List<LineRejection> rejections = List.of(new LineRejection("L3", ErrorCode.OUT_OF_STOCK, "Only 0 left"));
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new RejectOrder(ORDER, rejections, ErrorCode.OUT_OF_STOCK, " Out of stock "), system())
                .expectEvents(new OrderRejected(ORDER, BUYER, rejections, ErrorCode.OUT_OF_STOCK, "Out of stock", T0));
    }

    @Test
    void aRepeatedRejectionChangesNothing() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), new OrderRejected(ORDER, BUYER, List.of(), ErrorCode.OUT_OF_STOCK, null, T0))
                .when(new RejectOrder(ORDER, List.of(), ErrorCode.OUT_OF_STOCK, null), system())
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void anOrderAwaitingPaymentIsNoLongerRejected() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed(), paymentRequested())
                .when(new RejectOrder(ORDER, List.of(), ErrorCode.OUT_OF_STOCK, null), system())
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()))
                .expectExceptionMessage("Not possible while the order is AWAITING_PAYMENT");
    }

    @Test
    void aRejectionNamesItsCode() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new RejectOrder(ORDER, List.of(), null, "no"), system())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("code")));
    }

    @Test
    void onlySystemActorsRejectOrders() {
        fixture.givenCurrentTime(T0)
                .andGiven(placed())
                .when(new RejectOrder(ORDER, List.of(), ErrorCode.OUT_OF_STOCK, null), buyer())
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void commandsToAnOrderNeverPlacedAreNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RequestPayment(ORDER), system())
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    private static PaymentRequested brandPayRequested() {
        return new PaymentRequested(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.BRAND_PAY, won(83_500), null, null, null,
                T0);
    }

    private static PaymentRequested bankTransferRequested() {
        return new PaymentRequested(ORDER, BUYER, PAYMENT_KEY, PaymentMethod.BANK_TRANSFER, won(83_500), null,
                new VirtualAccount("Sandbox Bank", "12345678901234", "Jangteo", T0.plus(DEPOSIT_DEADLINE)),
                T0.plus(DEPOSIT_DEADLINE), T0);
    }

}
