package io.jangteo.query.audit;

import io.jangteo.messages.audit.TimelineCategory;
import io.jangteo.messages.cart.CartItemAdded;
import io.jangteo.messages.cart.CartItemQuantityChanged;
import io.jangteo.messages.cart.CartItemRemoved;
import io.jangteo.messages.cart.CartItemsOrdered;
import io.jangteo.messages.cart.CartsMerged;
import io.jangteo.messages.cart.GuestCartMerged;
import io.jangteo.messages.coupon.CouponRedeemed;
import io.jangteo.messages.coupon.CouponRestored;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.AccountUnlocked;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressChanged;
import io.jangteo.messages.member.AddressRemoved;
import io.jangteo.messages.member.DefaultAddressChosen;
import io.jangteo.messages.member.DefaultPaymentMethodChosen;
import io.jangteo.messages.member.IdentityVerificationFailed;
import io.jangteo.messages.member.IdentityVerificationRequested;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MarketingConsentChanged;
import io.jangteo.messages.member.MemberEmailChanged;
import io.jangteo.messages.member.MemberLoggedOut;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.MemberRoleChanged;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PasswordChanged;
import io.jangteo.messages.member.PasswordReset;
import io.jangteo.messages.member.PasswordResetRequested;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.PaymentMethodRemoved;
import io.jangteo.messages.member.PersonalDataAccessed;
import io.jangteo.messages.order.ExchangeApproved;
import io.jangteo.messages.order.ExchangeRejected;
import io.jangteo.messages.order.ExchangeRequested;
import io.jangteo.messages.order.ExchangeShipped;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderExpired;
import io.jangteo.messages.order.OrderLinesCancelled;
import io.jangteo.messages.order.OrderPlaced;
import io.jangteo.messages.order.OrderRejected;
import io.jangteo.messages.order.PaymentApproved;
import io.jangteo.messages.order.PaymentDeclined;
import io.jangteo.messages.order.PaymentRequested;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.QuotedLine;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.order.ReturnApproved;
import io.jangteo.messages.order.ReturnReceived;
import io.jangteo.messages.order.ReturnRejected;
import io.jangteo.messages.order.ReturnRequested;
import io.jangteo.messages.order.SellerPartDelivered;
import io.jangteo.messages.order.SellerPartPreparing;
import io.jangteo.messages.order.SellerPartShipped;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsBecameAvailable;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsExpired;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.PointsSpent;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RewardsClosed;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Tells a member's events as sentences a support agent can read at a glance. A sentence never holds personal data
 * (names, phones, e-mails, addresses, identity, billing keys): the timeline stores it, and it must stay true and
 * harmless after the member's key is destroyed. So a profile change says what changed, never to what. Reasons are
 * quoted only when staff or the system gave them; a member's own free text could hold anything.
 */
final class TimelineNarrator {

    /** Who acted, as the event's metadata says, and the member whose timeline it is. */
    record Context(String memberId, String actorId, String actorRole, String clientIp) {

        boolean byTheMember() {
            return actorId != null && actorId.equals(memberId);
        }

        /** " by the member", " by SUPPORT support-17", " by SYSTEM checkout", or nothing when nobody is named. */
        String by() {
            if (actorId == null || actorId.isBlank()) {
                return "";
            }
            if (byTheMember()) {
                return " by the member";
            }
            if (actorId.startsWith("system:")) {
                return " by SYSTEM " + actorId.substring("system:".length());
            }
            return actorRole == null || actorRole.isBlank() ? " by " + actorId : " by " + actorRole + " " + actorId;
        }

        /** ": reason '…'" for a reason staff or the system gave; nothing for the member's own words. */
        String reason(String reason) {
            return quoted(": reason", reason);
        }

        String quoted(String label, String text) {
            if (text == null || text.isBlank() || byTheMember()
                    || ActorRole.CUSTOMER.name().equals(actorRole) || ActorRole.ANONYMOUS.name().equals(actorRole)) {
                return "";
            }
            return label + " '" + text.strip() + "'";
        }
    }

    /** A sentence and what it is about. */
    record Narration(TimelineCategory category, String summary) {
    }

    private record Teller<T>(TimelineCategory category, BiFunction<T, Context, String> tell) {
        String apply(Object event, Context context) {
            @SuppressWarnings("unchecked") T typed = (T) event;
            return tell.apply(typed, context);
        }
    }

    private final Map<Class<?>, Teller<?>> tellers = new HashMap<>();

    TimelineNarrator() {
        account();
        security();
        rewards();
        orders();
        claims();
        carts();
    }

    Narration narrate(Object event, Context context) {
        Teller<?> teller = tellers.get(event.getClass());
        if (teller == null) {
            return new Narration(TimelineCategory.OTHER, humanized(event.getClass().getSimpleName()) + context.by());
        }
        return new Narration(teller.category(), teller.apply(event, context));
    }

    /** {@code SellerPartShipped} → "Seller part shipped". */
    static String humanized(String typeName) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < typeName.length(); i++) {
            char c = typeName.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                sentence.append(' ').append(Character.toLowerCase(c));
            } else {
                sentence.append(c);
            }
        }
        return sentence.toString();
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String money(Money money) {
        return money == null ? "an unknown amount" : number(money.amount()) + " " + money.currency();
    }

    private static String plural(long count, String noun) {
        return number(count) + " " + noun + (count == 1 ? "" : "s");
    }

    private <T> void on(Class<T> type, TimelineCategory category, BiFunction<T, Context, String> tell) {
        tellers.put(type, new Teller<>(category, tell));
    }

    private void account() {
        on(MemberRegistered.class, TimelineCategory.ACCOUNT, (e, c) ->
                "Registered as " + (e.role() == null ? "member" : e.role().name()) + c.by());
        on(MemberRoleChanged.class, TimelineCategory.ACCOUNT, (e, c) ->
                "Role changed to " + e.role() + (e.sellerId() == null ? "" : " of shop " + e.sellerId())
                        + c.by() + c.reason(e.reason()));
        on(MemberWithdrawn.class, TimelineCategory.ACCOUNT, (e, c) -> "Account withdrawn" + c.by()
                + c.reason(e.reason()));
        on(MemberNameChanged.class, TimelineCategory.PROFILE, (e, c) -> "Name changed" + c.by()
                + c.reason(e.reason()));
        on(MemberPhoneChanged.class, TimelineCategory.PROFILE, (e, c) -> "Phone changed" + c.by()
                + c.reason(e.reason()));
        on(MemberEmailChanged.class, TimelineCategory.PROFILE, (e, c) -> "E-mail changed" + c.by()
                + c.reason(e.reason()));
        on(AddressAdded.class, TimelineCategory.ADDRESS, (e, c) ->
                "Address added" + (e.madeDefault() ? " as default" : "") + c.by() + c.reason(e.reason()));
        on(AddressChanged.class, TimelineCategory.ADDRESS, (e, c) -> "Address changed" + c.by()
                + c.reason(e.reason()));
        on(AddressRemoved.class, TimelineCategory.ADDRESS, (e, c) -> "Address removed" + c.by()
                + c.reason(e.reason()));
        on(DefaultAddressChosen.class, TimelineCategory.ADDRESS, (e, c) -> "Default address chosen" + c.by()
                + c.reason(e.reason()));
        on(MarketingConsentChanged.class, TimelineCategory.CONSENT, (e, c) ->
                (e.channel() == MarketingChannel.SMS ? "SMS" : "E-mail") + " marketing consent "
                        + (e.granted() ? "given" : "withdrawn") + c.by() + c.reason(e.reason()));
        on(IdentityVerificationRequested.class, TimelineCategory.IDENTITY, (e, c) ->
                "Identity verification started with " + e.provider() + c.by());
        on(IdentityVerified.class, TimelineCategory.IDENTITY, (e, c) -> "Identity verified with " + e.provider());
        on(IdentityVerificationFailed.class, TimelineCategory.IDENTITY, (e, c) -> "Identity verification failed"
                + c.reason(e.reason()));
        on(PaymentMethodRegistered.class, TimelineCategory.PAYMENT_METHOD, (e, c) ->
                "Payment method registered (" + e.provider() + (e.brand() == null ? "" : ", " + e.brand()) + ")"
                        + (e.madeDefault() ? " as default" : "") + c.by());
        on(PaymentMethodRemoved.class, TimelineCategory.PAYMENT_METHOD, (e, c) -> "Payment method removed" + c.by()
                + c.reason(e.reason()));
        on(DefaultPaymentMethodChosen.class, TimelineCategory.PAYMENT_METHOD, (e, c) ->
                "Default payment method chosen" + c.by());
        on(PersonalDataAccessed.class, TimelineCategory.PRIVACY, (e, c) ->
                "Personal data read" + c.by()
                        + (e.fields() == null || e.fields().isEmpty() ? "" : " (" + String.join(", ", e.fields()) + ")")
                        + c.quoted(": purpose", e.purpose()));
    }

    private void security() {
        on(LoginSucceeded.class, TimelineCategory.SECURITY, (e, c) ->
                c.clientIp() == null ? "Signed in" : "Signed in from " + c.clientIp());
        on(LoginFailed.class, TimelineCategory.SECURITY, (e, c) -> switch (e.reason() == null
                ? LoginFailure.BAD_CREDENTIALS : e.reason()) {
            case BAD_CREDENTIALS -> "Sign-in failed (wrong password)";
            case LOCKED -> "Sign-in failed (account locked)";
            case WITHDRAWN -> "Sign-in failed (account withdrawn)";
            case SESSION_INVALID -> "Session refresh refused (session no longer valid)";
        });
        on(AccountLocked.class, TimelineCategory.SECURITY, (e, c) ->
                "Account locked after " + plural(e.consecutiveFailures(), "failed sign-in"));
        on(AccountUnlocked.class, TimelineCategory.SECURITY, (e, c) -> "Account unlocked" + c.by()
                + c.reason(e.reason()));
        on(PasswordChanged.class, TimelineCategory.SECURITY, (e, c) -> "Password changed" + c.by());
        on(PasswordResetRequested.class, TimelineCategory.SECURITY, (e, c) -> "Password reset requested");
        on(PasswordReset.class, TimelineCategory.SECURITY, (e, c) -> "Password reset with an e-mailed link");
        on(MemberLoggedOut.class, TimelineCategory.SECURITY, (e, c) -> "Signed out");
    }

    private void rewards() {
        on(PurchaseRecorded.class, TimelineCategory.GRADE, (e, c) ->
                "Purchase of " + money(e.amount()) + " counted towards the grade (order " + e.orderId() + ")");
        on(MemberGradeChanged.class, TimelineCategory.GRADE, (e, c) -> e.previousGrade() == null
                ? "Grade set to " + e.grade() : "Grade changed " + e.previousGrade() + " → " + e.grade());
        on(PointsEarned.class, TimelineCategory.POINTS, (e, c) -> "Points earned: " + number(e.points()));
        on(PointsBecameAvailable.class, TimelineCategory.POINTS, (e, c) ->
                "Points available to spend: " + number(e.points()));
        on(PointsSpent.class, TimelineCategory.POINTS, (e, c) ->
                "Points spent: " + number(e.points()) + (e.orderId() == null ? "" : " on order " + e.orderId()));
        on(PointsRefunded.class, TimelineCategory.POINTS, (e, c) -> "Points returned: " + number(e.points())
                + c.reason(e.reason()));
        on(PointsExpired.class, TimelineCategory.POINTS, (e, c) -> "Points expired: " + number(e.points()));
        on(PointsAdjusted.class, TimelineCategory.POINTS, (e, c) ->
                "Points adjusted: " + (e.delta() > 0 ? "+" : "") + number(e.delta()) + c.by() + c.reason(e.reason()));
        on(RewardsClosed.class, TimelineCategory.POINTS, (e, c) ->
                "Rewards closed, " + plural(e.forfeitedPoints(), "point") + " forfeited");
        on(CouponRedeemed.class, TimelineCategory.ORDER, (e, c) ->
                "Coupon " + e.couponId().value() + " used on order " + e.orderId() + ": " + money(e.discount())
                        + " off");
        on(CouponRestored.class, TimelineCategory.ORDER, (e, c) ->
                "Coupon " + e.couponId().value() + " given back from order " + e.orderId() + c.reason(e.reason()));
    }

    private void orders() {
        on(OrderPlaced.class, TimelineCategory.ORDER, (e, c) -> {
            long items = e.quote() == null ? 0 : e.quote().lines().stream().mapToLong(QuotedLine::quantity).sum();
            return "Order " + e.orderId().value() + " placed: " + plural(items, "item") + ", "
                    + money(e.quote() == null ? null : e.quote().amountToPay()) + " to pay";
        });
        on(OrderRejected.class, TimelineCategory.ORDER, (e, c) -> "Order " + e.orderId().value() + " refused"
                + (e.code() == null ? "" : " (" + e.code() + ")"));
        on(OrderCancelled.class, TimelineCategory.ORDER, (e, c) -> "Order " + e.orderId().value() + " cancelled"
                + c.by() + c.reason(e.reason()));
        on(OrderExpired.class, TimelineCategory.ORDER, (e, c) -> "Order " + e.orderId().value()
                + " expired unpaid");
        on(OrderLinesCancelled.class, TimelineCategory.ORDER, (e, c) -> "Order " + e.orderId().value() + ": "
                + (e.wholeOrder() ? "every line" : plural(e.lines().size(), "line")) + " cancelled" + c.by()
                + c.reason(e.reason()));
        on(SellerPartPreparing.class, TimelineCategory.ORDER, (e, c) -> "Order " + e.orderId().value()
                + " being prepared by seller " + e.sellerId().value());
        on(SellerPartShipped.class, TimelineCategory.ORDER, (e, c) -> "Order " + e.orderId().value()
                + " shipped by seller " + e.sellerId().value() + (e.carrier() == null ? "" : " with " + e.carrier()));
        on(SellerPartDelivered.class, TimelineCategory.ORDER, (e, c) -> "Order " + e.orderId().value()
                + " delivered from seller " + e.sellerId().value());
        on(PurchaseConfirmed.class, TimelineCategory.ORDER, (e, c) -> "Purchase confirmed"
                + (e.automatic() ? " automatically" : c.by()) + ": order " + e.orderId().value() + " from seller "
                + e.sellerId().value() + ", " + money(e.amount()));
        on(PaymentRequested.class, TimelineCategory.PAYMENT, (e, c) ->
                "Payment requested (" + e.method() + ", " + money(e.amount()) + ")");
        on(PaymentApproved.class, TimelineCategory.PAYMENT, (e, c) ->
                "Payment approved (" + e.method() + ", " + money(e.amount()) + ")");
        on(PaymentDeclined.class, TimelineCategory.PAYMENT, (e, c) -> "Payment declined (" + e.method()
                + (e.providerCode() == null ? "" : ", " + e.providerCode()) + ")");
        on(RefundCompleted.class, TimelineCategory.REFUND, (e, c) -> "Refund " + e.refundId() + " of "
                + money(e.amount()) + (e.points() > 0 ? " and " + plural(e.points(), "point") : ""));
    }

    private void claims() {
        on(ReturnRequested.class, TimelineCategory.CLAIM, (e, c) ->
                "Return requested for " + plural(e.lineIds().size(), "line"));
        on(ReturnApproved.class, TimelineCategory.CLAIM, (e, c) -> "Return " + e.returnId() + " approved" + c.by());
        on(ReturnReceived.class, TimelineCategory.CLAIM, (e, c) -> "Return " + e.returnId() + " received by seller "
                + e.sellerId().value());
        on(ReturnRejected.class, TimelineCategory.CLAIM, (e, c) -> "Return " + e.returnId() + " rejected" + c.by()
                + c.reason(e.reason()));
        on(ExchangeRequested.class, TimelineCategory.CLAIM, (e, c) ->
                "Exchange requested for " + plural(e.lineIds().size(), "line"));
        on(ExchangeApproved.class, TimelineCategory.CLAIM, (e, c) -> "Exchange " + e.exchangeId() + " approved"
                + c.by());
        on(ExchangeRejected.class, TimelineCategory.CLAIM, (e, c) -> "Exchange " + e.exchangeId() + " rejected"
                + c.by() + c.reason(e.reason()));
        on(ExchangeShipped.class, TimelineCategory.CLAIM, (e, c) -> "Exchange " + e.exchangeId() + " shipped"
                + (e.carrier() == null ? "" : " with " + e.carrier()));
    }

    private void carts() {
        on(CartItemAdded.class, TimelineCategory.CART, (e, c) ->
                "Added to cart: " + number(e.added()) + " × " + e.variantId().value() + " of product "
                        + e.productId().value());
        on(CartItemQuantityChanged.class, TimelineCategory.CART, (e, c) ->
                "Cart quantity of " + e.variantId().value() + " changed " + number(e.previousQuantity()) + " → "
                        + number(e.quantity()));
        on(CartItemRemoved.class, TimelineCategory.CART, (e, c) ->
                "Removed from cart: " + e.variantId().value() + " of product " + e.productId().value());
        on(CartItemsOrdered.class, TimelineCategory.CART, (e, c) ->
                plural(e.lines().size(), "cart line") + " ordered in order " + e.orderId().value());
        on(CartsMerged.class, TimelineCategory.CART, (e, c) ->
                "Guest cart merged into the cart: " + plural(e.lines().size(), "line")
                        + (e.leftOut() == null || e.leftOut().isEmpty() ? "" : ", " + e.leftOut().size() + " left out"));
        on(GuestCartMerged.class, TimelineCategory.CART, (e, c) ->
                "Guest cart handed over to the member's cart: " + plural(e.lines().size(), "line"));
    }

    /** The event types told with a specific sentence; every other type gets the generic one. */
    List<Class<?>> told() {
        return List.copyOf(tellers.keySet());
    }
}
