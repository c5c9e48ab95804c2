package io.jangteo.messages.catalog;

/** A variant's own status: an inactive variant cannot be bought and does not count towards the product's stock. */
public enum VariantStatus {
    ACTIVE, INACTIVE
}
