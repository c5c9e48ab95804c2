package io.jangteo.command.checkout;

import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.shared.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reason a rejected order gives, for the buyer and for support: what went wrong, grouped by kind, naming the lines
 * as the buyer knows them ("Out of stock: line 2 (SKU KIM-1KG), line 3 (Jeju tangerines 5kg)").
 */
final class RejectionReason {

    private RejectionReason() {
    }

    static String of(OrderQuote quote, List<LineRejection> rejections) {
        Map<ErrorCode, List<String>> byCode = new LinkedHashMap<>();
        for (LineRejection rejection : rejections) {
            byCode.computeIfAbsent(rejection.code(), code -> new ArrayList<>())
                    .add(rejection.lineId() == null ? rejection.message() : line(quote, rejection.lineId()));
        }
        List<String> parts = new ArrayList<>();
        byCode.forEach((code, what) -> parts.add(label(code) + ": " + String.join(", ", what)));
        return String.join("; ", parts);
    }

    private static String line(OrderQuote quote, String lineId) {
        QuotedLine line = quote.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElse(null);
        if (line != null && line.sku() != null && !line.sku().isBlank()) {
            return "line " + lineId + " (SKU " + line.sku() + ")";
        }
        if (line != null && line.productName() != null && !line.productName().isBlank()) {
            return "line " + lineId + " (" + line.productName() + ")";
        }
        return "line " + lineId;
    }

    private static String label(ErrorCode code) {
        return switch (code) {
            case OUT_OF_STOCK -> "Out of stock";
            case PRICE_CHANGED -> "Price changed";
            case NOT_FOUND -> "No longer sold";
            case INVALID_STATE -> "Not for sale";
            case INSUFFICIENT_POINTS -> "Not enough points";
            case COUPON_NOT_APPLICABLE -> "Coupon not applicable";
            default -> {
                String words = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
                yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }
}
