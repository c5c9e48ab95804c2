package io.jangteo.query.checkout;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.ProductVisibility;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantView;
import io.jangteo.messages.coupon.CouponLine;
import io.jangteo.messages.coupon.CouponStatus;
import io.jangteo.messages.coupon.CouponTerms;
import io.jangteo.messages.coupon.CouponView;
import io.jangteo.messages.order.AppliedCoupon;
import io.jangteo.messages.order.InvalidPoints;
import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.OrderPricing;
import io.jangteo.messages.order.OrderQuoteResult;
import io.jangteo.messages.order.PricingLine;
import io.jangteo.messages.order.QuoteOrderQuery;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.messages.shipping.InvalidDestination;
import io.jangteo.messages.shipping.NotShippable;
import io.jangteo.messages.shipping.RemoteAreas;
import io.jangteo.messages.shipping.ShippingFeeCalculator;
import io.jangteo.messages.shipping.ShippingLine;
import io.jangteo.messages.shipping.VersionedPolicy;
import io.jangteo.query.catalog.ProductCatalog;
import io.jangteo.query.coupon.CouponDirectory;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.Sellers;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Prices an order as checkout will charge it: what a customer can buy now at today's prices and stock, each seller's
 * current shipping policy, the coupon as the buyer may use it now and the points they have, through
 * {@link OrderPricing}. Every problem is reported at once, each at its input path, so a checkout page can mark all
 * of them; the quote comes only when there is none.
 * <p>
 * A quote promises nothing: checkout reserves the stock, redeems the coupon and spends the points, and refuses what
 * changed in between.
 */
@Component
class OrderQuoteHandler {

    static final int MAX_LINES = 50;
    static final long MAX_QUANTITY = 999;
    private static final Viewer CUSTOMER = Viewer.anonymous();
    private static final List<String> COUPON = List.of("couponCode");
    private static final List<String> POINTS = List.of("points");

    private final ProductCatalog catalog;
    private final SellerDirectory sellers;
    private final CouponDirectory coupons;
    private final BuyerAccounts buyers;
    private final RemoteAreas remoteAreas;
    private final Supplier<Instant> now;

    @Autowired
    OrderQuoteHandler(ProductCatalog catalog, SellerDirectory sellers, CouponDirectory coupons,
                      MongoDatabase database, RemoteAreas remoteAreas, ObjectProvider<Clock> clock) {
        // the application's clock if it has one, else the one aggregates read, so the coupon aggregate and the quote
        // agree on whether a coupon is valid now
        this(catalog, sellers, coupons, database, remoteAreas,
                () -> clock.getIfAvailable(() -> GenericEventMessage.clock).instant());
    }

    OrderQuoteHandler(ProductCatalog catalog, SellerDirectory sellers, CouponDirectory coupons,
                      MongoDatabase database, RemoteAreas remoteAreas, Supplier<Instant> now) {
        this.catalog = catalog;
        this.sellers = sellers;
        this.coupons = coupons;
        this.buyers = new BuyerAccounts(database);
        this.remoteAreas = remoteAreas;
        this.now = now;
    }

    @QueryHandler
    OrderQuoteResult quote(QuoteOrderQuery query) {
        List<RuleViolation> errors = new ArrayList<>();
        Sellers directory = sellers.current();
        Resolved resolved = new Resolved();
        if (query.lines().isEmpty()) {
            errors.add(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("lines"), "Add at least one item"));
        } else if (query.lines().size() > MAX_LINES) {
            errors.add(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("lines"),
                    "At most " + MAX_LINES + " lines fit in one order, got " + query.lines().size()));
        } else {
            resolved = resolve(query.lines(), directory, errors);
        }
        Map<SellerId, VersionedPolicy> policies = policies(resolved.lines, directory);
        checkShipping(resolved.lines, query, policies, errors);
        BuyerAccounts.Buyer buyer = query.buyerId() == null ? null : buyers.find(query.buyerId());
        AppliedCoupon coupon = query.couponId() == null ? null : coupon(query, buyer, resolved, errors);
        checkPoints(query, buyer, resolved, coupon, errors);
        if (!errors.isEmpty()) {
            return failed(errors);
        }
        try {
            return new OrderQuoteResult(OrderPricing.quote(resolved.lines, policies, remoteAreas,
                    query.destination(), coupon, query.points(), buyer == null ? null : buyer.grade()), List.of());
        } catch (NotShippable e) {
            return failed(List.of(e.violation()));
        } catch (InvalidDestination e) {
            return failed(List.of(e.violation()));
        } catch (InvalidPoints e) {
            return failed(List.of(e.violation()));
        }
    }

    /** The lines that can be priced; {@code complete} when that is every line asked for. */
    private static final class Resolved {
        final List<PricingLine> lines = new ArrayList<>();
        boolean complete;
    }

    private Resolved resolve(List<OrderLineInput> inputs, Sellers directory, List<RuleViolation> errors) {
        Set<String> productIds = new LinkedHashSet<>();
        for (OrderLineInput input : inputs) {
            productIds.add(input.productId().value());
        }
        Map<String, ProductView> products = catalog.findByIds(productIds);
        Map<String, Integer> seen = new HashMap<>();
        Resolved resolved = new Resolved();
        String currency = null;
        for (int i = 0; i < inputs.size(); i++) {
            OrderLineInput input = inputs.get(i);
            String at = Integer.toString(i);
            int errorsBefore = errors.size();
            boolean quantityValid = input.quantity() >= 1 && input.quantity() <= MAX_QUANTITY;
            if (!quantityValid) {
                errors.add(violation(ErrorCode.INVALID_INPUT, at, "quantity",
                        "Quantity must be 1 to " + MAX_QUANTITY + ", was " + input.quantity()));
            }
            Integer earlier = seen.putIfAbsent(input.productId().value() + "\n" + input.variantId().value(), i);
            if (earlier != null) {
                errors.add(violation(ErrorCode.INVALID_INPUT, at, "variantId",
                        "Already on line " + (earlier + 1) + "; change its quantity instead"));
                continue;
            }
            ProductView product = products.get(input.productId().value());
            // a product customers cannot see does not exist for them: the answer must not reveal drafts or hidden ones
            if (product == null || !ProductVisibility.isVisible(product.status(), product.sellerId(),
                    product.sellerActive(), CUSTOMER)) {
                errors.add(violation(ErrorCode.NOT_FOUND, at, "productId",
                        "No such product on sale: " + input.productId().value()));
                continue;
            }
            VariantView variant = product.variants().stream()
                    .filter(v -> v.variantId().equals(input.variantId().value())).findFirst().orElse(null);
            if (variant == null) {
                errors.add(violation(ErrorCode.NOT_FOUND, at, "variantId",
                        "The product has no variant " + input.variantId().value()));
                continue;
            }
            if (variant.status() != VariantStatus.ACTIVE) {
                errors.add(violation(ErrorCode.INVALID_STATE, at, "variantId", "This option is not sold any more"));
                continue;
            }
            if (currency == null) {
                currency = variant.price().currency();
            } else if (!currency.equals(variant.price().currency())) {
                errors.add(violation(ErrorCode.INVALID_INPUT, at, "variantId", "Priced in "
                        + variant.price().currency() + "; an order is paid in one currency, here " + currency));
            }
            // a line short of stock can still be priced, so the coupon and points are judged on the whole order
            boolean priceable = errors.size() == errorsBefore;
            if (quantityValid && input.quantity() > variant.available()) {
                errors.add(violation(ErrorCode.OUT_OF_STOCK, at, "quantity", variant.available() == 0
                        ? "Sold out" : "Only " + variant.available() + " left"));
            }
            if (priceable) {
                String sellerName = directory.find(product.sellerId()).map(SellerView::shopName).orElse(null);
                resolved.lines.add(new PricingLine(input.productId(), input.variantId(), SellerId.of(product.sellerId()),
                        sellerName, product.name(), variant.sku(), variant.optionValues(), product.categoryId(),
                        variant.weightGrams(), variant.price(), input.quantity()));
            }
        }
        resolved.complete = resolved.lines.size() == inputs.size();
        return resolved;
    }

    private static Map<SellerId, VersionedPolicy> policies(List<PricingLine> lines, Sellers directory) {
        Map<SellerId, VersionedPolicy> policies = new LinkedHashMap<>();
        for (PricingLine line : lines) {
            directory.find(line.sellerId().value())
                    .filter(seller -> seller.shippingPolicy() != null)
                    .ifPresent(seller -> policies.put(line.sellerId(),
                            new VersionedPolicy(seller.shippingPolicyVersion(), seller.shippingPolicy())));
        }
        return policies;
    }

    /** The destination is checked on the lines that could be priced, or on its own when none could. */
    private void checkShipping(List<PricingLine> lines, QuoteOrderQuery query,
                               Map<SellerId, VersionedPolicy> policies, List<RuleViolation> errors) {
        List<ShippingLine> shippingLines = new ArrayList<>(lines.size());
        for (PricingLine line : lines) {
            shippingLines.add(new ShippingLine(line.sellerId(),
                    Math.multiplyExact(line.unitWeightGrams(), line.quantity()),
                    Money.of(Math.multiplyExact(line.unitPrice().amount(), line.quantity()),
                            line.unitPrice().currency())));
        }
        try {
            ShippingFeeCalculator.quote(shippingLines, query.destination(), policies, remoteAreas);
        } catch (NotShippable e) {
            errors.add(e.violation());
        } catch (InvalidDestination e) {
            errors.add(e.violation());
        } catch (IllegalArgumentException e) {
            // a shop whose policy is in another currency than its prices cannot charge for shipping
            errors.add(new RuleViolation(ErrorCode.NOT_SHIPPABLE, List.of("destination"), e.getMessage()));
        }
    }

    /**
     * The coupon as the buyer may use it on these lines, or null with the reason why not added to {@code errors}; a
     * coupon that does not apply takes nothing off, so the points' limit is judged without it.
     */
    private AppliedCoupon coupon(QuoteOrderQuery query, BuyerAccounts.Buyer buyer, Resolved resolved,
                                 List<RuleViolation> errors) {
        if (buyer == null) {
            errors.add(new RuleViolation(ErrorCode.INVALID_INPUT, COUPON, "Sign in to use a coupon"));
            return null;
        }
        String code = query.couponId().value();
        CouponView view = coupons.find(query.couponId()).orElse(null);
        if (view == null) {
            return notApplicable(errors, "There is no coupon " + code);
        }
        CouponTerms terms = view.terms();
        if (view.status() == CouponStatus.WITHDRAWN) {
            return notApplicable(errors, "Coupon " + code + " was withdrawn");
        }
        Instant at = now.get();
        if (at.isBefore(terms.validFrom())) {
            return notApplicable(errors, "Coupon " + code + " is valid from " + terms.validFrom());
        }
        if (!terms.validAt(at)) {
            return notApplicable(errors, "Coupon " + code + " expired at " + terms.validUntil());
        }
        long uses = coupons.activeUses(query.couponId(), query.buyerId());
        if (uses >= terms.perMemberLimit()) {
            return notApplicable(errors, "Coupon " + code + " is in use on " + uses + (uses == 1 ? " order" : " orders")
                    + " of yours already, as many as it allows");
        }
        AppliedCoupon coupon = new AppliedCoupon(query.couponId(), terms);
        if (!resolved.complete) {
            return coupon; // what it gives depends on lines that have problems of their own
        }
        String currency = resolved.lines.get(0).unitPrice().currency();
        if (!coupon.isIn(currency)) {
            return notApplicable(errors, "Coupon " + code + " is not for orders in " + currency);
        }
        List<CouponLine> couponLines = OrderPricing.couponLines(resolved.lines);
        if (terms.discountFor(couponLines) > 0) {
            return coupon;
        }
        long eligible = terms.eligibleAmount(couponLines);
        if (eligible == 0) {
            return notApplicable(errors, "Coupon " + code + " applies to none of these items");
        }
        if (terms.minimumOrder() != null && eligible < terms.minimumOrder().amount()) {
            return notApplicable(errors, "Coupon " + code + " needs a minimum order of "
                    + amount(terms.minimumOrder()) + "; the items it applies to come to "
                    + amount(Money.of(eligible, currency)));
        }
        return notApplicable(errors, "Coupon " + code + " gives no discount on these items");
    }

    private static void checkPoints(QuoteOrderQuery query, BuyerAccounts.Buyer buyer, Resolved resolved,
                                    AppliedCoupon coupon, List<RuleViolation> errors) {
        long points = query.points();
        if (points < 0) {
            errors.add(InvalidPoints.negative(points).violation());
            return;
        }
        if (points == 0) {
            return;
        }
        if (buyer == null) {
            errors.add(new RuleViolation(ErrorCode.INVALID_INPUT, POINTS, "Sign in to use points"));
            return;
        }
        if (points > buyer.pointsAvailable()) {
            errors.add(new RuleViolation(ErrorCode.INSUFFICIENT_POINTS, POINTS,
                    "Only " + buyer.pointsAvailable() + " points are available"));
            return;
        }
        if (resolved.complete) {
            long maximum = OrderPricing.maxPoints(resolved.lines, coupon);
            if (points > maximum) {
                errors.add(InvalidPoints.overOrder(points, maximum).violation());
            }
        }
    }

    private static AppliedCoupon notApplicable(List<RuleViolation> errors, String message) {
        errors.add(new RuleViolation(ErrorCode.COUPON_NOT_APPLICABLE, COUPON, message));
        return null;
    }

    private static RuleViolation violation(ErrorCode code, String index, String field, String message) {
        return new RuleViolation(code, List.of("lines", index, field), message);
    }

    /** "30,000 KRW": as the buyer reads an amount. */
    private static String amount(Money money) {
        return String.format(Locale.ROOT, "%,d %s", money.amount(), money.currency());
    }

    private static OrderQuoteResult failed(List<RuleViolation> errors) {
        return new OrderQuoteResult(null, errors);
    }
}
