package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/** Which status allows what. A discontinued product is history: only the tail of earlier checkouts may touch it. */
final class ProductLifecycle {

    private ProductLifecycle() {
    }

    static void assertNotDiscontinued(ProductStatus status) {
        if (status == ProductStatus.DISCONTINUED) {
            throw new ProductIsDiscontinued();
        }
    }

    static void assertMayBeHidden(ProductStatus status) {
        if (status == ProductStatus.DRAFT) {
            throw new DraftCannotBeHidden();
        }
    }

    static void assertOnSale(ProductStatus status) {
        if (!status.isListed()) {
            throw new ProductNotOnSale();
        }
    }

    static final class ProductIsDiscontinued extends DomainRuleViolation {
        ProductIsDiscontinued() {
            super(ErrorCode.INVALID_STATE, List.of(), "The product is discontinued and can no longer change");
        }
    }

    static final class DraftCannotBeHidden extends DomainRuleViolation {
        DraftCannotBeHidden() {
            super(ErrorCode.INVALID_STATE, List.of(), "A draft is not listed, so there is nothing to hide; publish it first");
        }
    }

    static final class ProductNotOnSale extends DomainRuleViolation {
        ProductNotOnSale() {
            super(ErrorCode.INVALID_STATE, List.of(), "The product is not on sale");
        }
    }

    static final class UnknownVariant extends DomainRuleViolation {
        UnknownVariant(VariantId variantId) {
            super(ErrorCode.NOT_FOUND, List.of("variantId"), "No variant " + variantId + " on this product");
        }
    }
}
