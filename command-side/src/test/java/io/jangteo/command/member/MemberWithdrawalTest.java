package io.jangteo.command.member;

import io.jangteo.command.member.Credentials.WrongPassword;
import io.jangteo.command.member.MemberAccessPolicy.NotYourAccount;
import io.jangteo.command.member.MemberLifecycle.AccountWithdrawn;
import io.jangteo.command.shared.Reasons.ReasonRequired;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.AddAddress;
import io.jangteo.messages.member.ChangeMarketingConsent;
import io.jangteo.messages.member.ChangeMemberName;
import io.jangteo.messages.member.ChangeMemberRole;
import io.jangteo.messages.member.ChangePassword;
import io.jangteo.messages.member.ConfirmIdentityVerification;
import io.jangteo.messages.member.LinkSellerShop;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.RecordPersonalDataAccess;
import io.jangteo.messages.member.RegisterPaymentMethod;
import io.jangteo.messages.member.RemovePaymentMethod;
import io.jangteo.messages.member.UnlockMember;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.member.WithdrawMember;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.jangteo.command.member.MemberFixtures.CARD;
import static io.jangteo.command.member.MemberFixtures.EMAIL;
import static io.jangteo.command.member.MemberFixtures.HOME;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NEW_PASSWORD;
import static io.jangteo.command.member.MemberFixtures.OTHER_CARD;
import static io.jangteo.command.member.MemberFixtures.OTHER_MEMBER;
import static io.jangteo.command.member.MemberFixtures.PASSWORD;
import static io.jangteo.command.member.MemberFixtures.REASON;
import static io.jangteo.command.member.MemberFixtures.anotherCustomer;
import static io.jangteo.command.member.MemberFixtures.cardRegistered;
import static io.jangteo.command.member.MemberFixtures.home;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.memberWithdrawn;
import static io.jangteo.command.member.MemberFixtures.self;
import static io.jangteo.command.member.MemberFixtures.staff;
import static io.jangteo.command.member.MemberFixtures.system;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Closing an account (탈퇴): credentials, sessions and billing keys go; afterwards the account refuses everything. */
class MemberWithdrawalTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MemberPorts ports = new MemberPorts(mongo.freshDatabase());
    private final FixtureConfiguration<Member> fixture = ports.fixture();

    @BeforeEach
    void setUp() {
        ports.holdRegisteredCredentials();
    }

    @Test
    void theMemberWithdrawsWithTheirPasswordAndEverythingOutsideTheEventsGoes() {
        String session = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true),
                        cardRegistered(OTHER_CARD, "auth-2", false))
                .when(new WithdrawMember(MEMBER_ID, PASSWORD, "I found a cheaper shop, call me at 010-..."), self())
                // the member's own words are not kept
                .expectEvents(new MemberWithdrawn(MEMBER_ID, null))
                .expectResultMessagePayload(3L);

        assertThat(ports.emails.holder(EMAIL)).isEmpty();
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isFalse();
        assertThat(ports.sessions.rotate(session)).isEmpty();
        assertThat(ports.billingKeys.deleted).containsExactlyInAnyOrder("toss:bk-auth-1", "toss:bk-auth-2");
    }

    @Test
    void theEmailOfAWithdrawnMemberIsFreeForANewAccount() {
        fixture.given(memberRegistered())
                .when(new WithdrawMember(MEMBER_ID, PASSWORD, null), self())
                .expectEvents(memberWithdrawn());

        ports.emails.claim(EMAIL, OTHER_MEMBER);
        assertThat(ports.emails.holder(EMAIL)).contains(OTHER_MEMBER);
    }

    @Test
    void aWrongPasswordWithdrawsNothing() {
        String session = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true))
                .when(new WithdrawMember(MEMBER_ID, "not my password", null), self())
                .expectNoEvents()
                .expectException(WrongPassword.class)
                .expectException(violation(ErrorCode.INVALID_CREDENTIALS, List.of("currentPassword")));

        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isTrue();
        assertThat(ports.sessions.rotate(session)).isPresent();
        assertThat(ports.billingKeys.deleted).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ADMIN"})
    void staffWithdrawAnAccountWithAReasonAndNoPassword(ActorRole role) {
        fixture.given(memberRegistered())
                .when(new WithdrawMember(MEMBER_ID, null, REASON), staff(role))
                .expectEvents(new MemberWithdrawn(MEMBER_ID, REASON));

        assertThat(ports.emails.holder(EMAIL)).isEmpty();
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isFalse();
    }

    @Test
    void staffNeedAReasonToWithdrawAnAccount() {
        fixture.given(memberRegistered())
                .when(new WithdrawMember(MEMBER_ID, null, " "), staff(ActorRole.SUPPORT))
                .expectNoEvents()
                .expectException(ReasonRequired.class);

        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
    }

    @Test
    void anotherCustomerCannotWithdrawTheAccountEvenWithItsPassword() {
        fixture.given(memberRegistered())
                .when(new WithdrawMember(MEMBER_ID, PASSWORD, null), anotherCustomer())
                .expectNoEvents()
                .expectException(NotYourAccount.class);
    }

    @Test
    void aWithdrawalWhoseEventIsNotStoredKeepsTheEmailAndPassword() {
        fixture.registerCommandHandlerInterceptor(MemberRegistrationTest.failingAfterTheHandler());

        fixture.given(memberRegistered())
                .when(new WithdrawMember(MEMBER_ID, PASSWORD, null), self())
                .expectException(IllegalStateException.class);

        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isTrue();
    }

    static Stream<Arguments> everyCommandAfterWithdrawal() {
        return Stream.of(
                Arguments.of(new WithdrawMember(MEMBER_ID, PASSWORD, null), self()),
                Arguments.of(new WithdrawMember(MEMBER_ID, null, REASON), staff(ActorRole.ADMIN)),
                Arguments.of(new ChangeMemberName(MEMBER_ID, "Kim Min-ji", null), self()),
                Arguments.of(new ChangeMarketingConsent(MEMBER_ID, MarketingChannel.SMS, true, null), self()),
                Arguments.of(new AddAddress(MEMBER_ID, HOME, home(), false, REASON), staff(ActorRole.SUPPORT)),
                Arguments.of(new ChangePassword(MEMBER_ID, PASSWORD, NEW_PASSWORD), self()),
                Arguments.of(new RegisterPaymentMethod(MEMBER_ID, CARD, "toss", "auth-1"), self()),
                Arguments.of(new RemovePaymentMethod(MEMBER_ID, CARD, REASON), staff(ActorRole.SUPPORT)),
                Arguments.of(new ConfirmIdentityVerification(MEMBER_ID, VerificationId.of("v-1"), "123456"), self()),
                Arguments.of(new UnlockMember(MEMBER_ID, REASON), staff(ActorRole.SUPPORT)),
                Arguments.of(new ChangeMemberRole(MEMBER_ID, ActorRole.SUPPORT, REASON), staff(ActorRole.ADMIN)),
                Arguments.of(new LinkSellerShop(MEMBER_ID, SellerId.of("s-1")), system("system:seller-onboarding")),
                Arguments.of(new RecordPersonalDataAccess(MEMBER_ID, List.of("email"), null),
                        staff(ActorRole.SUPPORT)));
    }

    @ParameterizedTest
    @MethodSource("everyCommandAfterWithdrawal")
    void aWithdrawnAccountRefusesEveryCommand(Object command, Map<String, Object> actor) {
        fixture.given(memberRegistered(), cardRegistered(CARD, "auth-1", true), memberWithdrawn())
                .when(command, actor)
                .expectNoEvents()
                .expectException(AccountWithdrawn.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }
}
