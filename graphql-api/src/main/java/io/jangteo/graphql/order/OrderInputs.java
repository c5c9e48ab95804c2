package io.jangteo.graphql.order;

import io.jangteo.graphql.support.InvalidInput;
import io.jangteo.graphql.support.Inputs;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shipping.Destination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The order API's input types and their translation into message values. Malformed values are refused here with
 * {@link InvalidInput} at their input path, before anything is sent; every business rule stays with the quote and the
 * Order aggregate.
 */
final class OrderInputs {

    /** The Order aggregate's rule for idempotency keys, checked early so that no malformed key is ever hashed. */
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private OrderInputs() {
    }

    record LineInput(String productId, String variantId, Integer quantity) {
    }

    record DestinationInput(String country, String postcode) {
    }

    record ShippingAddressInput(String recipient, String phone, String country, String postcode, String address1,
                                String address2, String memo) {
    }

    record PaymentInput(PaymentMethod method, String storedMethodId, String returnUrl) {
    }

    record QuoteOrderInput(List<LineInput> lines, Boolean fromCart, DestinationInput destination, String couponCode,
                           Long points) {
    }

    record PlaceOrderInput(String idempotencyKey, List<LineInput> lines, Boolean fromCart,
                           ShippingAddressInput shippingAddress, String couponCode, Long points, PaymentInput payment) {
    }

    record ApprovePaymentInput(String orderId, String approvalToken) {
    }

    record CancelOrderInput(String orderId, List<String> lineIds, String reason) {
    }

    record SellerPartInput(String orderId, String sellerId) {
    }

    record ShipOrderInput(String orderId, String sellerId, String carrier, String trackingNumber) {
    }

    record RequestClaimInput(String orderId, List<String> lineIds, ReturnReason reason, String detail) {
    }

    record ReturnInput(String orderId, String returnId) {
    }

    record RejectReturnInput(String orderId, String returnId, String reason) {
    }

    record ExchangeInput(String orderId, String exchangeId) {
    }

    record RejectExchangeInput(String orderId, String exchangeId, String reason) {
    }

    record ShipExchangeInput(String orderId, String exchangeId, String carrier, String trackingNumber) {
    }

    /**
     * What the buyer asked for, in message values. {@code lines} is null when the lines come from the cart: what the
     * cart holds changes (an order takes its items out), so the request is the cart, not its contents.
     */
    record OrderRequest(String idempotencyKey, List<OrderLineInput> lines, boolean fromCart, ShippingAddress address,
                        CouponId couponId, long points, PaymentChoice payment) {
    }

    /** Lines of the request, or from the cart; not both, not neither. */
    static boolean fromCart(List<LineInput> lines, Boolean fromCart) {
        boolean cart = Boolean.TRUE.equals(fromCart);
        if (cart && lines != null && !lines.isEmpty()) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "fromCart"),
                    "Give the lines or fromCart, not both");
        }
        if (!cart && lines == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "lines"),
                    "Give the lines to order, or fromCart: true");
        }
        return cart;
    }

    static OrderRequest placeOrder(PlaceOrderInput input) {
        String key = input.idempotencyKey();
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "idempotencyKey"),
                    "An idempotency key is 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        boolean cart = fromCart(input.lines(), input.fromCart());
        return new OrderRequest(key, cart ? null : lines(input.lines()), cart, address(input.shippingAddress()),
                couponId(input.couponCode()), input.points() == null ? 0 : input.points(),
                payment(input.payment()));
    }

    static List<OrderLineInput> lines(List<LineInput> inputs) {
        List<OrderLineInput> lines = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            LineInput line = inputs.get(i);
            String index = String.valueOf(i);
            ProductId productId = Inputs.id(line.productId(), ProductId::of, "product", "lines", index, "productId");
            if (productId == null) {
                throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "lines", index, "productId"),
                        "Name the product");
            }
            VariantId variantId = line.variantId() == null ? VariantId.DEFAULT
                    : Inputs.id(line.variantId(), VariantId::of, "variant", "lines", index, "variantId");
            // the quote and the order judge the range; a missing quantity is nothing to judge
            lines.add(new OrderLineInput(productId, variantId, line.quantity() == null ? 0 : line.quantity()));
        }
        return lines;
    }

    static ShippingAddress address(ShippingAddressInput input) {
        if (input == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "shippingAddress"),
                    "Give the shipping address");
        }
        return new ShippingAddress(stripped(input.recipient()), stripped(input.phone()), country(input.country()),
                stripped(input.postcode()), stripped(input.address1()), stripped(input.address2()),
                stripped(input.memo()));
    }

    static Destination destination(DestinationInput input) {
        if (input == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "destination"), "Give the destination");
        }
        return new Destination(country(input.country()), stripped(input.postcode()));
    }

    /** A code that cannot be one names no coupon: the same answer the quote gives for an unknown code. */
    static CouponId couponId(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return CouponId.of(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(ErrorCode.COUPON_NOT_APPLICABLE, List.of("input", "couponCode"),
                    "No coupon has the code '" + code.strip() + "'");
        }
    }

    static PaymentChoice payment(PaymentInput input) {
        if (input == null || input.method() == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "payment", "method"),
                    "Choose how to pay");
        }
        PaymentMethodId stored;
        try {
            stored = input.storedMethodId() == null ? null : PaymentMethodId.of(input.storedMethodId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "payment", "storedMethodId"),
                    "No such stored payment method");
        }
        return new PaymentChoice(input.method(), stored, stripped(input.returnUrl()));
    }

    static OrderId orderId(String raw) {
        if (raw == null) {
            throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "orderId"), "Name the order");
        }
        return Inputs.id(raw, OrderId::of, "order", "orderId");
    }

    /** The part a mutation addresses: the one named, or the acting seller's own. */
    static SellerId sellerId(String raw, String actingSellerId) {
        if (raw != null) {
            return Inputs.id(raw, SellerId::of, "seller", "sellerId");
        }
        if (actingSellerId != null) {
            return SellerId.of(actingSellerId);
        }
        throw new InvalidInput(ErrorCode.INVALID_INPUT, List.of("input", "sellerId"), "Name the seller's part");
    }

    private static String country(String raw) {
        String country = stripped(raw);
        return country == null || country.isEmpty() ? "KR" : country.toUpperCase(Locale.ROOT);
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
