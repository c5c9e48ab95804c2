package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.eventTypes;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.list;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issue's journey, to the won: a member with a coupon and points buys variants from two shops, shipping to Jeju
 * where one shop charges a surcharge; pays by Kakao Pay; both shops ship and deliver; the buyer returns one line
 * (change of mind, so the return fee is kept) and gets that line's money and points back. The order's history tells
 * who did each step.
 * <p>
 * The amounts: shirt 화이트/M 39,000 + shirt 블루/L 41,000 (linen shop) + 2 mugs 검정 at 13,000 (pottery shop) = 106,000.
 * The coupon (10,000 off from 50,000) is shared by amount with the largest remainder: 3,679 / 3,868 / 2,453. The
 * 3,000 points are shared by what is left (35,321 / 37,132 / 23,547): 1,104 / 1,160 / 736. Shipping: the linen shop's
 * 80,000 passes its free-shipping threshold but Jeju costs 3,000; the pottery shop charges its 2,500 base fee and no
 * Jeju surcharge: 5,500. To pay: 106,000 − 10,000 + 5,500 − 3,000 = 98,500. Returning line 1 refunds its pay amount
 * 34,217 less the 6,000 return fee = 28,217, and its 1,104 points.
 */
class CheckoutJourneyGraphQlIT extends GraphQlTestSupport {

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aMemberWithACouponAndPointsBuysFromTwoShopsToJejuAndReturnsOneLineToTheWon() {
        OrderTestKit kit = new OrderTestKit(port);
        Shop linen = kit.shop("린넨공방 " + tag, new Policy(3_000, 50_000L, 3_000, 6_000, 6_000));
        Shop pottery = kit.shop("도자기마을 " + tag, new Policy(2_500, null, 0, 5_000, 5_000));
        Listing shirt = kit.product(linen, "린넨 셔츠 " + tag, 39_000, List.of("색상", "사이즈"),
                new VariantSpec(List.of("화이트", "M"), 0, 5), new VariantSpec(List.of("블루", "L"), 2_000, 5));
        Listing mug = kit.product(pottery, "머그컵 " + tag, 12_000, List.of("색상"),
                new VariantSpec(List.of("흰색"), 0, 10), new VariantSpec(List.of("검정"), 1_000, 10));
        Buyer buyer = kit.buyer("journey");
        kit.givePoints(buyer, 5_000);
        String couponCode = "JEJU-" + tag.toUpperCase();
        kit.issueCoupon(kit.admin(), OrderTestKit.fixedCoupon(couponCode.toLowerCase(), 10_000, 50_000L, 1));

        List<Map<String, Object>> lines = List.of(
                line(shirt, shirt.variant("화이트", "M"), 1),
                line(shirt, shirt.variant("블루", "L"), 1),
                line(mug, mug.variant("검정"), 2));

        // the checkout preview
        Map<String, Object> quote = buyer.api().documentName("checkoutQuote")
                .variable("input", Map.of("lines", lines, "destination", Map.of("country", "KR", "postcode", "63309"),
                        "couponCode", couponCode, "points", 3_000))
                .execute()
                .path("quoteOrder.errors").entityList(Object.class).hasSize(0)
                .path("quoteOrder.quote").entity(Map.class).get();
        assertThat(amount(quote.get("itemsTotal"))).isEqualTo(106_000);
        assertThat(quote.get("couponCode")).isEqualTo(couponCode);
        assertThat(amount(quote.get("couponDiscount"))).isEqualTo(10_000);
        assertThat(number(quote, "points")).isEqualTo(3_000);
        assertThat(amount(quote.get("shippingTotal"))).isEqualTo(5_500);
        assertThat(amount(quote.get("amountToPay"))).isEqualTo(98_500);
        assertThat(list(quote, "lines")).extracting(l -> amount(l.get("amount")))
                .containsExactly(39_000L, 41_000L, 26_000L);
        assertThat(list(quote, "lines")).extracting(l -> amount(l.get("couponDiscount")))
                .containsExactly(3_679L, 3_868L, 2_453L);
        assertThat(list(quote, "lines")).extracting(l -> number(l, "points")).containsExactly(1_104L, 1_160L, 736L);
        assertThat(list(quote, "lines")).extracting(l -> amount(l.get("payAmount")))
                .containsExactly(34_217L, 35_972L, 22_811L);
        Map<String, Object> linenFee = list(quote, "sellers").get(0);
        assertThat(linenFee.get("sellerId")).isEqualTo(linen.sellerId());
        assertThat(amount(linenFee.get("shippingFee"))).isEqualTo(3_000);
        assertThat(list(linenFee, "shippingBreakdown")).extracting(c -> c.get("kind"))
                .containsExactly("BASE", "FREE_SHIPPING", "JEJU");
        Map<String, Object> potteryFee = list(quote, "sellers").get(1);
        assertThat(potteryFee.get("sellerId")).isEqualTo(pottery.sellerId());
        assertThat(amount(potteryFee.get("shippingFee"))).isEqualTo(2_500);
        assertThat(list(potteryFee, "shippingBreakdown")).extracting(c -> c.get("kind")).containsExactly("BASE");

        // placing it: reserved, waiting for the buyer at Kakao Pay
        Map<String, Object> placed = kit.change(buyer.api(), "placeOrder", OrderTestKit.orderInput("journey-" + tag,
                lines, OrderTestKit.jejuAddress(), couponCode, 3_000, OrderTestKit.redirectPayment("KAKAO_PAY")));
        String orderId = (String) placed.get("id");
        assertThat(placed.get("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(placed.get("buyerId")).isEqualTo(buyer.memberId());
        assertThat(amount(placed.get("itemsTotal"))).isEqualTo(106_000);
        assertThat(amount(placed.get("couponDiscount"))).isEqualTo(10_000);
        assertThat(number(placed, "pointsUsed")).isEqualTo(3_000);
        assertThat(amount(placed.get("shippingTotal"))).isEqualTo(5_500);
        assertThat(amount(placed.get("amountToPay"))).isEqualTo(98_500);
        assertThat(list(placed, "lines")).extracting(l -> l.get("lineId")).containsExactly("1", "2", "3");
        Map<String, Object> payment = map(placed, "payment");
        assertThat(payment.get("method")).isEqualTo("KAKAO_PAY");
        assertThat(payment.get("status")).isEqualTo("READY");
        assertThat((String) payment.get("redirectUrl")).startsWith("http");
        assertThat(amount(payment.get("amount"))).isEqualTo(98_500);
        assertThat(map(placed, "shippingAddress")).containsEntry("postcode", "63309");

        // the buyer comes back with the provider's token
        Map<String, Object> paid = kit.change(buyer.api(), "approvePayment",
                Map.of("orderId", orderId, "approvalToken", "sandbox_ok"));
        assertThat(paid.get("status")).isEqualTo("PAID");
        assertThat(map(paid, "payment").get("status")).isEqualTo("APPROVED");
        assertThat(list(paid, "sellers")).extracting(p -> p.get("status")).containsOnly("PAID");

        // each shop sees and progresses its own part only
        Map<String, Object> preparing = kit.change(linen.api(), "startPreparing", Map.of("orderId", orderId));
        assertThat(list(preparing, "sellers")).singleElement().satisfies(part -> assertThat(part)
                .containsEntry("sellerId", linen.sellerId()).containsEntry("status", "PREPARING"));
        assertThat(list(preparing, "lines")).extracting(l -> l.get("lineId")).containsExactly("1", "2");
        Map<String, Object> shipped = kit.change(linen.api(), "shipOrder", Map.of("orderId", orderId,
                "carrier", "CJ대한통운", "trackingNumber", "6001-2345-6789"));
        assertThat(list(shipped, "sellers")).singleElement().satisfies(part -> assertThat(part)
                .containsEntry("status", "SHIPPED").containsEntry("trackingNumber", "6001-2345-6789"));
        kit.change(linen.api(), "markDelivered", Map.of("orderId", orderId));
        kit.change(pottery.api(), "startPreparing", Map.of("orderId", orderId));
        kit.change(pottery.api(), "shipOrder", Map.of("orderId", orderId, "carrier", "우체국택배",
                "trackingNumber", "6865-0000-1111"));
        Map<String, Object> delivered = kit.change(pottery.api(), "markDelivered", Map.of("orderId", orderId));
        assertThat(list(delivered, "sellers")).singleElement()
                .satisfies(part -> assertThat(part.get("status")).isEqualTo("DELIVERED"));
        assertThat(list(delivered, "lines")).extracting(l -> l.get("lineId")).containsExactly("3");

        // the buyer changed their mind about the white shirt
        Map<String, Object> requested = kit.change(buyer.api(), "requestReturn", Map.of("orderId", orderId,
                "lineIds", List.of("1"), "reason", "CHANGE_OF_MIND", "detail", "사이즈가 맞지 않아요"));
        Map<String, Object> claim = list(requested, "claims").get(0);
        assertThat(claim).containsEntry("kind", "RETURN").containsEntry("status", "REQUESTED")
                .containsEntry("buyerAtFault", true).containsEntry("sellerId", linen.sellerId());
        assertThat(list(requested, "lines").get(0).get("status")).isEqualTo("RETURN_REQUESTED");
        String returnId = (String) claim.get("claimId");
        kit.change(linen.api(), "approveReturn", Map.of("orderId", orderId, "returnId", returnId));
        kit.change(linen.api(), "receiveReturn", Map.of("orderId", orderId, "returnId", returnId));

        Map<String, Object> returned = kit.awaitOrder(buyer.api(), orderId, o -> !list(o, "refunds").isEmpty());
        assertThat(amount(returned.get("refundedTotal"))).isEqualTo(28_217);
        Map<String, Object> refund = list(returned, "refunds").get(0);
        assertThat(refund.get("lineIds")).isEqualTo(List.of("1"));
        assertThat(refund.get("sellerId")).isEqualTo(linen.sellerId());
        assertThat(amount(refund.get("itemsRefund"))).isEqualTo(34_217);
        assertThat(amount(refund.get("shippingRefund"))).isZero();
        assertThat(amount(refund.get("feeDeducted"))).isEqualTo(6_000);
        assertThat(amount(refund.get("amount"))).isEqualTo(28_217);
        assertThat(number(refund, "points")).isEqualTo(1_104);
        assertThat(list(returned, "lines")).extracting(l -> l.get("status"))
                .containsExactly("RETURNED", "ORDERED", "ORDERED");
        assertThat(list(returned, "claims")).singleElement().satisfies(c -> assertThat(c.get("status"))
                .isEqualTo("COMPLETED"));

        // the returned line's points are back: 5,000 − 3,000 + 1,104
        await().atMost(OrderTestKit.WAIT).untilAsserted(() -> assertThat(kit.pointsAvailable(buyer)).isEqualTo(3_104));
        // sold units left stock when paid; a return does not restock by itself (the seller checks the goods)
        kit.awaitStock(linen, shirt.productId(), shirt.variant("화이트", "M"), 4, 4, 0);
        kit.awaitStock(linen, shirt.productId(), shirt.variant("블루", "L"), 4, 4, 0);
        kit.awaitStock(pottery, mug.productId(), mug.variant("검정"), 8, 8, 0);
        kit.awaitStock(pottery, mug.productId(), mug.variant("흰색"), 10, 10, 0);

        // who did what, in order
        List<Map<String, Object>> history = kit.history(buyer.api(), orderId);
        assertThat(eventTypes(history)).containsExactly(
                "OrderPlaced", "PaymentRequested", "PaymentApproved",
                "SellerPartPreparing", "SellerPartShipped", "SellerPartDelivered",
                "SellerPartPreparing", "SellerPartShipped", "SellerPartDelivered",
                "ReturnRequested", "ReturnApproved", "ReturnReceived", "RefundCompleted");
        assertThat(history).extracting(OrderTestKit::actorOf).containsExactly(
                buyer.memberId(), "system:checkout", buyer.memberId(),
                linen.actorId(), linen.actorId(), linen.actorId(),
                pottery.actorId(), pottery.actorId(), pottery.actorId(),
                buyer.memberId(), linen.actorId(), linen.actorId(), linen.actorId());
        assertThat(history).extracting(OrderTestKit::roleOf).containsExactly(
                "CUSTOMER", "SYSTEM", "CUSTOMER", "SELLER", "SELLER", "SELLER", "SELLER", "SELLER", "SELLER",
                "CUSTOMER", "SELLER", "SELLER", "SELLER");
        assertThat(history).extracting(entry -> ((Number) entry.get("sequenceNumber")).longValue()).isSorted();

        // a shop sees its part, never the whole trail
        linen.api().documentName("orderQueries").operationName("orderHistory").fragmentName("orderFields")
                .variable("id", orderId).variable("first", 10)
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        // the coupon stays used by this order: a return is not a cancellation
        await().atMost(OrderTestKit.WAIT).untilAsserted(() ->
                assertThat(number(kit.coupon(kit.admin(), couponCode), "redemptions")).isEqualTo(1));
    }
}
