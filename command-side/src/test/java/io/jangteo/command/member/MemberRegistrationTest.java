package io.jangteo.command.member;

import io.jangteo.command.member.ContactDetails.InvalidEmail;
import io.jangteo.command.member.ContactDetails.InvalidName;
import io.jangteo.command.member.ContactDetails.InvalidPhone;
import io.jangteo.command.member.Credentials.PasswordIsTheEmail;
import io.jangteo.command.member.Credentials.PasswordLength;
import io.jangteo.command.member.Credentials.WrongPassword;
import io.jangteo.command.member.MemberAccessPolicy.OnlyTheMemberMay;
import io.jangteo.command.member.MemberLifecycle.AccountWithdrawn;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.ChangePassword;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.PasswordChanged;
import io.jangteo.messages.member.RegisterMember;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.jangteo.command.member.MemberFixtures.EMAIL;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NAME;
import static io.jangteo.command.member.MemberFixtures.NEW_PASSWORD;
import static io.jangteo.command.member.MemberFixtures.OTHER_MEMBER;
import static io.jangteo.command.member.MemberFixtures.PASSWORD;
import static io.jangteo.command.member.MemberFixtures.PHONE;
import static io.jangteo.command.member.MemberFixtures.PHONE_DIGITS;
import static io.jangteo.command.member.MemberFixtures.actingAs;
import static io.jangteo.command.member.MemberFixtures.anonymous;
import static io.jangteo.command.member.MemberFixtures.anotherCustomer;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.memberWithdrawn;
import static io.jangteo.command.member.MemberFixtures.ofLength;
import static io.jangteo.command.member.MemberFixtures.registerMember;
import static io.jangteo.command.member.MemberFixtures.self;
import static io.jangteo.command.member.MemberFixtures.staff;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Opening an account and changing its password. */
class MemberRegistrationTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MemberPorts ports = new MemberPorts(mongo.freshDatabase());
    private final FixtureConfiguration<Member> fixture = ports.fixture();

    // ---- registration

    @Test
    void anAnonymousVisitorRegistersAsACustomer() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER_ID, " Minji@Example.com ", PASSWORD, "  " + NAME + " ",
                        "010 1234-5678", false, true), anonymous())
                .expectSuccessfulHandlerExecution()
                // the e-mail as typed (stripped), the phone as digits; the password in no event
                .expectEvents(new MemberRegistered(MEMBER_ID, "Minji@Example.com", NAME, PHONE_DIGITS,
                        ActorRole.CUSTOMER, false, true));

        assertThat(ports.emails.holder("minji@example.com")).contains(MEMBER_ID);
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isTrue();
    }

    @Test
    void aCommandWithoutAnActorMayRegisterToo() {
        fixture.givenNoPriorActivity()
                .when(registerMember(), Map.of())
                .expectEvents(memberRegistered());
    }

    @Test
    void anInternationalPhoneIsKeptInE164() {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, PASSWORD, NAME, "+44 20 7946 0958"), anonymous())
                .expectEvents(new MemberRegistered(MEMBER_ID, EMAIL, NAME, "+442079460958", ActorRole.CUSTOMER,
                        true, false));
    }

    @Test
    void cannotRegisterWithAnEmailAnotherMemberHolds() {
        ports.emails.claim("MINJI@example.com", OTHER_MEMBER);

        fixture.givenNoPriorActivity()
                .when(registerMember(), anonymous())
                .expectNoEvents()
                .expectException(EmailAlreadyRegistered.class)
                .expectException(violation(ErrorCode.DUPLICATE, List.of("email")));

        assertThat(ports.emails.holder(EMAIL)).contains(OTHER_MEMBER);
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "minji", "minji@example", "minji@@example.com", "min ji@example.com",
            "@example.com", "minji@example."})
    void cannotRegisterWithAMalformedEmail(String email) {
        fixture.givenNoPriorActivity()
                .when(registerMember(email, PASSWORD, NAME, PHONE), anonymous())
                .expectNoEvents()
                .expectException(InvalidEmail.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("email")));
    }

    @Test
    void anEmailHasAtMost254Characters() {
        String longest = "a".repeat(242) + "@example.com";
        fixture.givenNoPriorActivity()
                .when(registerMember(longest, PASSWORD, NAME, PHONE), anonymous())
                .expectSuccessfulHandlerExecution();

        FixtureConfiguration<Member> another = ports.fixture();
        another.givenNoPriorActivity()
                .when(registerMember("a" + longest, PASSWORD, NAME, PHONE), anonymous())
                .expectException(InvalidEmail.class);
    }

    @Test
    void cannotRegisterWithANullEmail() {
        fixture.givenNoPriorActivity()
                .when(registerMember(null, PASSWORD, NAME, PHONE), anonymous())
                .expectException(InvalidEmail.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 129})
    void aPasswordHasTenTo128Characters(int length) {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, "p".repeat(length), NAME, PHONE), anonymous())
                .expectNoEvents()
                .expectException(PasswordLength.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("password")));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 128})
    void passwordsOfTheBoundaryLengthsAreFine(int length) {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, ofLength(length), NAME, PHONE), anonymous())
                .expectSuccessfulHandlerExecution();

        assertThat(ports.passwords.matches(MEMBER_ID, ofLength(length))).isTrue();
    }

    @Test
    void aPasswordMustNotBeTheEmail() {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, " MINJI@example.com", NAME, PHONE), anonymous())
                .expectNoEvents()
                .expectException(PasswordIsTheEmail.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("password")));
    }

    @Test
    void cannotRegisterWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, PASSWORD, " \t", PHONE), anonymous())
                .expectNoEvents()
                .expectException(InvalidName.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")));
    }

    @Test
    void aNameHasAtMostFiftyCharacters() {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, PASSWORD, ofLength(51), PHONE), anonymous())
                .expectException(InvalidName.class);
    }

    @Test
    void aNameOfFiftyCharactersIsFine() {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, PASSWORD, ofLength(50), PHONE), anonymous())
                .expectEvents(new MemberRegistered(MEMBER_ID, EMAIL, ofLength(50), PHONE_DIGITS, ActorRole.CUSTOMER,
                        true, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02-123-4567", "010-123-456", "012-1234-5678", "010-1234-56789", "+1234567",
            "+1234567890123456", "+82-10-abcd-5678"})
    void cannotRegisterWithAPhoneThatIsNeitherKoreanMobileNorE164(String phone) {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, PASSWORD, NAME, phone), anonymous())
                .expectNoEvents()
                .expectException(InvalidPhone.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("phone")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"011-123-4567", "016 1234 5678", "01912345678", "+12345678"})
    void olderMobilePrefixesAndShortInternationalNumbersAreFine(String phone) {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, PASSWORD, NAME, phone), anonymous())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRefusedRegistrationClaimsNothing() {
        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, PASSWORD, NAME, "123"), anonymous())
                .expectException(InvalidPhone.class);

        assertThat(ports.emails.holder(EMAIL)).isEmpty();
    }

    @Test
    void aRegistrationWhoseEventsAreNotStoredFreesItsEmailAndSetsNoPassword() {
        fixture.registerCommandHandlerInterceptor(failingAfterTheHandler());

        fixture.givenNoPriorActivity()
                .when(registerMember(), anonymous())
                .expectException(IllegalStateException.class);

        assertThat(ports.emails.holder(EMAIL)).isEmpty();
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isFalse();
    }

    @Test
    void aRegistrationReplayedForAnExistingMemberKeepsItsPasswordAndItsEmail() {
        // sent again with an existing member id, a registration runs and fails only when the event store refuses a
        // second stream for that id; the in-memory store of the fixture does not, the interceptor plays its part
        ports.emails.claim(EMAIL, MEMBER_ID);
        ports.passwords.set(MEMBER_ID, PASSWORD);
        fixture.registerCommandHandlerInterceptor(failingAfterTheHandler());

        fixture.givenNoPriorActivity()
                .when(registerMember(EMAIL, "intruder's password", NAME, PHONE), anonymous())
                .expectException(IllegalStateException.class);

        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isTrue();
        assertThat(ports.passwords.matches(MEMBER_ID, "intruder's password")).isFalse();
        assertThat(ports.emails.holder(EMAIL)).contains(MEMBER_ID);
    }

    /** Stands in for an event store that refuses the events after the handler ran. */
    static MessageHandlerInterceptor<CommandMessage<?>> failingAfterTheHandler() {
        return (unitOfWork, chain) -> {
            chain.proceed();
            throw new IllegalStateException("the event store refused the events");
        };
    }

    // ---- password change

    @Test
    void theMemberChangesTheirPasswordAndEverySessionEnds() {
        ports.passwords.set(MEMBER_ID, PASSWORD);
        String session = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, PASSWORD, NEW_PASSWORD), self())
                .expectEvents(new PasswordChanged(MEMBER_ID))
                .expectResultMessagePayload(1L);

        assertThat(ports.passwords.matches(MEMBER_ID, NEW_PASSWORD)).isTrue();
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isFalse();
        assertThat(ports.sessions.rotate(session)).isEmpty();
    }

    @Test
    void anAdminChangesTheirOwnPasswordAsAMember() {
        ports.passwords.set(MEMBER_ID, PASSWORD);

        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, PASSWORD, NEW_PASSWORD), actingAs(ActorRole.ADMIN, MEMBER_ID.value()))
                .expectEvents(new PasswordChanged(MEMBER_ID));
    }

    @Test
    void cannotChangeThePasswordWithAWrongCurrentOne() {
        ports.passwords.set(MEMBER_ID, PASSWORD);
        String session = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, "wrong password", NEW_PASSWORD), self())
                .expectNoEvents()
                .expectException(WrongPassword.class)
                .expectException(violation(ErrorCode.INVALID_CREDENTIALS, List.of("currentPassword")));

        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isTrue();
        assertThat(ports.sessions.rotate(session)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"SUPPORT", "ADMIN", "SYSTEM"})
    void staffCannotChangeAMembersPassword(ActorRole role) {
        ports.passwords.set(MEMBER_ID, PASSWORD);

        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, PASSWORD, NEW_PASSWORD), staff(role))
                .expectNoEvents()
                .expectException(OnlyTheMemberMay.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));

        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isTrue();
    }

    @Test
    void anotherCustomerCannotChangeThePassword() {
        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, PASSWORD, NEW_PASSWORD), anotherCustomer())
                .expectException(OnlyTheMemberMay.class);
    }

    @Test
    void accessIsCheckedBeforeTheNewPassword() {
        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, null, "short"), staff(ActorRole.SUPPORT))
                .expectException(OnlyTheMemberMay.class);
    }

    @Test
    void aNewPasswordFollowsThePasswordRules() {
        ports.passwords.set(MEMBER_ID, PASSWORD);

        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, PASSWORD, "short"), self())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("newPassword")));
    }

    @Test
    void aNewPasswordMustNotBeTheEmail() {
        ports.passwords.set(MEMBER_ID, PASSWORD);

        fixture.given(memberRegistered())
                .when(new ChangePassword(MEMBER_ID, PASSWORD, EMAIL), self())
                .expectNoEvents()
                .expectException(PasswordIsTheEmail.class);
    }

    @Test
    void aWithdrawnMemberCannotChangeAPassword() {
        fixture.given(memberRegistered(), memberWithdrawn())
                .when(new ChangePassword(MEMBER_ID, PASSWORD, NEW_PASSWORD), self())
                .expectNoEvents()
                .expectException(AccountWithdrawn.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }
}
