package io.jangteo.command.order;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Who may do what to an order. The buyer pays, cancels before preparation, confirms and asks for returns and
 * exchanges; each seller acts on its own part only (its lines, its shipping, its claims); support and admins act on
 * any part; system actors (checkout, deadlines, carriers, the deposit callback) drive payment and delivery. Checked
 * before the input, so an outsider learns nothing about the order from the error it gets.
 */
final class OrderAccessPolicy {

    private OrderAccessPolicy() {
    }

    static void assertBuyer(Actor actor, MemberId buyerId) {
        if (!actor.isBuyer(buyerId)) {
            throw new NotTheBuyer();
        }
    }

    static void assertSystem(Actor actor) {
        if (!actor.isSystem()) {
            throw new OnlySystemActors();
        }
    }

    /** Any part-level decision a seller takes for its own part, and staff for any. */
    static void assertSellerOrStaff(Actor actor, SellerId part) {
        if (!actor.isStaff() && !actor.isSellerOf(part)) {
            throw new NotThisPartsSeller();
        }
    }

    /** Delivery is also reported by carrier integrations, as system actors. */
    static void assertMayReportDelivery(Actor actor, SellerId part) {
        if (!actor.isSystem()) {
            assertSellerOrStaff(actor, part);
        }
    }

    /** Purchase confirmation: the buyer, an admin on the buyer's behalf, or the auto-confirm deadline. */
    static void assertMayConfirm(Actor actor, MemberId buyerId) {
        if (!actor.isBuyer(buyerId) && !actor.isAdmin() && !actor.isSystem()) {
            throw new NotTheBuyerOrAdmin();
        }
    }

    /** Returns and exchanges: the buyer asks, or support asks for them. */
    static void assertMayClaim(Actor actor, MemberId buyerId) {
        if (!actor.isBuyer(buyerId) && !actor.isSupport()) {
            throw new NotTheBuyerOrSupport();
        }
    }

    /** Cancelling: the buyer, staff, system actors, or a seller with a part in the order (its own lines only). */
    static void assertMayCancel(Actor actor, MemberId buyerId, boolean sellsInOrder) {
        if (!actor.isBuyer(buyerId) && !actor.isStaff() && !actor.isSystem() && !sellsInOrder) {
            throw new MayNotCancel();
        }
    }

    /** Before payment there is nothing a seller could do yet: the buyer, staff or the system cancel. */
    static void assertMayCancelUnpaid(Actor actor, MemberId buyerId) {
        if (!actor.isBuyer(buyerId) && !actor.isStaff() && !actor.isSystem()) {
            throw new MayNotCancel();
        }
    }

    static final class NotTheBuyer extends DomainRuleViolation {
        NotTheBuyer() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the buyer may do this");
        }
    }

    static final class OnlySystemActors extends DomainRuleViolation {
        OnlySystemActors() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only a system actor may do this to an order");
        }
    }

    static final class NotThisPartsSeller extends DomainRuleViolation {
        NotThisPartsSeller() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only this part's seller, support or an admin may do this");
        }
    }

    static final class NotTheBuyerOrAdmin extends DomainRuleViolation {
        NotTheBuyerOrAdmin() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the buyer or an admin may confirm a purchase");
        }
    }

    static final class NotTheBuyerOrSupport extends DomainRuleViolation {
        NotTheBuyerOrSupport() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the buyer or support may ask for a return or an exchange");
        }
    }

    static final class MayNotCancel extends DomainRuleViolation {
        MayNotCancel() {
            super(ErrorCode.FORBIDDEN, List.of(), "Only the buyer, the seller of the lines, support or an admin may "
                    + "cancel them");
        }
    }

    static final class NotYourLines extends DomainRuleViolation {
        NotYourLines(int index) {
            super(ErrorCode.FORBIDDEN, List.of("lineIds", Integer.toString(index)),
                    "A seller may cancel only its own lines");
        }
    }
}
