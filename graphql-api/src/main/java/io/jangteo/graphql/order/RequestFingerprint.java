package io.jangteo.graphql.order;

import io.jangteo.messages.order.OrderLineInput;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.ShippingAddress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of what a buyer asked for with one idempotency key: the lines in their order (or the cart), the address, the
 * coupon code upper-cased, the points and the payment. The Order aggregate compares it with the stored one to tell a
 * retry (same digest) from a reuse of the key for something else. Every value is written with its length, so no two
 * different requests share a canonical form.
 */
final class RequestFingerprint {

    /** Names the canonical form; a new form gets a new version, so old and new digests never compare equal by accident. */
    private static final String VERSION = "order-request/1";

    private RequestFingerprint() {
    }

    static String of(OrderInputs.OrderRequest request) {
        return HexFormat.of().formatHex(sha256(canonical(request)));
    }

    static String canonical(OrderInputs.OrderRequest request) {
        StringBuilder form = new StringBuilder(256).append(VERSION).append('\n');
        if (request.fromCart()) {
            value(form, "cart");
        } else {
            value(form, "lines");
            value(form, String.valueOf(request.lines().size()));
            for (OrderLineInput line : request.lines()) {
                value(form, line.productId().value());
                value(form, line.variantId().value());
                value(form, String.valueOf(line.quantity()));
            }
        }
        ShippingAddress address = request.address();
        value(form, address.recipient());
        value(form, address.phone());
        value(form, address.country());
        value(form, address.postcode());
        value(form, address.address1());
        value(form, address.address2());
        value(form, address.memo());
        value(form, request.couponId() == null ? null : request.couponId().value());
        value(form, String.valueOf(request.points()));
        PaymentChoice payment = request.payment();
        value(form, payment.method().name());
        value(form, payment.storedMethodId() == null ? null : payment.storedMethodId().value());
        value(form, payment.returnUrl());
        return form.toString();
    }

    private static void value(StringBuilder form, String value) {
        if (value == null) {
            form.append("-\n");
        } else {
            form.append(value.length()).append(':').append(value).append('\n');
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
