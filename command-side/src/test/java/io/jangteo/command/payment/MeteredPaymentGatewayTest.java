package io.jangteo.command.payment;

import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.shared.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decorator counts the provider's answers by method and outcome and passes every answer and failure through. */
class MeteredPaymentGatewayTest {

    private static final Money AMOUNT = Money.won(10_000);
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Provider provider = new Provider();
    private final PaymentGateway gateway = new MeteredPaymentGateway(provider, () -> registry);

    @Test
    void approvalsAndRefundsAreCountedUnderTheMethodTheirPaymentWasReadiedWith() {
        gateway.ready("pay-1", new OrderId("o-1"), PaymentMethod.KAKAO_PAY, AMOUNT, "mug", "https://r", NOW);
        gateway.approve("pay-1", "token", AMOUNT);
        gateway.refund("pay-1", "RF1", AMOUNT);

        assertThat(count("KAKAO_PAY", "approved")).isEqualTo(1);
        assertThat(count("KAKAO_PAY", "refunded")).isEqualTo(1);
        assertThat(registry.find(MeteredPaymentGateway.METER).counters()).as("readying is no outcome").hasSize(2);
    }

    @Test
    void declinesAndOutagesAreCountedAndStillThrown() {
        provider.decline = true;
        assertThatThrownBy(() -> gateway.chargeBillingKey("pay-2", "bk", AMOUNT, "mug"))
                .isInstanceOf(PaymentDeclinedException.class);
        provider.decline = false;
        provider.down = true;
        assertThatThrownBy(() -> gateway.approve("pay-unknown", "token", AMOUNT))
                .isInstanceOf(PaymentProviderUnavailable.class);

        assertThat(count("BRAND_PAY", "declined")).isEqualTo(1);
        assertThat(count("UNKNOWN", "unavailable")).isEqualTo(1);
    }

    private double count(String method, String outcome) {
        return registry.get(MeteredPaymentGateway.METER).tag("method", method).tag("outcome", outcome).counter().count();
    }

    private static final class Provider implements PaymentGateway {
        boolean decline;
        boolean down;

        private void answer() {
            if (decline) {
                throw new PaymentDeclinedException("CARD_DECLINED", "declined");
            }
            if (down) {
                throw new PaymentProviderUnavailable("no answer");
            }
        }

        @Override
        public Ready ready(String paymentKey, OrderId orderId, PaymentMethod method, Money amount, String orderName,
                           String returnUrl, Instant expiresAt) {
            answer();
            return new Ready("https://approve", null);
        }

        @Override
        public Approval approve(String paymentKey, String approvalToken, Money amount) {
            answer();
            return new Approval("tx-1", NOW);
        }

        @Override
        public Approval chargeBillingKey(String paymentKey, String billingKey, Money amount, String orderName) {
            answer();
            return new Approval("tx-2", NOW);
        }

        @Override
        public Status status(String paymentKey) {
            answer();
            return Status.of(State.READY);
        }

        @Override
        public Status cancel(String paymentKey) {
            answer();
            return Status.of(State.CANCELLED);
        }

        @Override
        public String refund(String paymentKey, String refundId, Money amount) {
            answer();
            return "rf-1";
        }

        @Override
        public Optional<ProviderPayment> lookup(String paymentKey) {
            answer();
            return Optional.empty();
        }
    }
}
