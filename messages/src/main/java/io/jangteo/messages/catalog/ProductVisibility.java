package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Viewer;

/**
 * Who may see a product: staff everything; a seller everything of its own shop; everyone else only listed products
 * ({@link ProductStatus#isListed()}) of active shops. One rule, used by lists, lookups and counts alike.
 */
public final class ProductVisibility {
    private ProductVisibility() {
    }

    public static boolean isVisible(ProductStatus status, String sellerId, boolean sellerActive, Viewer viewer) {
        if (viewer.seesEverything() || viewer.isSellerOf(sellerId)) {
            return true;
        }
        return status.isListed() && sellerActive;
    }
}
