package io.jangteo.command.member;

import io.jangteo.command.member.Credentials.InvalidResetToken;
import io.jangteo.command.member.Credentials.PasswordLength;
import io.jangteo.command.member.MemberLifecycle.AccountWithdrawn;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.AccountUnlocked;
import io.jangteo.messages.member.LogIn;
import io.jangteo.messages.member.LogOut;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.LoginResult;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MemberLoggedOut;
import io.jangteo.messages.member.MemberRoleChanged;
import io.jangteo.messages.member.PasswordReset;
import io.jangteo.messages.member.PasswordResetRequested;
import io.jangteo.messages.member.RefreshSession;
import io.jangteo.messages.member.RequestPasswordReset;
import io.jangteo.messages.member.ResetPassword;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.jangteo.command.member.MemberFixtures.EMAIL;
import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NEW_PASSWORD;
import static io.jangteo.command.member.MemberFixtures.NOW;
import static io.jangteo.command.member.MemberFixtures.PASSWORD;
import static io.jangteo.command.member.MemberFixtures.accountLocked;
import static io.jangteo.command.member.MemberFixtures.anonymous;
import static io.jangteo.command.member.MemberFixtures.loginFailed;
import static io.jangteo.command.member.MemberFixtures.memberRegistered;
import static io.jangteo.command.member.MemberFixtures.memberWithdrawn;
import static io.jangteo.command.member.MemberFixtures.satisfying;
import static io.jangteo.command.shared.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, lock-out, session refresh, sign-out and password reset, through {@link Authentication}. */
class AuthenticationTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final MemberPorts ports = new MemberPorts(mongo.freshDatabase());
    private final FixtureConfiguration<Member> fixture = ports.fixture();

    @BeforeEach
    void setUp() {
        ports.holdRegisteredCredentials();
    }

    private static LoginResult failed(LoginFailure failure, Instant lockedUntil) {
        return LoginResult.failed(failure, lockedUntil);
    }

    // ---- login

    @Test
    void theRightPasswordSignsInAndStartsASession() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered())
                .when(new LogIn(" MINJI@example.com ", PASSWORD), anonymous())
                .expectEvents(new LoginSucceeded(MEMBER_ID))
                .expectResultMessagePayloadMatching(satisfying(LoginResult.class, result -> {
                    assertThat(result.succeeded()).isTrue();
                    assertThat(result.memberId()).isEqualTo(MEMBER_ID);
                    assertThat(result.role()).isEqualTo(ActorRole.CUSTOMER);
                    assertThat(result.sellerId()).isNull();
                    assertThat(result.refreshExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
                    assertThat(ports.sessions.rotate(result.refreshToken())).isPresent();
                }));
    }

    @Test
    void aSellerSignsInWithTheirShop() {
        fixture.given(memberRegistered(), new MemberRoleChanged(MEMBER_ID, ActorRole.SELLER, "s-1", "shop approved"))
                .when(new LogIn(EMAIL, PASSWORD), anonymous())
                .expectResultMessagePayloadMatching(satisfying(LoginResult.class, result -> {
                    assertThat(result.role()).isEqualTo(ActorRole.SELLER);
                    assertThat(result.sellerId()).isEqualTo("s-1");
                }));
    }

    @Test
    void aWrongPasswordIsAnsweredAndRecordedNotThrown() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered())
                .when(new LogIn(EMAIL, "wrong password"), anonymous())
                .expectSuccessfulHandlerExecution()
                .expectEvents(loginFailed(1))
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, null));
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(new LogIn("nobody@example.com", PASSWORD), anonymous())
                .expectNoEvents()
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, null));
    }

    @Test
    void missingCredentialsAreBadCredentials() {
        fixture.given(memberRegistered())
                .when(new LogIn(null, null), anonymous())
                .expectNoEvents()
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, null));
    }

    @Test
    void aMissingPasswordForAKnownEmailIsAFailedAttempt() {
        fixture.given(memberRegistered())
                .when(new LogIn(EMAIL, null), anonymous())
                .expectEvents(loginFailed(1))
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, null));
    }

    @Test
    void failuresCountConsecutively() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(1), loginFailed(2), loginFailed(3))
                .when(new LogIn(EMAIL, "wrong password"), anonymous())
                .expectEvents(loginFailed(4))
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, null));
    }

    @Test
    void theFifthConsecutiveFailureLocksTheAccount() {
        Instant until = NOW.plus(LOCKOUT);
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(1), loginFailed(2), loginFailed(3), loginFailed(4))
                .when(new LogIn(EMAIL, "wrong password"), anonymous())
                .expectEvents(loginFailed(5), new AccountLocked(MEMBER_ID, until, 5))
                // still a wrong password, and the caller learns the lock it led to
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, until));
    }

    @Test
    void whileLockedEvenTheRightPasswordIsRefusedAndNoSessionStarts() {
        Instant until = NOW.plus(Duration.ofMinutes(10));
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(5), accountLocked(until))
                .when(new LogIn(EMAIL, PASSWORD), anonymous())
                .expectEvents(new LoginFailed(MEMBER_ID, LoginFailure.LOCKED, 5))
                .expectResultMessagePayload(failed(LoginFailure.LOCKED, until));

        assertThat(mongoSessionCount()).isZero();
    }

    @Test
    void attemptsWhileLockedDoNotExtendTheLock() {
        Instant until = NOW.plus(Duration.ofMinutes(10));
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(5), accountLocked(until),
                        new LoginFailed(MEMBER_ID, LoginFailure.LOCKED, 5))
                .when(new LogIn(EMAIL, "wrong password"), anonymous())
                .expectEvents(new LoginFailed(MEMBER_ID, LoginFailure.LOCKED, 5))
                .expectResultMessagePayload(failed(LoginFailure.LOCKED, until));
    }

    @Test
    void theRightPasswordWorksAgainOnceTheLockHasRunOut() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(5), accountLocked(NOW.plus(LOCKOUT)))
                .andGivenCurrentTime(NOW.plus(LOCKOUT))
                .when(new LogIn(EMAIL, PASSWORD), anonymous())
                .expectEvents(new LoginSucceeded(MEMBER_ID))
                .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                        result -> assertThat(result.succeeded()).isTrue()));
    }

    @Test
    void afterAnExpiredLockFailuresCountFromZeroAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(5), accountLocked(NOW.plus(LOCKOUT)))
                .andGivenCurrentTime(NOW.plus(LOCKOUT).plusSeconds(1))
                .when(new LogIn(EMAIL, "wrong password"), anonymous())
                .expectEvents(loginFailed(1))
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, null));
    }

    @Test
    void aSuccessResetsTheCount() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(1), loginFailed(2), loginFailed(3), loginFailed(4),
                        new LoginSucceeded(MEMBER_ID))
                .when(new LogIn(EMAIL, "wrong password"), anonymous())
                .expectEvents(loginFailed(1));
    }

    @Test
    void anUnlockResetsTheCount() {
        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(5), accountLocked(NOW.plus(LOCKOUT)),
                        new AccountUnlocked(MEMBER_ID, "support"))
                .when(new LogIn(EMAIL, "wrong password"), anonymous())
                .expectEvents(loginFailed(1));
    }

    @Test
    void aWithdrawnMemberWhoseEmailWasNotFreedCannotSignIn() {
        fixture.given(memberRegistered(), memberWithdrawn())
                .when(new LogIn(EMAIL, PASSWORD), anonymous())
                .expectNoEvents()
                .expectResultMessagePayload(failed(LoginFailure.WITHDRAWN, null));
    }

    @Test
    void anEmailWhoseRegistrationWasNeverStoredSignsNobodyIn() {
        fixture.givenNoPriorActivity()
                .when(new LogIn(EMAIL, PASSWORD), anonymous())
                .expectNoEvents()
                .expectResultMessagePayload(failed(LoginFailure.BAD_CREDENTIALS, null));
    }

    // ---- refresh

    @Test
    void aRefreshAnswersANewTokenWithTheRoleAsItIsNow() {
        String token = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.given(memberRegistered(), new MemberRoleChanged(MEMBER_ID, ActorRole.SUPPORT, null, "hired"))
                .when(new RefreshSession(token), anonymous())
                .expectNoEvents()
                .expectResultMessagePayloadMatching(satisfying(LoginResult.class, result -> {
                    assertThat(result.succeeded()).isTrue();
                    assertThat(result.memberId()).isEqualTo(MEMBER_ID);
                    assertThat(result.role()).isEqualTo(ActorRole.SUPPORT);
                    assertThat(result.refreshToken()).isNotEqualTo(token);
                    assertThat(ports.sessions.rotate(result.refreshToken())).isPresent();
                }));
    }

    @Test
    void anUnknownTokenIsAnInvalidSession() {
        fixture.given(memberRegistered())
                .when(new RefreshSession("unknown"), anonymous())
                .expectNoEvents()
                .expectResultMessagePayload(failed(LoginFailure.SESSION_INVALID, null));
    }

    @Test
    void aLockedMemberCannotRefreshAndTheSessionEnds() {
        String token = ports.sessions.start(MEMBER_ID).refreshToken();
        Instant until = NOW.plus(LOCKOUT);

        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), accountLocked(until))
                .when(new RefreshSession(token), anonymous())
                .expectResultMessagePayload(failed(LoginFailure.LOCKED, until));

        assertThat(mongoLiveSessionCount()).isZero();
    }

    @Test
    void aWithdrawnMemberCannotRefresh() {
        String token = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.given(memberRegistered(), memberWithdrawn())
                .when(new RefreshSession(token), anonymous())
                .expectResultMessagePayload(failed(LoginFailure.WITHDRAWN, null));

        assertThat(mongoLiveSessionCount()).isZero();
    }

    @Test
    void aTokenOfAMemberWhoseRegistrationWasNeverStoredIsInvalid() {
        String token = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.givenNoPriorActivity()
                .when(new RefreshSession(token), anonymous())
                .expectResultMessagePayload(failed(LoginFailure.SESSION_INVALID, null));

        assertThat(mongoLiveSessionCount()).isZero();
    }

    // ---- logout

    @Test
    void loggingOutEndsTheSessionAndIsRecorded() {
        String token = ports.sessions.start(MEMBER_ID).refreshToken();

        fixture.given(memberRegistered())
                .when(new LogOut(token), anonymous())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberLoggedOut(MEMBER_ID));

        assertThat(ports.sessions.rotate(token)).isEmpty();
    }

    @Test
    void loggingOutWithAnUnknownTokenIsQuietlyNothing() {
        fixture.given(memberRegistered())
                .when(new LogOut("unknown"), anonymous())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void loggingOutTwiceRecordsOnce() {
        String token = ports.sessions.start(MEMBER_ID).refreshToken();
        ports.sessions.revoke(token);

        fixture.given(memberRegistered(), new MemberLoggedOut(MEMBER_ID))
                .when(new LogOut(token), anonymous())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---- password reset

    @Test
    void aResetIsSentToTheEmailAsTyped() {
        fixture.given(memberRegistered())
                .when(new RequestPasswordReset(" Minji@Example.com "), anonymous())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PasswordResetRequested(MEMBER_ID));

        assertThat(ports.notifications.resetMails).singleElement().satisfies(mail -> {
            assertThat(mail.email()).isEqualTo("Minji@Example.com");
            assertThat(mail.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
            assertThat(ports.resets.redeem(mail.token())).contains(MEMBER_ID);
        });
    }

    @Test
    void aResetForAnUnknownEmailSendsNothingAndAnswersTheSame() {
        fixture.given(memberRegistered())
                .when(new RequestPasswordReset("nobody@example.com"), anonymous())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(null);

        assertThat(ports.notifications.resetMails).isEmpty();
    }

    @Test
    void aResetForAWithdrawnMemberSendsNothing() {
        fixture.given(memberRegistered(), memberWithdrawn())
                .when(new RequestPasswordReset(EMAIL), anonymous())
                .expectNoEvents();

        assertThat(ports.notifications.resetMails).isEmpty();
    }

    @Test
    void aBlankResetRequestSendsNothing() {
        fixture.given(memberRegistered())
                .when(new RequestPasswordReset(" "), anonymous())
                .expectNoEvents();

        assertThat(ports.notifications.resetMails).isEmpty();
    }

    @Test
    void aResetTokenSetsANewPasswordAndEndsEverySession() {
        String session = ports.sessions.start(MEMBER_ID).refreshToken();
        String token = ports.resets.issue(MEMBER_ID).token();

        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered())
                .when(new ResetPassword(token, NEW_PASSWORD), anonymous())
                .expectEvents(new PasswordReset(MEMBER_ID));

        assertThat(ports.passwords.matches(MEMBER_ID, NEW_PASSWORD)).isTrue();
        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isFalse();
        assertThat(ports.sessions.rotate(session)).isEmpty();
    }

    @Test
    void aResetUnlocksALockedAccount() {
        String token = ports.resets.issue(MEMBER_ID).token();

        fixture.givenCurrentTime(NOW)
                .andGiven(memberRegistered(), loginFailed(5), accountLocked(NOW.plus(LOCKOUT)))
                .when(new ResetPassword(token, NEW_PASSWORD), anonymous())
                .expectEvents(new PasswordReset(MEMBER_ID), new AccountUnlocked(MEMBER_ID, "password reset"));
    }

    @Test
    void aResetTokenWorksOnce() {
        String token = ports.resets.issue(MEMBER_ID).token();
        ports.resets.redeem(token);

        fixture.given(memberRegistered())
                .when(new ResetPassword(token, NEW_PASSWORD), anonymous())
                .expectNoEvents()
                .expectException(InvalidResetToken.class)
                .expectException(violation(ErrorCode.INVALID_CREDENTIALS, List.of("resetToken")));

        assertThat(ports.passwords.matches(MEMBER_ID, PASSWORD)).isTrue();
    }

    @Test
    void anExpiredResetTokenIsRefused() {
        String token = ports.resets.issue(MEMBER_ID).token();
        ports.clock.advance(Duration.ofMinutes(30));

        fixture.given(memberRegistered())
                .when(new ResetPassword(token, NEW_PASSWORD), anonymous())
                .expectException(InvalidResetToken.class);
    }

    @Test
    void anUnknownResetTokenIsRefused() {
        fixture.given(memberRegistered())
                .when(new ResetPassword("unknown", NEW_PASSWORD), anonymous())
                .expectException(InvalidResetToken.class);
    }

    @Test
    void aTooShortNewPasswordDoesNotSpendTheToken() {
        String token = ports.resets.issue(MEMBER_ID).token();

        fixture.given(memberRegistered())
                .when(new ResetPassword(token, "short"), anonymous())
                .expectNoEvents()
                .expectException(PasswordLength.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("newPassword")));

        assertThat(ports.resets.redeem(token)).contains(MEMBER_ID);
    }

    @Test
    void aWithdrawnMemberCannotResetAPassword() {
        String token = ports.resets.issue(MEMBER_ID).token();

        fixture.given(memberRegistered(), memberWithdrawn())
                .when(new ResetPassword(token, NEW_PASSWORD), anonymous())
                .expectNoEvents()
                .expectException(AccountWithdrawn.class);
    }

    private long mongoSessionCount() {
        return countSessions(Document.parse("{}"));
    }

    private long mongoLiveSessionCount() {
        return countSessions(Document.parse("{revokedAt: null}"));
    }

    private long countSessions(Document filter) {
        return ports.database.getCollection(MongoSessions.COLLECTION).countDocuments(filter);
    }
}
