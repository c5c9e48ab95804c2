package io.jangteo.messages.catalog;

/**
 * {@code DRAFT} → {@code ON_SALE} ↔ {@code SOLD_OUT} → {@code HIDDEN} → {@code DISCONTINUED}. {@code SOLD_OUT} is set
 * and cleared by the product itself when the available stock of every active variant reaches zero or comes back.
 */
public enum ProductStatus {
    DRAFT, ON_SALE, SOLD_OUT, HIDDEN, DISCONTINUED;

    /** On sale in the customer's sense: listed in the storefront (sold-out products show as 품절). */
    public boolean isListed() {
        return this == ON_SALE || this == SOLD_OUT;
    }
}
