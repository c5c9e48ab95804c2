package io.jangteo.command.order;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.QuotedSellerPart;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a placed order must be: a key the order id is derived from, and a quote whose numbers add up exactly (every
 * line, every seller's part, every total), in one currency, delivered to a usable address and paid in a way that
 * fits. The quote was computed by the query side; checking it here keeps an order whose totals do not add up out of
 * the event store, whoever sent it.
 */
final class OrderRules {

    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_FINGERPRINT_LENGTH = 128;
    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 999;
    /** A trillion minor units: no real order, and far enough below {@code Long.MAX_VALUE} that sums cannot overflow. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    static final int MAX_ADDRESS_TEXT = 100;
    static final int MAX_URL_LENGTH = 2_048;
    static final int MAX_CART_ID_LENGTH = 64;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_KEY_LENGTH + "}");
    /** Short enough that the line's reservation id (the order id, ':' and the line id) stays an id. */
    private static final Pattern LINE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern KOREAN_POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private OrderRules() {
    }

    static String idempotencyKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidIdempotencyKey();
        }
        return key;
    }

    static void assertDerived(OrderId orderId, MemberId buyerId, String key) {
        if (!OrderId.forIdempotencyKey(buyerId, key).equals(orderId)) {
            throw new OrderIdNotDerived();
        }
    }

    static String fingerprint(String fingerprint) {
        if (fingerprint == null || fingerprint.isBlank() || fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
            throw new FingerprintRequired();
        }
        return fingerprint;
    }

    static String cartId(String cartId) {
        if (cartId == null || cartId.isBlank()) {
            return null;
        }
        String stripped = cartId.strip();
        if (stripped.length() > MAX_CART_ID_LENGTH) {
            throw new CartIdTooLong();
        }
        return stripped;
    }

    // ---- the quote

    static void assertQuote(OrderQuote quote) {
        List<QuotedLine> lines = quote.lines();
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new LineCountOutOfRange();
        }
        String currency = currencyOf(lines.get(0));
        Map<SellerId, Long> itemsBySeller = new LinkedHashMap<>();
        Set<String> lineIds = new HashSet<>();
        long itemsTotal = 0;
        long couponTotal = 0;
        long pointsTotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            QuotedLine line = lines.get(i);
            assertLine(line, i, currency, lineIds);
            itemsBySeller.merge(line.sellerId(), line.amount().amount(), Long::sum);
            itemsTotal += line.amount().amount();
            couponTotal += line.couponDiscount().amount();
            pointsTotal += line.points();
        }
        long shippingTotal = assertSellerParts(quote.sellers(), itemsBySeller, currency);
        assertTotal(quote.itemsTotal(), itemsTotal, currency, "itemsTotal");
        assertTotal(quote.couponDiscount(), couponTotal, currency, "couponDiscount");
        if (quote.points() != pointsTotal) {
            throw new AmountsDoNotAddUp(List.of("points"), "The points are not the sum of the lines' points");
        }
        assertTotal(quote.shippingTotal(), shippingTotal, currency, "shippingTotal");
        assertTotal(quote.amountToPay(), itemsTotal - couponTotal + shippingTotal - pointsTotal, currency,
                "amountToPay");
        if (quote.amountToPay().isNegative()) {
            throw new InvalidAmount(List.of("amountToPay"), "The amount to pay cannot be negative");
        }
        if ((couponTotal > 0) != (quote.couponId() != null)) {
            throw new CouponDoesNotMatchDiscount();
        }
    }

    private static String currencyOf(QuotedLine first) {
        if (first == null || first.unitPrice() == null) {
            throw new InvalidAmount(List.of("lines", "0", "unitPrice"), "A unit price is required");
        }
        return first.unitPrice().currency();
    }

    private static void assertLine(QuotedLine line, int index, String currency, Set<String> lineIds) {
        String i = Integer.toString(index);
        if (line == null) {
            throw new LineRequired(index);
        }
        if (line.lineId() == null || !LINE_ID.matcher(line.lineId()).matches()) {
            throw new InvalidLineId(index);
        }
        if (!lineIds.add(line.lineId())) {
            throw new DuplicateLineId(index);
        }
        if (line.productId() == null) {
            throw new LineReferenceMissing(List.of("lines", i, "productId"), "A product is required");
        }
        if (line.variantId() == null) {
            throw new LineReferenceMissing(List.of("lines", i, "variantId"), "A variant is required");
        }
        if (line.sellerId() == null) {
            throw new LineReferenceMissing(List.of("lines", i, "sellerId"), "A seller is required");
        }
        if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
            throw new QuantityOutOfRange(index);
        }
        money(line.unitPrice(), currency, List.of("lines", i, "unitPrice"));
        money(line.amount(), currency, List.of("lines", i, "amount"));
        money(line.couponDiscount(), currency, List.of("lines", i, "couponDiscount"));
        money(line.payAmount(), currency, List.of("lines", i, "payAmount"));
        if (line.points() < 0 || line.points() > MAX_AMOUNT) {
            throw new InvalidAmount(List.of("lines", i, "points"), "Points are zero or more");
        }
        if (line.amount().amount() != line.unitPrice().amount() * line.quantity()) {
            throw new AmountsDoNotAddUp(List.of("lines", i, "amount"),
                    "A line's amount is its unit price times its quantity");
        }
        if (line.payAmount().amount() != line.amount().amount() - line.couponDiscount().amount() - line.points()) {
            throw new AmountsDoNotAddUp(List.of("lines", i, "payAmount"),
                    "A line's pay amount is its amount less its coupon discount and points");
        }
    }

    /** Answers the sum of the parts' shipping fees. */
    private static long assertSellerParts(List<QuotedSellerPart> parts, Map<SellerId, Long> itemsBySeller,
                                          String currency) {
        if (parts == null || parts.isEmpty()) {
            throw new SellerPartsDoNotMatchLines(List.of("sellers"));
        }
        Set<SellerId> seen = new HashSet<>();
        long shippingTotal = 0;
        for (int index = 0; index < parts.size(); index++) {
            String j = Integer.toString(index);
            QuotedSellerPart part = parts.get(index);
            if (part == null || part.sellerId() == null || !itemsBySeller.containsKey(part.sellerId())
                    || !seen.add(part.sellerId())) {
                throw new SellerPartsDoNotMatchLines(List.of("sellers", j, "sellerId"));
            }
            money(part.itemsAmount(), currency, List.of("sellers", j, "itemsAmount"));
            money(part.shippingFee(), currency, List.of("sellers", j, "shippingFee"));
            money(part.returnFee(), currency, List.of("sellers", j, "returnFee"));
            money(part.exchangeFee(), currency, List.of("sellers", j, "exchangeFee"));
            if (part.itemsAmount().amount() != itemsBySeller.get(part.sellerId())) {
                throw new AmountsDoNotAddUp(List.of("sellers", j, "itemsAmount"),
                        "A seller's items amount is the sum of its lines");
            }
            shippingTotal += part.shippingFee().amount();
        }
        if (seen.size() != itemsBySeller.size()) {
            throw new SellerPartsDoNotMatchLines(List.of("sellers"));
        }
        return shippingTotal;
    }

    private static void assertTotal(Money total, long expected, String currency, String field) {
        if (total == null || !total.currency().equals(currency)) {
            throw new InvalidAmount(List.of(field), "The " + field + " is required, in " + currency);
        }
        if (total.amount() != expected) {
            throw new AmountsDoNotAddUp(List.of(field), "The " + field + " does not add up");
        }
    }

    private static void money(Money money, String currency, List<String> field) {
        if (money == null) {
            throw new InvalidAmount(field, "An amount is required");
        }
        if (!money.currency().equals(currency)) {
            throw new InvalidAmount(field, "Every amount of an order is in one currency, " + currency);
        }
        if (money.amount() < 0 || money.amount() > MAX_AMOUNT) {
            throw new InvalidAmount(field, "An amount is zero or more and at most " + MAX_AMOUNT);
        }
    }

    /** The name the provider shows the buyer: the first product, and how many more lines (Korean PGs' "외 N건"). */
    static String orderName(List<QuotedLine> lines) {
        String first = lines.get(0).productName() == null || lines.get(0).productName().isBlank()
                ? "Order" : lines.get(0).productName().strip();
        return lines.size() == 1 ? first : first + " 외 " + (lines.size() - 1) + "건";
    }

    // ---- the address

    static ShippingAddress address(ShippingAddress address) {
        if (address == null) {
            throw new AddressFieldRequired("");
        }
        String recipient = required(address.recipient(), "recipient");
        String phone = required(address.phone(), "phone");
        String address1 = required(address.address1(), "address1");
        String address2 = optional(address.address2(), "address2");
        String memo = optional(address.memo(), "memo");
        String country = address.country() == null ? "" : address.country().strip();
        if (!COUNTRIES.contains(country)) {
            throw new InvalidCountry();
        }
        String postcode = address.postcode() == null ? "" : address.postcode().strip();
        if ("KR".equals(country) && !KOREAN_POSTCODE.matcher(postcode).matches()) {
            throw new InvalidPostcode("A Korean postcode is five digits");
        }
        if (postcode.codePointCount(0, postcode.length()) > MAX_ADDRESS_TEXT) {
            throw new InvalidPostcode("A postcode has at most " + MAX_ADDRESS_TEXT + " characters");
        }
        return new ShippingAddress(recipient, phone, country, postcode.isEmpty() ? null : postcode, address1,
                address2, memo);
    }

    private static String required(String value, String field) {
        String stripped = optional(value, field);
        if (stripped == null) {
            throw new AddressFieldRequired(field);
        }
        return stripped;
    }

    private static String optional(String value, String field) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_ADDRESS_TEXT) {
            throw new AddressFieldTooLong(field);
        }
        return stripped.isEmpty() ? null : stripped;
    }

    // ---- the payment choice

    static PaymentChoice payment(PaymentChoice payment) {
        if (payment == null) {
            throw new PaymentChoiceRequired();
        }
        if (payment.method() == PaymentMethod.BRAND_PAY && payment.storedMethodId() == null) {
            throw new StoredMethodRequired();
        }
        if (payment.method() != PaymentMethod.BRAND_PAY && payment.storedMethodId() != null) {
            throw new StoredMethodNotAllowed();
        }
        return new PaymentChoice(payment.method(), payment.storedMethodId(), returnUrl(payment.returnUrl()));
    }

    private static String returnUrl(String returnUrl) {
        if (returnUrl == null || returnUrl.isBlank()) {
            return null;
        }
        String stripped = returnUrl.strip();
        try {
            URI uri = new URI(stripped);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && stripped.length() <= MAX_URL_LENGTH) {
                return stripped;
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw new InvalidReturnUrl();
    }

    // ---- violations

    static final class InvalidIdempotencyKey extends DomainRuleViolation {
        InvalidIdempotencyKey() {
            super(ErrorCode.INVALID_INPUT, List.of("idempotencyKey"),
                    "An idempotency key is 1 to " + MAX_KEY_LENGTH + " letters, digits, '.', '_', ':' or '-'");
        }
    }

    static final class OrderIdNotDerived extends DomainRuleViolation {
        OrderIdNotDerived() {
            super(ErrorCode.INVALID_INPUT, List.of("orderId"),
                    "The order id is not the one the buyer and idempotency key name");
        }
    }

    static final class FingerprintRequired extends DomainRuleViolation {
        FingerprintRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("requestFingerprint"),
                    "A request fingerprint of 1 to " + MAX_FINGERPRINT_LENGTH + " characters is required");
        }
    }

    static final class IdempotencyKeyReused extends DomainRuleViolation {
        IdempotencyKeyReused() {
            super(ErrorCode.IDEMPOTENCY_KEY_REUSED, List.of("idempotencyKey"),
                    "This idempotency key was used for another order request; use a new key for a new order");
        }
    }

    /** A probe (a placement without a quote) for an order that was never placed. */
    static final class NoSuchOrder extends DomainRuleViolation {
        NoSuchOrder() {
            super(ErrorCode.NOT_FOUND, List.of(), "No order was placed with this idempotency key");
        }
    }

    static final class CartIdTooLong extends DomainRuleViolation {
        CartIdTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("cartId"), "A cart id has at most " + MAX_CART_ID_LENGTH
                    + " characters");
        }
    }

    static final class LineCountOutOfRange extends DomainRuleViolation {
        LineCountOutOfRange() {
            super(ErrorCode.INVALID_INPUT, List.of("lines"), "An order has 1 to " + MAX_LINES + " lines");
        }
    }

    static final class LineRequired extends DomainRuleViolation {
        LineRequired(int index) {
            super(ErrorCode.INVALID_INPUT, List.of("lines", Integer.toString(index)), "A line is required");
        }
    }

    static final class InvalidLineId extends DomainRuleViolation {
        InvalidLineId(int index) {
            super(ErrorCode.INVALID_INPUT, List.of("lines", Integer.toString(index), "lineId"),
                    "A line id is 1 to 32 letters, digits, '_' or '-'");
        }
    }

    static final class DuplicateLineId extends DomainRuleViolation {
        DuplicateLineId(int index) {
            super(ErrorCode.INVALID_INPUT, List.of("lines", Integer.toString(index), "lineId"),
                    "Each line of an order has an id of its own");
        }
    }

    static final class LineReferenceMissing extends DomainRuleViolation {
        LineReferenceMissing(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class QuantityOutOfRange extends DomainRuleViolation {
        QuantityOutOfRange(int index) {
            super(ErrorCode.INVALID_INPUT, List.of("lines", Integer.toString(index), "quantity"),
                    "A quantity is 1 to " + MAX_QUANTITY);
        }
    }

    static final class InvalidAmount extends DomainRuleViolation {
        InvalidAmount(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class AmountsDoNotAddUp extends DomainRuleViolation {
        AmountsDoNotAddUp(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class SellerPartsDoNotMatchLines extends DomainRuleViolation {
        SellerPartsDoNotMatchLines(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "The order has exactly one part for each seller of its lines");
        }
    }

    static final class CouponDoesNotMatchDiscount extends DomainRuleViolation {
        CouponDoesNotMatchDiscount() {
            super(ErrorCode.INVALID_INPUT, List.of("couponId"),
                    "A coupon discount needs its coupon, and a coupon gives a discount");
        }
    }

    static final class AddressFieldRequired extends DomainRuleViolation {
        AddressFieldRequired(String field) {
            super(ErrorCode.INVALID_INPUT, field.isEmpty() ? List.of("shippingAddress")
                    : List.of("shippingAddress", field), field.isEmpty() ? "A shipping address is required"
                    : "The shipping address needs a " + field);
        }
    }

    static final class AddressFieldTooLong extends DomainRuleViolation {
        AddressFieldTooLong(String field) {
            super(ErrorCode.INVALID_INPUT, List.of("shippingAddress", field),
                    "An address field has at most " + MAX_ADDRESS_TEXT + " characters");
        }
    }

    static final class InvalidCountry extends DomainRuleViolation {
        InvalidCountry() {
            super(ErrorCode.INVALID_INPUT, List.of("shippingAddress", "country"),
                    "The country is an ISO 3166-1 alpha-2 code (KR, JP, US...)");
        }
    }

    static final class InvalidPostcode extends DomainRuleViolation {
        InvalidPostcode(String message) {
            super(ErrorCode.INVALID_INPUT, List.of("shippingAddress", "postcode"), message);
        }
    }

    static final class PaymentChoiceRequired extends DomainRuleViolation {
        PaymentChoiceRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("payment"), "A payment method is required");
        }
    }

    static final class StoredMethodRequired extends DomainRuleViolation {
        StoredMethodRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("payment", "storedMethodId"),
                    "Brand pay charges a stored payment method: name it");
        }
    }

    static final class StoredMethodNotAllowed extends DomainRuleViolation {
        StoredMethodNotAllowed() {
            super(ErrorCode.INVALID_INPUT, List.of("payment", "storedMethodId"),
                    "Only brand pay charges a stored payment method");
        }
    }

    static final class UnknownStoredMethod extends DomainRuleViolation {
        UnknownStoredMethod() {
            super(ErrorCode.INVALID_INPUT, List.of("payment", "storedMethodId"),
                    "The buyer has no such stored payment method");
        }
    }

    static final class InvalidReturnUrl extends DomainRuleViolation {
        InvalidReturnUrl() {
            super(ErrorCode.INVALID_INPUT, List.of("payment", "returnUrl"),
                    "A return URL is an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters");
        }
    }
}
