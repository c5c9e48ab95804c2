package io.jangteo.messages.coupon;

import io.jangteo.messages.shared.Money;
import java.util.Objects;

/** One order line as a coupon sees it: whose, which product and category, and the line's amount before discounts. */
public record CouponLine(String lineId, String productId, String sellerId, String categoryId, Money amount) {
    public CouponLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(amount, "amount");
    }
}
