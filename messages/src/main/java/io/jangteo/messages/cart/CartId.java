package io.jangteo.messages.cart;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.shared.Ids;

/**
 * Opaque identifier of a cart: {@code cart-<memberId>} for a member's one cart, {@code gcart-<token>} for a guest's,
 * where the token (known only to the guest's browser) is what lets a guest use it.
 */
public record CartId(String value) {
    private static final java.util.regex.Pattern GUEST_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22,43}");

    public CartId {
        Ids.checked(value, "cartId");
    }

    public static CartId of(String value) {
        return new CartId(value);
    }

    public static CartId ofMember(MemberId memberId) {
        return new CartId("cart-" + memberId.value());
    }

    /** A guest's cart by its token; a malformed token is refused here so it never reaches a query or command. */
    public static CartId ofGuest(String token) {
        if (token == null || !GUEST_TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("a guest cart token is 22 to 43 URL-safe characters");
        }
        return new CartId("gcart-" + token);
    }

    /** A fresh guest token: 128 random bits, URL-safe. */
    public static String newGuestToken() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public boolean isGuest() {
        return value.startsWith("gcart-");
    }

    @Override
    public String toString() {
        return value;
    }
}
