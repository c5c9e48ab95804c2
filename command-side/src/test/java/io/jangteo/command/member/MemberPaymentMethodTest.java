package io.jangteo.command.member;

import io.jangteo.command.member.MemberAccessPolicy.NotYourAccount;
import io.jangteo.command.member.MemberAccessPolicy.OnlyTheMemberMay;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.command.member.PaymentMethods.DuplicatePaymentMethodId;
import io.jangteo.command.member.PaymentMethods.PaymentMethodInputMissing;
import io.jangteo.command.member.PaymentMethods.TooManyPaymentMethods;
import io.jangteo.command.member.PaymentMethods.UnknownPaymentMethod;
import io.jangteo.command.member.PaymentMethods.UnsupportedProvider;
import io.jangteo.command.payment.BillingKeyRefused;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.ChooseDefaultPaymentMethod;
import io.jangteo.messages.member.DefaultPaymentMethodChosen;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.PaymentMethodRemoved;
import io.jangteo.messages.member.RegisterPaymentMethod;
import io.jangteo.messages.member.RemovePaymentMethod;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.jangteo.command.member.MemberFixtures.CARD;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.OTHER_CARD;
import static io.jangteo.command.member.MemberFixtures.REASON;
import static io.jangteo.command.member.MemberFixtures.anotherCustomer;
import static io.jangteo.command.member.MemberFixtures.cardRegistered;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.self;
import static io.jangteo.command.member.MemberFixtures.staff;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Stored payment methods (브랜드페이): billing keys from the provider, at most five, one default. */
class MemberPaymentMethodTest {

    private static final PaymentMethodId THIRD_CARD = PaymentMethodId.of("pm-3");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MemberPorts ports = new MemberPorts(mongo.freshDatabase());
    private final FixtureConfiguration<Member> fixture = ports.fixture();
    private static RegisterPaymentMethod register(PaymentMethodId paymentMethodId, String provider, String authKey) {
        return new RegisterPaymentMethod(MEMBER_ID, paymentMethodId, provider, authKey);
    }

    // ---- registering

    @Test
    void theFirstMethodIsStoredAsTheDefault() {
        fixture.given(memberRegistered())
                .when(register(CARD, " toss ", "auth-1"), self())
                .expectEvents(cardRegistered(CARD, "auth-1", true))
                .expectResultMessagePayload(1L);

        // the billing key is bound to the member as the provider's customer key
        assertThat(ports.billingKeys.issued).containsExactly("bk-auth-1@" + MEMBER_ID.value());
    }

    @Test
    void aFurtherMethodIsNotTheDefault() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(register(OTHER_CARD, "toss", "auth-2"), self())
                .expectEvents(cardRegistered(OTHER_CARD, "auth-2", false));
    }

    @Test
    void aMemberStoresAtMostFiveMethodsAndTheProviderIsNotAskedForASixth() {
        List<Object> history = new ArrayList<>(List.of(memberRegistered()));
        for (int i = 0; i < 5; i++) {
            history.add(cardRegistered(PaymentMethodId.of("pm-x" + i), "auth-x" + i, i == 0));
        }
        fixture.given(history)
                .when(register(CARD, "toss", "auth-1"), self())
                .expectNoEvents()
                .expectException(TooManyPaymentMethods.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));

        assertThat(ports.billingKeys.issued).isEmpty();
    }

    @Test
    void theFifthMethodIsFine() {
        List<Object> history = new ArrayList<>(List.of(memberRegistered()));
        for (int i = 0; i < 4; i++) {
            history.add(cardRegistered(PaymentMethodId.of("pm-x" + i), "auth-x" + i, i == 0));
        }
        fixture.given(history)
                .when(register(CARD, "toss", "auth-1"), self())
                .expectEvents(cardRegistered(CARD, "auth-1", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"paypal", "", "TOSS"})
    void anUnsupportedProviderIsRefused(String provider) {
        fixture.given(memberRegistered())
                .when(register(CARD, provider, "auth-1"), self())
                .expectNoEvents()
                .expectException(UnsupportedProvider.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("provider")));
    }

    @Test
    void anAuthKeyIsRequired() {
        fixture.given(memberRegistered())
                .when(register(CARD, "toss", " "), self())
                .expectNoEvents()
                .expectException(PaymentMethodInputMissing.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("authKey")));
    }

    @Test
    void aPaymentMethodIdIsRequired() {
        fixture.given(memberRegistered())
                .when(register(null, "toss", "auth-1"), self())
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("paymentMethodId")));
    }

    @Test
    void aPaymentMethodIdIsUsedOnce() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(register(CARD, "toss", "auth-2"), self())
                .expectNoEvents()
                .expectException(DuplicatePaymentMethodId.class)
                .expectException(violation(ErrorCode.DUPLICATE, List.of("paymentMethodId")));
    }

    @Test
    void aDeclinedCardStoresNothing() {
        fixture.given(memberRegistered())
                .when(register(CARD, "toss", FakeBillingKeys.DECLINED), self())
                .expectNoEvents()
                .expectException(BillingKeyRefused.class)
                .expectException(violation(ErrorCode.PROVIDER_REFUSED, List.of("authKey")));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ADMIN", "SYSTEM"})
    void staffCannotStoreAMethodForTheMember(ActorRole role) {
        fixture.given(memberRegistered())
                .when(register(CARD, "toss", "auth-1"), staff(role))
                .expectNoEvents()
                .expectException(OnlyTheMemberMay.class);

        assertThat(ports.billingKeys.issued).isEmpty();
    }

    @Test
    void aBillingKeyWhoseEventIsNotStoredIsDeletedAgain() {
        fixture.registerCommandHandlerInterceptor(MemberRegistrationTest.failingAfterTheHandler());

        fixture.given(memberRegistered())
                .when(register(CARD, "toss", "auth-1"), self())
                .expectException(IllegalStateException.class);

        assertThat(ports.billingKeys.deleted).containsExactly("toss:bk-auth-1");
    }

    // ---- the default

    @Test
    void theMemberChoosesAnotherDefault() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true),
                        cardRegistered(OTHER_CARD, "auth-2", false))
                .when(new ChooseDefaultPaymentMethod(MEMBER_ID, OTHER_CARD), self())
                .expectEvents(new DefaultPaymentMethodChosen(MEMBER_ID, OTHER_CARD))
                .expectResultMessagePayload(3L);
    }

    @Test
    void choosingTheCurrentDefaultChangesNothing() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(new ChooseDefaultPaymentMethod(MEMBER_ID, CARD), self())
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotChooseAnUnknownMethod() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(new ChooseDefaultPaymentMethod(MEMBER_ID, OTHER_CARD), self())
                .expectNoEvents()
                .expectException(UnknownPaymentMethod.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("paymentMethodId")));
    }

    @Test
    void supportCannotChooseTheDefault() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true),
                        cardRegistered(OTHER_CARD, "auth-2", false))
                .when(new ChooseDefaultPaymentMethod(MEMBER_ID, OTHER_CARD), staff(ActorRole.SUPPORT))
                .expectException(OnlyTheMemberMay.class);
    }

    // ---- removing

    @Test
    void removingTheDefaultDeletesItsKeyAndMakesTheMostRecentRemainingOneTheDefault() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true),
                        cardRegistered(OTHER_CARD, "auth-2", false), cardRegistered(THIRD_CARD, "auth-3", false))
                .when(new RemovePaymentMethod(MEMBER_ID, CARD, null), self())
                .expectEvents(new PaymentMethodRemoved(MEMBER_ID, CARD, THIRD_CARD, null))
                .expectResultMessagePayload(4L);

        assertThat(ports.billingKeys.deleted).containsExactly("toss:bk-auth-1");
    }

    @Test
    void removingAnotherMethodKeepsTheDefault() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true),
                        cardRegistered(OTHER_CARD, "auth-2", false))
                .when(new RemovePaymentMethod(MEMBER_ID, OTHER_CARD, null), self())
                .expectEvents(new PaymentMethodRemoved(MEMBER_ID, OTHER_CARD, CARD, null));
    }

    @Test
    void removingTheOnlyMethodLeavesNoDefault() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(new RemovePaymentMethod(MEMBER_ID, CARD, null), self())
                .expectEvents(new PaymentMethodRemoved(MEMBER_ID, CARD, null, null));
    }

    @Test
    void aRemovedMethodFreesItsPlace() {
        List<Object> history = new ArrayList<>(List.of(memberRegistered()));
        for (int i = 0; i < 5; i++) {
            history.add(cardRegistered(PaymentMethodId.of("pm-x" + i), "auth-x" + i, i == 0));
        }
        history.add(new PaymentMethodRemoved(MEMBER_ID, PaymentMethodId.of("pm-x2"), PaymentMethodId.of("pm-x0"),
                null));
        fixture.given(history)
                .when(register(CARD, "toss", "auth-1"), self())
                .expectEvents(cardRegistered(CARD, "auth-1", false));
    }

    @Test
    void supportRemovesAMethodWithAReason() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(new RemovePaymentMethod(MEMBER_ID, CARD, REASON), staff(ActorRole.SUPPORT))
                .expectEvents(new PaymentMethodRemoved(MEMBER_ID, CARD, null, REASON));
    }

    @Test
    void supportNeedsAReasonToRemoveAMethod() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(new RemovePaymentMethod(MEMBER_ID, CARD, null), staff(ActorRole.SUPPORT))
                .expectNoEvents()
                .expectException(ReasonRequired.class);

        assertThat(ports.billingKeys.deleted).isEmpty();
    }

    @Test
    void anotherCustomerCannotRemoveAMethod() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(new RemovePaymentMethod(MEMBER_ID, CARD, null), anotherCustomer())
                .expectNoEvents()
                .expectException(NotYourAccount.class);

        assertThat(ports.billingKeys.deleted).isEmpty();
    }

    @Test
    void cannotRemoveAnUnknownMethod() {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true),
                        new PaymentMethodRemoved(MEMBER_ID, CARD, null, null))
                .when(new RemovePaymentMethod(MEMBER_ID, CARD, null), self())
                .expectNoEvents()
                .expectException(UnknownPaymentMethod.class);

        assertThat(ports.billingKeys.deleted).isEmpty();
    }

    @Test
    void aMethodOfSomeoneWhoseKeyIsDestroyedNeedsNoDeletionAtTheProvider() {
        // a billing key reads back as null once the member's key is destroyed
        fixture.given(memberRegistered(), new PaymentMethodRegistered(MEMBER_ID, CARD, "toss", null, "VISA", "4242",
                        2030, 12, true))
                .when(new RemovePaymentMethod(MEMBER_ID, CARD, null), self())
                .expectEvents(new PaymentMethodRemoved(MEMBER_ID, CARD, null, null));

        assertThat(ports.billingKeys.deleted).isEmpty();
    }
}
