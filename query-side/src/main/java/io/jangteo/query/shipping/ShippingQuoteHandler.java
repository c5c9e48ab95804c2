package io.jangteo.query.shipping;

import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.ProductVisibility;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerView;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.RuleViolation;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.messages.shipping.InvalidDestination;
import io.jangteo.messages.shipping.NotShippable;
import io.jangteo.messages.shipping.QuoteShippingQuery;
import io.jangteo.messages.shipping.RemoteAreas;
import io.jangteo.messages.shipping.ShippingFeeCalculator;
import io.jangteo.messages.shipping.ShippingLine;
import io.jangteo.messages.shipping.ShippingQuoteResult;
import io.jangteo.messages.shipping.VersionedPolicy;
import io.jangteo.query.catalog.ProductCatalog;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.Sellers;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quotes shipping for a cart as the storefront shows it: only what a customer could buy counts, at today's prices and
 * each seller's current policy, through the same calculator orders use. Every problem with the items is reported at
 * once, each at its input path, so a cart page can mark all the lines at fault.
 */
@Component
class ShippingQuoteHandler {

    private static final Viewer CUSTOMER = Viewer.anonymous();

    private final ProductCatalog catalog;
    private final SellerDirectory sellers;
    private final RemoteAreas remoteAreas;

    ShippingQuoteHandler(ProductCatalog catalog, SellerDirectory sellers, RemoteAreas remoteAreas) {
        this.catalog = catalog;
        this.sellers = sellers;
        this.remoteAreas = remoteAreas;
    }

    @QueryHandler
    ShippingQuoteResult quote(QuoteShippingQuery query) {
        if (query.items().isEmpty()) {
            return failed(List.of(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("items"), "Nothing to quote")));
        }
        Set<String> productIds = new LinkedHashSet<>();
        for (QuoteShippingQuery.Item item : query.items()) {
            if (item != null && item.productId() != null) {
                productIds.add(item.productId().value());
            }
        }
        Map<String, ProductView> products = catalog.findByIds(productIds);
        Sellers directory = sellers.current();
        List<RuleViolation> errors = new ArrayList<>();
        List<ShippingLine> lines = new ArrayList<>();
        for (int i = 0; i < query.items().size(); i++) {
            ShippingLine line = line(query.items().get(i), i, products, errors);
            if (line != null) {
                lines.add(line);
            }
        }
        if (!errors.isEmpty()) {
            return failed(errors);
        }
        Map<SellerId, VersionedPolicy> policies = new LinkedHashMap<>();
        for (ShippingLine line : lines) {
            directory.find(line.sellerId().value())
                    .filter(seller -> seller.shippingPolicy() != null)
                    .ifPresent(seller -> policies.put(line.sellerId(), policy(seller)));
        }
        try {
            return new ShippingQuoteResult(
                    ShippingFeeCalculator.quote(lines, query.destination(), policies, remoteAreas), List.of());
        } catch (NotShippable e) {
            return failed(List.of(e.violation()));
        } catch (InvalidDestination e) {
            return failed(List.of(e.violation()));
        }
    }

    private static ShippingLine line(QuoteShippingQuery.Item item, int index, Map<String, ProductView> products,
                                     List<RuleViolation> errors) {
        String at = Integer.toString(index);
        if (item == null || item.productId() == null) {
            errors.add(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("items", at, "productId"),
                    "Name a product"));
            return null;
        }
        if (item.quantity() < 1) {
            errors.add(new RuleViolation(ErrorCode.INVALID_INPUT, List.of("items", at, "quantity"),
                    "Quantity must be at least 1"));
        }
        ProductView product = products.get(item.productId().value());
        // a product customers cannot see does not exist for them: the answer must not reveal drafts or hidden ones
        if (product == null || !ProductVisibility.isVisible(product.status(), product.sellerId(),
                product.sellerActive(), CUSTOMER)) {
            errors.add(new RuleViolation(ErrorCode.NOT_FOUND, List.of("items", at, "productId"),
                    "No such product on sale: " + item.productId().value()));
            return null;
        }
        VariantView variant = product.variants().stream()
                .filter(v -> v.variantId().equals(item.variantId())).findFirst().orElse(null);
        if (variant == null) {
            errors.add(new RuleViolation(ErrorCode.NOT_FOUND, List.of("items", at, "variantId"),
                    "The product has no variant " + item.variantId()));
            return null;
        }
        if (variant.status() != VariantStatus.ACTIVE) {
            errors.add(new RuleViolation(ErrorCode.INVALID_STATE, List.of("items", at, "variantId"),
                    "This option is not sold any more"));
            return null;
        }
        if (item.quantity() < 1) {
            return null;
        }
        Money price = variant.price();
        return new ShippingLine(SellerId.of(product.sellerId()),
                Math.multiplyExact(variant.weightGrams(), (long) item.quantity()),
                new Money(Math.multiplyExact(price.amount(), (long) item.quantity()), price.currency()));
    }

    private static VersionedPolicy policy(SellerView seller) {
        return new VersionedPolicy(seller.shippingPolicyVersion(), seller.shippingPolicy());
    }

    private static ShippingQuoteResult failed(List<RuleViolation> errors) {
        return new ShippingQuoteResult(null, errors);
    }
}
