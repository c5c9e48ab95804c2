package io.jangteo.graphql.cart;

import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.cart.CartView;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.OrderQuoteResult;
import io.jangteo.messages.order.QuoteOrderQuery;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shipping.Destination;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prices a cart's purchasable lines with the query side's order quote, the one checkout verifies against, so the cart
 * shows what an order would cost. Lines that cannot be bought now are left out rather than failing the whole quote:
 * the cart marks them already. The quote names its lines by position in what it was asked; the errors here name the
 * cart's items instead ({@code ["items", "3", ...]}), and this field's arguments.
 */
@Component
class CartQuotes {

    private final QueryGateway queryGateway;

    CartQuotes(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The schema's {@code DestinationInput}. */
    record DestinationInput(String country, String postcode) {
    }

    /** The query, and for each of its lines the index of the cart item it prices. */
    record Prepared(QuoteOrderQuery query, List<Integer> itemIndexes) {
    }

    Mono<CartQuoteNode> quote(CartView cart, List<CartItemNode> items, DestinationInput destination,
                              String couponCode, Long points) {
        Prepared prepared;
        try {
            prepared = prepare(cart, items, destination, couponCode, points);
        } catch (Refused refused) {
            return Mono.just(CartQuoteNode.failed(List.of(refused.error)));
        }
        return Mono.fromFuture(() -> queryGateway.query(prepared.query(), OrderQuoteResult.class))
                .map(result -> node(result, prepared.itemIndexes()));
    }

    static Prepared prepare(CartView cart, List<CartItemNode> items, DestinationInput destination, String couponCode,
                            Long points) {
        long spend = points == null ? 0 : points;
        if (spend < 0) {
            throw new Refused(ErrorCode.INVALID_INPUT, List.of("points"), "Points cannot be negative");
        }
        if (spend > 0 && cart.memberId() == null) {
            throw new Refused(ErrorCode.INVALID_INPUT, List.of("points"), "Sign in to spend points");
        }
        CouponId couponId = null;
        if (couponCode != null && !couponCode.isBlank()) {
            try {
                couponId = CouponId.of(couponCode);
            } catch (IllegalArgumentException e) {
                throw new Refused(ErrorCode.NOT_FOUND, List.of("couponCode"), "No such coupon");
            }
        }
        List<OrderLineInput> lines = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CartItemNode item = items.get(i);
            if (item.purchasable()) {
                lines.add(new OrderLineInput(ProductId.of(item.productId()), VariantId.of(item.variantId()),
                        item.quantity()));
                indexes.add(i);
            }
        }
        if (items.isEmpty()) {
            throw new Refused(ErrorCode.INVALID_INPUT, List.of("items"), "The cart is empty");
        }
        if (lines.isEmpty()) {
            throw new Refused(ErrorCode.INVALID_STATE, List.of("items"), "Nothing in the cart can be bought now");
        }
        return new Prepared(new QuoteOrderQuery(cart.memberId(), lines, destination(destination), couponId, spend),
                List.copyOf(indexes));
    }

    static CartQuoteNode node(OrderQuoteResult result, List<Integer> itemIndexes) {
        if (result.quote() == null || !result.errors().isEmpty()) {
            List<UserError> errors = new ArrayList<>();
            for (RuleViolation violation : result.errors()) {
                errors.add(new UserError(violation.code(), field(violation.field(), itemIndexes),
                        violation.message()));
            }
            if (errors.isEmpty()) {
                errors.add(new UserError(ErrorCode.INVALID_STATE, List.of(), "The cart could not be priced"));
            }
            return CartQuoteNode.failed(errors);
        }
        return CartQuoteNode.of(result.quote());
    }

    /** A quote's field path in terms of the cart: its n-th line is the cart item it was made from. */
    static List<String> field(List<String> field, List<Integer> itemIndexes) {
        if (field.isEmpty()) {
            return field;
        }
        List<String> path = new ArrayList<>(field);
        switch (field.get(0)) {
            case "lines" -> {
                path.set(0, "items");
                if (field.size() > 1) {
                    path.set(1, itemIndex(field.get(1), itemIndexes));
                }
            }
            case "couponId" -> path.set(0, "couponCode");
            default -> {
                // destination, points and couponCode are this field's arguments already
            }
        }
        return List.copyOf(path);
    }

    private static String itemIndex(String lineIndex, List<Integer> itemIndexes) {
        try {
            int line = Integer.parseInt(lineIndex);
            return line >= 0 && line < itemIndexes.size() ? String.valueOf(itemIndexes.get(line)) : lineIndex;
        } catch (NumberFormatException notAnIndex) {
            return lineIndex;
        }
    }

    private static Destination destination(DestinationInput input) {
        String country = input == null || input.country() == null ? "" : input.country().strip();
        if (country.isEmpty()) {
            throw new Refused(ErrorCode.INVALID_INPUT, List.of("destination", "country"), "Give the country");
        }
        String postcode = input.postcode() == null || input.postcode().isBlank() ? null : input.postcode().strip();
        return new Destination(country.toUpperCase(Locale.ROOT), postcode);
    }

    /** An argument the quote is not even asked with. */
    static final class Refused extends RuntimeException {
        private final transient UserError error;

        Refused(ErrorCode code, List<String> field, String message) {
            super(message, null, false, false);
            this.error = new UserError(code, field, message);
        }

        UserError error() {
            return error;
        }
    }
}
