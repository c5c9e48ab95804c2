package io.jangteo.command.payment;

import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.order.FindProviderPaymentQuery;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.ProviderPaymentView;
import io.jangteo.messages.shared.Money;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider lookup over a real query bus, answered by the sandbox on the embedded MongoDB. */
class ProviderPaymentQueryHandlerTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final OrderId ORDER = OrderId.of("ord-00aa11bb22cc33dd44ee55ff");
    private static final String KEY = PaymentGateway.paymentKey(ORDER);
    private static final Money AMOUNT = Money.won(41_000);

    private final SandboxPaymentGateway sandbox = new SandboxPaymentGateway(mongo.freshDatabase(),
            "https://shop.example");
    private final QueryGateway queries = queryGateway(new ProviderPaymentQueryHandler(sandbox));

    @Test
    void anApprovedRedirectPaymentIsAnsweredWithItsOrderAndOneTransaction() {
        sandbox.ready(KEY, ORDER, PaymentMethod.KAKAO_PAY, AMOUNT, "Linen shirt", "https://shop.example/return",
                Instant.parse("2026-11-20T03:30:00Z"));
        sandbox.approve(KEY, SandboxPaymentGateway.APPROVE, AMOUNT);

        assertThat(ask(KEY)).contains(new ProviderPaymentView(KEY, ORDER, PaymentMethod.KAKAO_PAY,
                ProviderPaymentView.Status.APPROVED, AMOUNT, Money.won(0), 1));
    }

    @Test
    void aReadiedPaymentHasNoTransactionYet() {
        sandbox.ready(KEY, ORDER, PaymentMethod.NAVER_PAY, AMOUNT, "Linen shirt", null,
                Instant.parse("2026-11-20T03:30:00Z"));

        assertThat(ask(KEY)).hasValueSatisfying(payment -> {
            assertThat(payment.status()).isEqualTo(ProviderPaymentView.Status.READY);
            assertThat(payment.transactions()).isZero();
        });
    }

    @Test
    void aPaymentTheProviderDoesNotKnowIsAnsweredEmpty() {
        assertThat(ask(KEY)).isEmpty();
        assertThat(ask("not a key")).isEmpty();
    }

    @Test
    void aPaymentOfUnknownStateBreaksThePortsContractAndIsNotShownAsAnyState() {
        ScriptedLookup broken = new ScriptedLookup(new PaymentGateway.ProviderPayment(KEY, ORDER,
                PaymentMethod.CARD, PaymentGateway.State.UNKNOWN, AMOUNT, Money.won(0), 0));

        assertThatThrownBy(() -> new ProviderPaymentQueryHandler(broken).find(new FindProviderPaymentQuery(KEY)))
                .isInstanceOf(PaymentProviderUnavailable.class);
    }

    private Optional<ProviderPaymentView> ask(String paymentKey) {
        return queries.query(new FindProviderPaymentQuery(paymentKey),
                ResponseTypes.optionalInstanceOf(ProviderPaymentView.class)).join();
    }

    private static QueryGateway queryGateway(ProviderPaymentQueryHandler handler) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
        return DefaultQueryGateway.builder().queryBus(bus).build();
    }

    /** A provider answering one payment, whatever it is asked. */
    private record ScriptedLookup(PaymentGateway.ProviderPayment payment) implements PaymentGateway {
        @Override
        public Ready ready(String paymentKey, OrderId orderId, PaymentMethod method, Money amount, String orderName,
                           String returnUrl, Instant expiresAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Approval approve(String paymentKey, String approvalToken, Money amount) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Approval chargeBillingKey(String paymentKey, String billingKey, Money amount, String orderName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Status status(String paymentKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Status cancel(String paymentKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String refund(String paymentKey, String refundId, Money amount) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ProviderPayment> lookup(String paymentKey) {
            return Optional.of(payment);
        }
    }
}
