package io.jangteo.graphql.cart;

import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.FeeComponent;

import java.util.List;

/** The schema's {@code CartQuote}: the quote's parts, or (with empty parts and null amounts) the errors. */
record CartQuoteNode(List<Line> lines, List<Seller> sellers, Money itemsTotal, String couponCode,
                     Money couponDiscount, long points, Money shippingTotal, Money amountToPay, String grade,
                     List<UserError> errors) {

    static CartQuoteNode failed(List<UserError> errors) {
        return new CartQuoteNode(List.of(), List.of(), null, null, null, 0, null, null, null, List.copyOf(errors));
    }

    static CartQuoteNode of(OrderQuote quote) {
        return new CartQuoteNode(quote.lines().stream().map(Line::of).toList(),
                quote.sellers().stream().map(Seller::of).toList(), quote.itemsTotal(),
                quote.couponId() == null ? null : quote.couponId().value(), quote.couponDiscount(), quote.points(),
                quote.shippingTotal(), quote.amountToPay(), quote.grade(), List.of());
    }

    /** The schema's {@code CartQuoteLine}. */
    record Line(String productId, String variantId, String sellerId, String productName, List<String> optionValues,
                Money unitPrice, long quantity, Money amount, Money couponDiscount, long points, Money payAmount) {
        static Line of(QuotedLine line) {
            return new Line(line.productId().value(), line.variantId().value(), line.sellerId().value(),
                    line.productName(), line.optionValues(), line.unitPrice(), line.quantity(), line.amount(),
                    line.couponDiscount(), line.points(), line.payAmount());
        }
    }

    /** The schema's {@code CartSellerQuote}. */
    record Seller(String sellerId, String sellerName, int policyVersion, Money itemsAmount, Money shippingFee,
                  List<FeeComponent> breakdown, int shipments) {
        static Seller of(QuotedSellerPart part) {
            return new Seller(part.sellerId().value(), part.sellerName(), part.policyVersion(), part.itemsAmount(),
                    part.shippingFee(), part.shippingBreakdown(), part.shipments());
        }
    }
}
