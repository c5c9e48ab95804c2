package io.jangteo.command.payment;

import io.jangteo.messages.order.FindProviderPaymentQuery;
import io.jangteo.messages.order.ProviderPaymentView;
import io.jangteo.messages.shared.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers what the payment provider holds, from the provider: the read model shows what the orders recorded, and
 * reconciliation needs the other side of the ledger. On the command side because the provider sits behind this side's
 * port; the API reaches it through the query bus like any query, and decides who may ask.
 */
@Component
class ProviderPaymentQueryHandler {

    private final PaymentGateway gateway;

    ProviderPaymentQueryHandler(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @QueryHandler
    Optional<ProviderPaymentView> find(FindProviderPaymentQuery query) {
        return gateway.lookup(query.paymentKey()).map(ProviderPaymentQueryHandler::view);
    }

    static ProviderPaymentView view(PaymentGateway.ProviderPayment payment) {
        return new ProviderPaymentView(payment.paymentKey(), payment.orderId(), payment.method(),
                status(payment.state()), payment.amount(),
                payment.refunded() == null ? Money.of(0, payment.amount().currency()) : payment.refunded(),
                payment.transactions());
    }

    private static ProviderPaymentView.Status status(PaymentGateway.State state) {
        return switch (state) {
            case READY -> ProviderPaymentView.Status.READY;
            case APPROVED -> ProviderPaymentView.Status.APPROVED;
            case CANCELLED -> ProviderPaymentView.Status.CANCELLED;
            // a provider that answers a payment without a state breaks the port's contract
            case UNKNOWN -> throw new PaymentProviderUnavailable("the provider answered a payment of unknown state");
        };
    }
}
