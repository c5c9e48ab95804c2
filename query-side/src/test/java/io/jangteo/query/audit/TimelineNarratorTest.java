package io.jangteo.query.audit;

import io.jangteo.messages.audit.TimelineCategory;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MarketingConsentChanged;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.PersonalDataAccessed;
import io.jangteo.messages.order.OrderCancelled;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.query.audit.TimelineNarrator.Context;
import io.jangteo.query.audit.TimelineNarrator.Narration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jangteo.query.audit.AuditFixtures.S1;
import static io.jangteo.query.audit.AuditFixtures.T;
import static io.jangteo.query.audit.AuditFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

class TimelineNarratorTest {

    private static final Context BY_THE_MEMBER = new Context("m-1", "m-1", "CUSTOMER", "203.0.113.9");
    private static final Context BY_SUPPORT = new Context("m-1", "support-17", "SUPPORT", "198.51.100.4");
    private static final Context BY_CHECKOUT = new Context("m-1", "system:checkout", "SYSTEM", null);

    private final TimelineNarrator narrator = new TimelineNarrator();

    @Test
    void tellsRepresentativeEventsInPlainSentences() {
        assertThat(tell(AuditFixtures.phoneChanged("m-1", "customer call"), BY_SUPPORT))
                .isEqualTo(new Narration(TimelineCategory.PROFILE,
                        "Phone changed by SUPPORT support-17: reason 'customer call'"));
        assertThat(tell(AuditFixtures.addressAdded("m-1"), BY_THE_MEMBER))
                .isEqualTo(new Narration(TimelineCategory.ADDRESS, "Address added by the member"));
        assertThat(tell(AuditFixtures.signedIn("m-1"), BY_THE_MEMBER))
                .isEqualTo(new Narration(TimelineCategory.SECURITY, "Signed in from 203.0.113.9"));
        assertThat(tell(new LoginFailed(id("m-1"), LoginFailure.BAD_CREDENTIALS, 2), BY_THE_MEMBER).summary())
                .isEqualTo("Sign-in failed (wrong password)");
        assertThat(tell(new AccountLocked(id("m-1"), T, 5), BY_CHECKOUT).summary())
                .isEqualTo("Account locked after 5 failed sign-ins");
        assertThat(tell(AuditFixtures.orderPlaced("ord-7", "m-1"), BY_THE_MEMBER))
                .isEqualTo(new Narration(TimelineCategory.ORDER, "Order ord-7 placed: 3 items, 98,500 KRW to pay"));
        assertThat(tell(AuditFixtures.paymentApproved("ord-7", "m-1"), BY_CHECKOUT))
                .isEqualTo(new Narration(TimelineCategory.PAYMENT, "Payment approved (KAKAO_PAY, 98,500 KRW)"));
        assertThat(tell(AuditFixtures.refund("ord-7", "m-1", "RF1", 28_217), BY_CHECKOUT))
                .isEqualTo(new Narration(TimelineCategory.REFUND, "Refund RF1 of 28,217 KRW"));
        assertThat(tell(AuditFixtures.returnRequested("ord-7", "m-1"), BY_THE_MEMBER))
                .isEqualTo(new Narration(TimelineCategory.CLAIM, "Return requested for 1 line"));
        assertThat(tell(AuditFixtures.pointsEarned("m-1", 1_104), BY_CHECKOUT))
                .isEqualTo(new Narration(TimelineCategory.POINTS, "Points earned: 1,104"));
        assertThat(tell(AuditFixtures.gradeChanged("m-1"), BY_CHECKOUT))
                .isEqualTo(new Narration(TimelineCategory.GRADE, "Grade changed BASIC → SILVER"));
        assertThat(tell(new PersonalDataAccessed(id("m-1"), List.of(), null), BY_SUPPORT))
                .isEqualTo(new Narration(TimelineCategory.PRIVACY, "Personal data read by SUPPORT support-17"));
        assertThat(tell(new PersonalDataAccessed(id("m-1"), List.of("phone", "email"), "refund call"), BY_SUPPORT)
                .summary()).isEqualTo("Personal data read by SUPPORT support-17 (phone, email): purpose 'refund call'");
        assertThat(tell(new MarketingConsentChanged(id("m-1"), MarketingChannel.SMS, false, null), BY_THE_MEMBER))
                .isEqualTo(new Narration(TimelineCategory.CONSENT, "SMS marketing consent withdrawn by the member"));
        assertThat(tell(new OrderCancelled(OrderId.of("ord-7"), id("m-1"), "unpaid", T), BY_CHECKOUT).summary())
                .isEqualTo("Order ord-7 cancelled by SYSTEM checkout: reason 'unpaid'");
        assertThat(tell(new PurchaseConfirmed(OrderId.of("ord-7"), id("m-1"), S1, AuditFixtures.krw(50_000), true,
                T), BY_CHECKOUT).summary())
                .isEqualTo("Purchase confirmed automatically: order ord-7 from seller s-1, 50,000 KRW");
        assertThat(tell(new PointsAdjusted(RewardsId.of(id("m-1")), id("m-1"), PointsEntryId.of("adj-1"), -300,
                "goodwill reversal", null, List.of()), BY_SUPPORT).summary())
                .isEqualTo("Points adjusted: -300 by SUPPORT support-17: reason 'goodwill reversal'");
    }

    @Test
    void aMembersOwnWordsAreNeverQuotedButStaffReasonsAre() {
        assertThat(tell(AuditFixtures.phoneChanged("m-1", "call me at 010-1111-2222"), BY_THE_MEMBER).summary())
                .isEqualTo("Phone changed by the member");
        assertThat(tell(AuditFixtures.phoneChanged("m-1", "call me at 010-1111-2222"),
                new Context("m-1", "m-1-session", "CUSTOMER", null)).summary())
                .isEqualTo("Phone changed by CUSTOMER m-1-session");
        assertThat(tell(AuditFixtures.phoneChanged("m-1", "  verified by phone  "), BY_SUPPORT).summary())
                .isEqualTo("Phone changed by SUPPORT support-17: reason 'verified by phone'");
    }

    @Test
    void paymentMethodsShowProviderAndBrandButNeitherKeyNorCardDigits() {
        String summary = tell(new PaymentMethodRegistered(id("m-1"), PaymentMethodId.of("pm-1"), "toss",
                "bk_live_5ecret", "SHINHAN", "4321", 2029, 12, true), BY_THE_MEMBER).summary();

        assertThat(summary).isEqualTo("Payment method registered (toss, SHINHAN) as default by the member");
    }

    @Test
    void anEventWithoutItsOwnSentenceIsItsTypeInWordsAndWhoDidIt() {
        record SellerNoteAdded(MemberId memberId, String note) {
        }

        assertThat(tell(new SellerNoteAdded(id("m-1"), "secret"), BY_SUPPORT))
                .isEqualTo(new Narration(TimelineCategory.OTHER, "Seller note added by SUPPORT support-17"));
        assertThat(tell(new SellerNoteAdded(id("m-1"), "x"), new Context("m-1", null, null, null)).summary())
                .isEqualTo("Seller note added");
    }

    /**
     * Every event record of the member-facing contexts that names a member (a {@code MemberId} {@code memberId} or
     * {@code buyerId}) has a sentence of its own; commands (which carry {@code @TargetAggregateIdentifier}) and
     * queries and views are not events.
     */
    @Test
    void everyEventAboutAMemberHasASentenceOfItsOwn() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<String> untold = new ArrayList<>();
        int events = 0;
        for (String context : List.of("member", "rewards", "order", "cart", "coupon")) {
            for (BeanDefinition candidate : scanner.findCandidateComponents("io.jangteo.messages." + context)) {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (!isEventAboutAMember(type)) {
                    continue;
                }
                events++;
                if (!narrator.told().contains(type)) {
                    untold.add(type.getSimpleName());
                }
            }
        }

        assertThat(events).isGreaterThan(60);
        assertThat(untold).isEmpty();
    }

    private static boolean isEventAboutAMember(Class<?> type) {
        String name = type.getSimpleName();
        if (!type.isRecord() || name.endsWith("Query") || name.endsWith("View") || name.endsWith("Page")
                || name.endsWith("Filter") || name.endsWith("Result")) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        boolean command = Arrays.stream(type.getDeclaredFields())
                .anyMatch(field -> field.isAnnotationPresent(TargetAggregateIdentifier.class));
        boolean namesAMember = Arrays.stream(components).map(RecordComponent::getAccessor).map(Method::getName)
                .anyMatch(accessor -> accessor.equals("memberId") || accessor.equals("buyerId"))
                && Arrays.stream(components).anyMatch(component -> component.getType() == MemberId.class);
        return !command && namesAMember;
    }

    private Narration tell(Object event, Context context) {
        return narrator.narrate(event, context);
    }
}
