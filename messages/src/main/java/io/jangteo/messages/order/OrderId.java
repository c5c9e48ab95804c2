package io.jangteo.messages.order;

import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Opaque identifier of an order. Checkout derives it from the buyer and their idempotency key, so a retried
 * {@code placeOrder} addresses the same order and can never create a second one.
 */
public record OrderId(String value) {
    public OrderId {
        Ids.checked(value, "orderId");
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    /** {@code ord-} and 24 hex digits of SHA-256(buyer, key): the same buyer and key always name the same order. */
    public static OrderId forIdempotencyKey(MemberId buyer, String idempotencyKey) {
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((buyer.value() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return new OrderId("ord-" + HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The stock reservation checkout makes for one line: releasing or committing it again changes nothing. */
    public ReservationId reservationId(String lineId) {
        return ReservationId.of(value + ":" + lineId);
    }

    /** The points spending checkout makes for this order; refunds of the order's lines name it. */
    public PointsEntryId pointsSpendId() {
        return PointsEntryId.of("spend-" + value);
    }

    @Override
    public String toString() {
        return value;
    }
}
