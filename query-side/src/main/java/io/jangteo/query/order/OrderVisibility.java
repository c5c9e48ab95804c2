package io.jangteo.query.order;

import io.jangteo.messages.order.ClaimView;
import io.jangteo.messages.order.LineRejection;
import io.jangteo.messages.order.OrderLineView;
import io.jangteo.messages.order.OrderView;
import io.jangteo.messages.order.PaymentView;
import io.jangteo.messages.order.RefundView;
import io.jangteo.messages.order.SellerPartView;
import io.jangteo.messages.shared.Viewer;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees what of an order. The buyer, support, admins and system actors see all of it; an analyst all but the
 * shipping address (analysts get no personal data); a seller with a part sees its own lines, part, claims and refunds
 * and the address it ships to, but not the buyer's payment handles; anyone else sees nothing, not even that the order
 * exists. The same rule answers queries and filters pushed updates, so a subscription never shows more than a query.
 */
final class OrderVisibility {

    private OrderVisibility() {
    }

    static Optional<OrderView> as(Viewer viewer, OrderView order) {
        if (isBuyer(viewer, order)) {
            return Optional.of(order);
        }
        return switch (viewer.role()) {
            case ADMIN, SUPPORT, SYSTEM -> Optional.of(order);
            case ANALYST -> Optional.of(withoutAddress(order));
            case SELLER -> viewer.sellerId() != null && hasPart(order, viewer.sellerId())
                    ? Optional.of(forSeller(order, viewer.sellerId())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    static boolean isBuyer(Viewer viewer, OrderView order) {
        return viewer.actorId() != null && viewer.actorId().equals(order.buyerId().value());
    }

    private static boolean hasPart(OrderView order, String sellerId) {
        return order.sellers().stream().anyMatch(part -> part.sellerId().value().equals(sellerId));
    }

    private static OrderView withoutAddress(OrderView order) {
        return new OrderView(order.orderId(), order.buyerId(), order.status(), order.lines(), order.sellers(),
                order.itemsTotal(), order.couponId(), order.couponDiscount(), order.pointsUsed(),
                order.shippingTotal(), order.amountToPay(), order.refundedTotal(), order.payment(), null,
                order.claims(), order.refunds(), order.rejections(), order.statusReason(), order.grade(),
                order.placedAt(), order.updatedAt(), order.version());
    }

    /**
     * A seller's cut of the order. Totals stay the order's own (the contract says so, and the lines show the seller's
     * share); a refund that names no seller is shown when it refunds one of the seller's lines, and a rejection that
     * names no line concerns the whole order, so the seller sees it too.
     */
    private static OrderView forSeller(OrderView order, String sellerId) {
        List<OrderLineView> lines = order.lines().stream()
                .filter(line -> line.sellerId().value().equals(sellerId)).toList();
        Set<String> lineIds = lines.stream().map(OrderLineView::lineId).collect(Collectors.toSet());
        List<SellerPartView> parts = order.sellers().stream()
                .filter(part -> part.sellerId().value().equals(sellerId)).toList();
        List<ClaimView> claims = order.claims().stream()
                .filter(claim -> claim.sellerId() != null && claim.sellerId().value().equals(sellerId)).toList();
        List<RefundView> refunds = order.refunds().stream()
                .filter(refund -> refund.sellerId() == null
                        ? refund.lineIds().stream().anyMatch(lineIds::contains)
                        : refund.sellerId().value().equals(sellerId))
                .toList();
        List<LineRejection> rejections = order.rejections().stream()
                .filter(rejection -> rejection.lineId() == null || lineIds.contains(rejection.lineId())).toList();
        return new OrderView(order.orderId(), order.buyerId(), order.status(), lines, parts, order.itemsTotal(),
                order.couponId(), order.couponDiscount(), order.pointsUsed(), order.shippingTotal(),
                order.amountToPay(), order.refundedTotal(), paymentForSeller(order.payment()),
                order.shippingAddress(), claims, refunds, rejections, order.statusReason(), order.grade(),
                order.placedAt(), order.updatedAt(), order.version());
    }

    /**
     * Whether and how the order was paid, without what lets someone act on the buyer's payment: the provider's key,
     * the redirect to its payment page, the virtual account and the provider's words about a decline.
     */
    private static PaymentView paymentForSeller(PaymentView payment) {
        return payment == null ? null : new PaymentView(payment.method(), payment.status(), null, payment.amount(),
                null, null, payment.expiresAt(), payment.approvedAt(), null, null);
    }
}
