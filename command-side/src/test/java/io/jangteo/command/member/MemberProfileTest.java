package io.jangteo.command.member;

import io.jangteo.command.member.ContactDetails.ChannelRequired;
import io.jangteo.command.member.ContactDetails.InvalidEmail;
import io.jangteo.command.member.ContactDetails.InvalidPhone;
import io.jangteo.command.member.MemberAccessPolicy.NotYourAccount;
import io.jangteo.command.member.MemberLifecycle.AccountWithdrawn;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.command.shared.Reasons.ReasonTooLong;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.ChangeMarketingConsent;
import io.jangteo.messages.member.ChangeMemberEmail;
import io.jangteo.messages.member.ChangeMemberName;
import io.jangteo.messages.member.ChangeMemberPhone;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MarketingConsentChanged;
import io.jangteo.messages.member.MemberEmailChanged;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.jangteo.command.member.MemberFixtures.EMAIL;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NAME;
import static io.jangteo.command.member.MemberFixtures.OTHER_MEMBER;
import static io.jangteo.command.member.MemberFixtures.PHONE;
import static io.jangteo.command.member.MemberFixtures.REASON;
import static io.jangteo.command.member.MemberFixtures.actingAs;
import static io.jangteo.command.member.MemberFixtures.anonymous;
import static io.jangteo.command.member.MemberFixtures.anotherCustomer;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.memberWithdrawn;
import static io.jangteo.command.member.MemberFixtures.ofLength;
import static io.jangteo.command.member.MemberFixtures.self;
import static io.jangteo.command.member.MemberFixtures.staff;
import static io.jangteo.command.member.MemberFixtures.system;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Name, phone, e-mail and marketing consents: the member, or staff with a reason. */
class MemberProfileTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MemberPorts ports = new MemberPorts(mongo.freshDatabase());
    private final FixtureConfiguration<Member> fixture = ports.fixture();

    // ---- who may

    @Test
    void theMemberChangesTheirNameWithoutAReason() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, " Kim Min-ji ", null), self())
                .expectEvents(new MemberNameChanged(MEMBER_ID, "Kim Min-ji", null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aReasonTheMemberGivesIsNotRecorded() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", "typo"), self())
                .expectEvents(new MemberNameChanged(MEMBER_ID, "Kim Min-ji", null));
    }

    @Test
    void aSellerChangesTheirOwnName() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", null), actingAs(ActorRole.SELLER, MEMBER_ID.value()))
                .expectEvents(new MemberNameChanged(MEMBER_ID, "Kim Min-ji", null));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ADMIN"})
    void staffChangeANameWithTheirReasonRecorded(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", " " + REASON + " "), staff(role))
                .expectEvents(new MemberNameChanged(MEMBER_ID, "Kim Min-ji", REASON));
    }

    @Test
    void staffNeedAReason() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", "  "), staff(ActorRole.SUPPORT))
                .expectNoEvents()
                .expectException(ReasonRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void aStaffReasonHasAtMost500Characters() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", ofLength(501)), staff(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(ReasonTooLong.class);
    }

    @Test
    void aStaffReasonOf500CharactersIsFine() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", ofLength(500)), staff(ActorRole.ADMIN))
                .expectEvents(new MemberNameChanged(MEMBER_ID, "Kim Min-ji", ofLength(500)));
    }

    @Test
    void anotherCustomerCannotTouchTheAccount() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", REASON), anotherCustomer())
                .expectNoEvents()
                .expectException(NotYourAccount.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ANALYST", "SYSTEM", "ANONYMOUS", "SELLER", "CUSTOMER"})
    void otherRolesCannotChangeSomeoneElsesProfile(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new ChangeMemberPhone(MEMBER_ID, "010-9876-5432", REASON), staff(role))
                .expectNoEvents()
                .expectException(NotYourAccount.class);
    }

    @Test
    void aSystemActorNamedLikeTheMemberIsNotTheMember() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", null), actingAs(ActorRole.SYSTEM, MEMBER_ID.value()))
                .expectException(NotYourAccount.class);
    }

    @Test
    void accessIsCheckedBeforeTheInput() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, "not an e-mail", null), anonymous())
                .expectException(NotYourAccount.class);
    }

    @Test
    void aWithdrawnMembersProfileCannotChange() {
        fixture.given(memberRegistered(), memberWithdrawn())
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", REASON), staff(ActorRole.ADMIN))
                .expectNoEvents()
                .expectException(AccountWithdrawn.class);
    }

    @Test
    void anUnknownMemberCannotBeChanged() {
        fixture.givenNoPriorActivity()
                .when(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", REASON), staff(ActorRole.ADMIN))
                .expectException(AggregateNotFoundException.class);
    }

    // ---- name and phone

    @Test
    void theSameNameWrittenWithSpacesChangesNothing() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, "  " + NAME, null), self())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void changingBackToTheRegisteredNameIsAChange() {
        fixture.given(memberRegistered(), new MemberNameChanged(MEMBER_ID, "Kim Min-ji", null))
                .when(new ChangeMemberName(MEMBER_ID, NAME, null), self())
                .expectEvents(new MemberNameChanged(MEMBER_ID, NAME, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aNameChangeFollowsTheNameRules() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberName(MEMBER_ID, ofLength(51), null), self())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")));
    }

    @Test
    void theMemberChangesTheirPhone() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberPhone(MEMBER_ID, "010-9876-5432", null), self())
                .expectEvents(new MemberPhoneChanged(MEMBER_ID, "01098765432", null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSamePhoneWrittenDifferentlyChangesNothing() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberPhone(MEMBER_ID, "010 1234 5678", null), self())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aPhoneChangeFollowsThePhoneRules() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberPhone(MEMBER_ID, "02-123-4567", null), self())
                .expectNoEvents()
                .expectException(InvalidPhone.class);
    }

    // ---- e-mail

    @Test
    void anEmailChangeClaimsTheNewOneAndFreesTheOld() {
        ports.emails.claim(EMAIL, MEMBER_ID);

        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, " Minji.Kim@Example.org ", null), self())
                .expectEvents(new MemberEmailChanged(MEMBER_ID, "Minji.Kim@Example.org", null))
                .expectResultMessagePayload(1L);

        assertThat(ports.emails.holder("minji.kim@example.org")).contains(MEMBER_ID);
        assertThat(ports.emails.holder(EMAIL)).isEmpty();
    }

    @Test
    void theEmailFreedIsTheCurrentOneNotTheRegisteredOne() {
        ports.emails.claim("second@example.com", MEMBER_ID);

        fixture.given(memberRegistered(), new MemberEmailChanged(MEMBER_ID, "second@example.com", null))
                .when(new ChangeMemberEmail(MEMBER_ID, "third@example.com", null), self())
                .expectEvents(new MemberEmailChanged(MEMBER_ID, "third@example.com", null));

        assertThat(ports.emails.holder("second@example.com")).isEmpty();
        assertThat(ports.emails.holder("third@example.com")).contains(MEMBER_ID);
    }

    @Test
    void cannotTakeAnEmailAnotherMemberHolds() {
        ports.emails.claim(EMAIL, MEMBER_ID);
        ports.emails.claim("taken@example.com", OTHER_MEMBER);

        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, "TAKEN@example.com", null), self())
                .expectNoEvents()
                .expectException(EmailAlreadyRegistered.class)
                .expectException(violation(ErrorCode.DUPLICATE, List.of("email")));

        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
        assertThat(ports.emails.holder("taken@example.com")).contains(OTHER_MEMBER);
    }

    @Test
    void changingOnlyTheCaseOfTheEmailKeepsItsClaim() {
        ports.emails.claim(EMAIL, MEMBER_ID);

        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, "Minji@Example.com", null), self())
                .expectEvents(new MemberEmailChanged(MEMBER_ID, "Minji@Example.com", null));

        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
    }

    @Test
    void theSameEmailChangesNothing() {
        ports.emails.claim(EMAIL, MEMBER_ID);

        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, " " + EMAIL, null), self())
                .expectNoEvents()
                .expectResultMessagePayload(0L);

        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
    }

    @Test
    void anEmailChangeWhoseEventsAreNotStoredKeepsTheOldEmailAndFreesTheNew() {
        ports.emails.claim(EMAIL, MEMBER_ID);
        fixture.registerCommandHandlerInterceptor(MemberRegistrationTest.failingAfterTheHandler());

        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, "new@example.com", null), self())
                .expectException(IllegalStateException.class);

        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
        assertThat(ports.emails.holder("new@example.com")).isEmpty();
    }

    @Test
    void supportChangesTheEmailWithAReason() {
        ports.emails.claim(EMAIL, MEMBER_ID);

        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, "new@example.com", REASON), staff(ActorRole.SUPPORT))
                .expectEvents(new MemberEmailChanged(MEMBER_ID, "new@example.com", REASON));
    }

    @Test
    void anEmailChangeFollowsTheEmailRules() {
        fixture.given(memberRegistered())
                .when(new ChangeMemberEmail(MEMBER_ID, "new@example", null), self())
                .expectNoEvents()
                .expectException(InvalidEmail.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("email")));
    }

    // ---- marketing consents

    @Test
    void theMemberGivesConsentToSms() {
        fixture.given(memberRegistered())
                .when(new ChangeMarketingConsent(MEMBER_ID, MarketingChannel.SMS, true, null), self())
                .expectEvents(new MarketingConsentChanged(MEMBER_ID, MarketingChannel.SMS, true, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theMemberWithdrawsConsentToEmail() {
        fixture.given(memberRegistered())
                .when(new ChangeMarketingConsent(MEMBER_ID, MarketingChannel.EMAIL, false, null), self())
                .expectEvents(new MarketingConsentChanged(MEMBER_ID, MarketingChannel.EMAIL, false, null));
    }

    @Test
    void consentAlreadyGivenChangesNothing() {
        fixture.given(memberRegistered())
                .when(new ChangeMarketingConsent(MEMBER_ID, MarketingChannel.EMAIL, true, null), self())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void consentsAreTrackedPerChannel() {
        fixture.given(memberRegistered(),
                        new MarketingConsentChanged(MEMBER_ID, MarketingChannel.SMS, true, null))
                .when(new ChangeMarketingConsent(MEMBER_ID, MarketingChannel.EMAIL, false, null), self())
                .expectEvents(new MarketingConsentChanged(MEMBER_ID, MarketingChannel.EMAIL, false, null));
    }

    @Test
    void supportRecordsAConsentWithdrawnByPhone() {
        fixture.given(memberRegistered())
                .when(new ChangeMarketingConsent(MEMBER_ID, MarketingChannel.EMAIL, false, REASON),
                        staff(ActorRole.SUPPORT))
                .expectEvents(new MarketingConsentChanged(MEMBER_ID, MarketingChannel.EMAIL, false, REASON));
    }

    @Test
    void aConsentNeedsAChannel() {
        fixture.given(memberRegistered())
                .when(new ChangeMarketingConsent(MEMBER_ID, null, true, null), self())
                .expectNoEvents()
                .expectException(ChannelRequired.class);
    }

    @Test
    void systemActorsDoNotChangeConsents() {
        fixture.given(memberRegistered())
                .when(new ChangeMarketingConsent(MEMBER_ID, MarketingChannel.SMS, true, REASON), system("system:x"))
                .expectException(NotYourAccount.class);
    }

    @Test
    void anUnchangedPhoneIsStillRefusedAfterWithdrawal() {
        // even a no-op: a withdrawn account answers nothing about its former data
        fixture.given(memberRegistered(), memberWithdrawn())
                .when(new ChangeMemberPhone(MEMBER_ID, PHONE, null), self())
                .expectException(AccountWithdrawn.class);
    }
}
