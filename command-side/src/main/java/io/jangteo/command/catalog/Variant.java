package io.jangteo.command.catalog;

import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.shared.Money;

import java.util.List;
import java.util.Objects;

/** A variant as the product holds it: what the events said about it, and its stock levels. */
final class Variant {

    final VariantId variantId;
    final List<String> optionValues;
    String sku;
    Money priceDelta;
    long weightGrams;
    VariantStatus status;
    long onHand;
    long reserved;

    Variant(ProductVariant variant) {
        variantId = variant.variantId();
        optionValues = variant.optionValues();
        sku = variant.sku();
        priceDelta = variant.priceDelta();
        weightGrams = variant.weightGrams();
        status = variant.status();
    }

    long available() {
        return onHand - reserved;
    }

    boolean isActive() {
        return status == VariantStatus.ACTIVE;
    }

    // by value: Axon's test fixture compares the state a command left with the state its events rebuild
    @Override
    public boolean equals(Object other) {
        return other instanceof Variant that
                && variantId.equals(that.variantId) && optionValues.equals(that.optionValues)
                && Objects.equals(sku, that.sku) && priceDelta.equals(that.priceDelta)
                && weightGrams == that.weightGrams && status == that.status
                && onHand == that.onHand && reserved == that.reserved;
    }

    @Override
    public int hashCode() {
        return variantId.hashCode();
    }

    @Override
    public String toString() {
        return variantId + optionValues.toString() + " " + status + " onHand=" + onHand + " reserved=" + reserved;
    }
}
