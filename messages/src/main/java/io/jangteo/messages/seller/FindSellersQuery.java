package io.jangteo.messages.seller;

/**
 * Sellers in registration order, optionally only those in {@code status} (e.g. admins reviewing {@code PENDING}
 * shops). Answers a {@link SellerPage}; {@code after} is a cursor a previous page handed out.
 */
public record FindSellersQuery(SellerStatus status, int first, String after) {
    public static final int MAX_PAGE_SIZE = 100;

    public FindSellersQuery {
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
    }
}
