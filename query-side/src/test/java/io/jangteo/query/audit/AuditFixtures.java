package io.jangteo.query.audit;

import io.jangteo.messages.cart.CartId;
import io.jangteo.messages.cart.CartItemAdded;
import io.jangteo.messages.cart.CartLine;
import io.jangteo.messages.cart.GuestCartMerged;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.coupon.CouponId;
import io.jangteo.messages.coupon.CouponRedeemed;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MemberEmailChanged;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderQuote;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentChoice;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.ReturnReason;
import io.jangteo.messages.order.ReturnRequested;
import io.jangteo.messages.order.ShippingAddress;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.jangteo.messages.shared.Money.won;

/** Events of members, their rewards, carts and orders for the tests of this package. */
final class AuditFixtures {

    static final String NAME = "김회원";
    static final String NEW_NAME = "이회원";
    static final String PHONE = "010-1234-5678";
    static final String NEW_PHONE = "010-9876-5432";
    static final String EMAIL = "kim@example.kr";
    static final String NEW_EMAIL = "lee@example.kr";
    static final String ROAD = "서울 강남구 테헤란로 123";
    static final String DETAIL = "101동 1001호";
    static final String POSTCODE = "06236";
    static final Address HOME = Address.korean("집", NAME, PHONE, POSTCODE, ROAD, DETAIL);
    static final ShippingAddress SHIP_TO = new ShippingAddress(NAME, PHONE, "KR", POSTCODE, ROAD, DETAIL, "문 앞");
    static final Instant T = Instant.parse("2025-03-01T09:00:00Z");
    static final SellerId S1 = SellerId.of("s-1");

    private AuditFixtures() {
    }

    static MemberId id(String memberId) {
        return MemberId.of(memberId);
    }

    static String rewards(String memberId) {
        return RewardsId.of(id(memberId)).value();
    }

    static MemberRegistered registered(String memberId) {
        return new MemberRegistered(id(memberId), EMAIL, NAME, PHONE, ActorRole.CUSTOMER, true, false);
    }

    static MemberPhoneChanged phoneChanged(String memberId, String reason) {
        return new MemberPhoneChanged(id(memberId), NEW_PHONE, reason);
    }

    static MemberNameChanged nameChanged(String memberId) {
        return new MemberNameChanged(id(memberId), NEW_NAME, null);
    }

    static MemberEmailChanged emailChanged(String memberId) {
        return new MemberEmailChanged(id(memberId), NEW_EMAIL, null);
    }

    static AddressAdded addressAdded(String memberId) {
        return new AddressAdded(id(memberId), AddressId.of("a-1"), HOME, false, null);
    }

    static IdentityVerified identityVerified(String memberId) {
        return new IdentityVerified(id(memberId), VerificationId.of("v-1"), "PASS", NAME, LocalDate.of(1990, 5, 17),
                PhoneCarrier.SKT, "01012345678", "ci-hash-secret", true);
    }

    static LoginSucceeded signedIn(String memberId) {
        return new LoginSucceeded(id(memberId));
    }

    static CartItemAdded cartItemAdded(String memberId, String productId, long quantity) {
        return new CartItemAdded(CartId.ofMember(id(memberId)), id(memberId), ProductId.of(productId),
                VariantId.of("default"), quantity, quantity);
    }

    static final String GUEST_TOKEN = "guest-token-0123456789ab";

    static CartItemAdded guestCartItemAdded(String productId) {
        return new CartItemAdded(CartId.ofGuest(GUEST_TOKEN), null, ProductId.of(productId), VariantId.of("default"),
                1, 1);
    }

    static GuestCartMerged guestCartMerged(String memberId, String productId) {
        return new GuestCartMerged(CartId.ofGuest(GUEST_TOKEN), CartId.ofMember(id(memberId)), id(memberId),
                List.of(new CartLine(ProductId.of(productId), VariantId.of("default"), 1)));
    }

    static QuotedLine line(String lineId, String productId, long unitPrice, long quantity) {
        long amount = unitPrice * quantity;
        return new QuotedLine(lineId, ProductId.of(productId), VariantId.of("default"), S1, "티셔츠",
                productId + "-default", List.of(), "c-1", 300, won(unitPrice), quantity, won(amount), won(0), 0,
                won(amount));
    }

    /** Three items (2 + 1) of 98,500 KRW to pay. */
    static OrderPlaced orderPlaced(String orderId, String memberId) {
        OrderQuote quote = new OrderQuote(List.of(line("L1", "p-1", 40_000, 2), line("L2", "p-2", 15_500, 1)),
                List.of(), won(95_500), null, won(0), 0, won(3_000), won(98_500), "BASIC");
        return new OrderPlaced(OrderId.of(orderId), id(memberId), "key-" + orderId, "fp-" + orderId, quote, SHIP_TO,
                new PaymentChoice(PaymentMethod.KAKAO_PAY, null, "https://shop.example/return"), "cart-" + memberId,
                T);
    }

    static PaymentApproved paymentApproved(String orderId, String memberId) {
        return new PaymentApproved(OrderId.of(orderId), id(memberId), "pay-" + orderId, PaymentMethod.KAKAO_PAY,
                won(98_500), "tx-" + orderId, T);
    }

    static RefundCompleted refund(String orderId, String memberId, String refundId, long amount) {
        return new RefundCompleted(OrderId.of(orderId), id(memberId), refundId, S1, List.of("L2"), won(amount),
                won(0), won(0), won(amount), 0, "pay-" + orderId, "prov-" + refundId, "환불", T);
    }

    static ReturnRequested returnRequested(String orderId, String memberId) {
        return new ReturnRequested(OrderId.of(orderId), id(memberId), S1, "R1", List.of("L2"), ReturnReason.DEFECTIVE,
                "사이즈가 맞지 않아요 " + PHONE, false, T);
    }

    static PointsEarned pointsEarned(String memberId, long points) {
        return new PointsEarned(RewardsId.of(id(memberId)), id(memberId), PointsEntryId.of("e-" + points), points,
                "o-1", "BASIC", 10, T, T.plusSeconds(86_400L * 365));
    }

    static MemberGradeChanged gradeChanged(String memberId) {
        return new MemberGradeChanged(RewardsId.of(id(memberId)), id(memberId), "BASIC", "SILVER", "SILVER",
                won(300_000), T, "grade review");
    }

    static CouponRedeemed couponRedeemed(String memberId, String orderId) {
        return new CouponRedeemed(CouponId.of("WELCOME10"), id(memberId), orderId, won(5_000), T);
    }

    static Money krw(long amount) {
        return won(amount);
    }
}
