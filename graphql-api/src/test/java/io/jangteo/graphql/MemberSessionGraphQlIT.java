package io.jangteo.graphql;

import io.jangteo.command.notification.SandboxNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out: lock-out after repeated failures, refresh-token rotation and theft detection, password reset. */
class MemberSessionGraphQlIT extends MemberTestSupport {

    @Autowired
    SandboxNotifications notifications;

    @Test
    void repeatedWrongPasswordsLockTheAccountAndTheAttemptsAreInItsHistory() {
        Account member = newCustomer("lockout");
        for (int attempt = 1; attempt <= 5; attempt++) {
            anonymous().documentName("logIn").variable("input", Map.of("email", member.email(), "password", "wrong-" + attempt))
                    .execute().path("logIn.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS")
                    .path("logIn.accessToken").valueIsNull();
        }
        // now even the right password is refused until the lock ends
        GraphQlTester.Response locked = anonymous().documentName("logIn")
                .variable("input", Map.of("email", member.email(), "password", PASSWORD)).execute();
        locked.path("logIn.errors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
        locked.path("logIn.lockedUntil").hasValue();

        List<String> types = eventsOf(member.memberId()).stream()
                .map(e -> e.getPayloadType().getSimpleName()).toList();
        assertThat(types).containsSubsequence("LoginSucceeded", "LoginFailed", "LoginFailed", "LoginFailed",
                "LoginFailed", "LoginFailed", "AccountLocked", "LoginFailed");

        // support lifts the lock with a reason; the member signs in again
        bearer(staff("SUPPORT").accessToken()).document("""
                        mutation($id: ID!) { unlockMember(input: {memberId: $id, reason: "verified by phone"})
                          { member { status } errors { code message } } }""")
                .variable("id", member.memberId()).execute()
                .path("unlockMember.errors").entityList(Object.class).hasSize(0)
                .path("unlockMember.member.status").entity(String.class).isEqualTo("ACTIVE");
        assertThat(logIn(member.email(), PASSWORD).memberId()).isEqualTo(member.memberId());
    }

    @Test
    void aSignInShowsTheMemberWhoSignedInButNobodyElse() {
        String email = uniqueEmail("welcome");
        register(email, "환영 회원", "010-2020-3030");
        anonymous().document("mutation($input: LogInInput!) { logIn(input: $input) { member { email name phone } } }")
                .variable("input", Map.of("email", email, "password", PASSWORD)).execute()
                .path("logIn.member.email").entity(String.class).isEqualTo(email)
                .path("logIn.member.name").entity(String.class).isEqualTo("환영 회원");
        // the same request without a token still sees no one else's personal data
        Account other = newCustomer("stranger");
        anonymous().document("query($id: ID!) { member(id: $id) { email } }").variable("id", other.memberId())
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    @Test
    void aRefreshTokenWorksOnceAndReusingItEndsTheWholeSession() {
        Account member = newCustomer("refresh");
        String second = anonymous().documentName("refreshSession").variable("refreshToken", member.refreshToken())
                .execute().path("refreshSession.errors").entityList(Object.class).hasSize(0)
                .path("refreshSession.member.id").entity(String.class).isEqualTo(member.memberId())
                .path("refreshSession.refreshToken").entity(String.class).get();
        assertThat(second).isNotEqualTo(member.refreshToken());

        // the first token again: someone replayed it, so the session family ends, the newer token included
        anonymous().documentName("refreshSession").variable("refreshToken", member.refreshToken()).execute()
                .path("refreshSession.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        anonymous().documentName("refreshSession").variable("refreshToken", second).execute()
                .path("refreshSession.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void loggingOutEndsTheSession() {
        Account member = newCustomer("logout");
        anonymous().document("mutation($t: String!) { logOut(input: {refreshToken: $t}) { loggedOut } }")
                .variable("t", member.refreshToken()).execute()
                .path("logOut.loggedOut").entity(Boolean.class).isEqualTo(true);
        anonymous().documentName("refreshSession").variable("refreshToken", member.refreshToken()).execute()
                .path("refreshSession.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
        assertThat(eventsOf(member.memberId())).extracting(e -> e.getPayloadType().getSimpleName())
                .contains("MemberLoggedOut");
    }

    @Test
    void aPasswordResetTokenSetsANewPasswordOnce() {
        Account member = newCustomer("reset");
        anonymous().document("mutation($e: String!) { requestPasswordReset(input: {email: $e}) { accepted } }")
                .variable("e", member.email().toUpperCase()).execute()
                .path("requestPasswordReset.accepted").entity(Boolean.class).isEqualTo(true);
        // an unknown e-mail gets the same answer and sends nothing
        anonymous().document("mutation { requestPasswordReset(input: {email: \"nobody@it.jangteo.test\"}) { accepted } }")
                .execute().path("requestPasswordReset.accepted").entity(Boolean.class).isEqualTo(true);
        assertThat(notifications.lastTo("nobody@it.jangteo.test")).isEmpty();

        String token = notifications.lastTo(member.email()).orElseThrow().token();
        String reset = "mutation($t: String!) { resetPassword(input: {resetToken: $t, newPassword: \"a brand new secret 9\"})"
                + " { reset errors { code } } }";
        anonymous().document(reset).variable("t", token).execute()
                .path("resetPassword.reset").entity(Boolean.class).isEqualTo(true);
        anonymous().document(reset).variable("t", token).execute()
                .path("resetPassword.reset").entity(Boolean.class).isEqualTo(false)
                .path("resetPassword.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");

        assertThat(logIn(member.email(), "a brand new secret 9").memberId()).isEqualTo(member.memberId());
        anonymous().documentName("logIn").variable("input", Map.of("email", member.email(), "password", PASSWORD))
                .execute().path("logIn.errors[0].code").entity(String.class).isEqualTo("INVALID_CREDENTIALS");
    }
}
