package io.jangteo.command.order;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a buyer has to approve a payment ({@code jangteo.orders.payment-timeout}) or to pay into a virtual account
 * ({@code jangteo.orders.deposit-deadline}), and when a delivered part is confirmed for the buyer
 * ({@code jangteo.orders.auto-confirm-after}).
 */
record OrderSettings(Duration paymentTimeout, Duration depositDeadline, Duration autoConfirmAfter) {

    static final OrderSettings DEFAULTS =
            new OrderSettings(Duration.ofMinutes(30), Duration.ofDays(3), Duration.ofDays(7));

    OrderSettings {
        Objects.requireNonNull(paymentTimeout, "paymentTimeout");
        Objects.requireNonNull(depositDeadline, "depositDeadline");
        Objects.requireNonNull(autoConfirmAfter, "autoConfirmAfter");
        if (paymentTimeout.isNegative() || paymentTimeout.isZero() || depositDeadline.isNegative()
                || depositDeadline.isZero() || autoConfirmAfter.isNegative()) {
            throw new IllegalArgumentException("order deadlines must be positive (auto-confirm may be zero)");
        }
    }
}
