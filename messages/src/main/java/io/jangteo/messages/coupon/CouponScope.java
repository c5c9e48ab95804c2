package io.jangteo.messages.coupon;

import java.util.List;
import java.util.Objects;

/**
 * Which lines a coupon applies to. {@code ids} are the seller id (one, for {@code SELLER}), product ids or category ids
 * (a category includes its sub-categories only when listed: the scope lists what the issuer chose).
 */
public record CouponScope(CouponScopeKind kind, List<String> ids) {
    public CouponScope {
        Objects.requireNonNull(kind, "kind");
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static CouponScope all() {
        return new CouponScope(CouponScopeKind.ALL, List.of());
    }

    public static CouponScope seller(String sellerId) {
        return new CouponScope(CouponScopeKind.SELLER, List.of(sellerId));
    }

    /** Whether a line of this product, seller and category is discounted. */
    public boolean covers(String productId, String sellerId, String categoryId) {
        return switch (kind) {
            case ALL -> true;
            case SELLER -> ids.contains(sellerId);
            case PRODUCTS -> ids.contains(productId);
            case CATEGORIES -> categoryId != null && ids.contains(categoryId);
        };
    }
}
