package io.jangteo.command.member;

import io.jangteo.command.member.Credentials.InvalidResetToken;
import io.jangteo.command.notification.Notifications;
import io.jangteo.messages.member.LogIn;
import io.jangteo.messages.member.LogOut;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.LoginResult;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.RefreshSession;
import io.jangteo.messages.member.RequestPasswordReset;
import io.jangteo.messages.member.ResetPassword;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Sign-in, session refresh, sign-out and password resets: commands that name an e-mail or a token, not a member. This
 * handler finds the member (through the e-mail registry or the token's store) and loads the {@link Member} through its
 * repository, so the events of an attempt are stored with the member's history, also when the attempt fails: a failed
 * login is an answer ({@link LoginResult}), never an exception, because an exception would roll its events back.
 * <p>
 * An unknown e-mail and a wrong password get the same answer, after the same work, so nobody can probe which e-mails
 * are registered; a reset request answers nothing either way.
 */
@Component
class Authentication {

    private final Repository<Member> members;
    private final EmailRegistry emails;
    private final PasswordStore passwords;
    private final Sessions sessions;
    private final PasswordResets resets;
    private final Notifications notifications;
    private final MemberSettings settings;

    Authentication(@Qualifier("memberRepository") Repository<Member> members, EmailRegistry emails,
                   PasswordStore passwords, Sessions sessions, PasswordResets resets, Notifications notifications,
                   MemberSettings settings) {
        this.members = members;
        this.emails = emails;
        this.passwords = passwords;
        this.sessions = sessions;
        this.resets = resets;
        this.notifications = notifications;
        this.settings = settings;
    }

    @CommandHandler
    LoginResult handle(LogIn command) {
        Optional<Aggregate<Member>> member = emails.holder(command.email()).flatMap(this::load);
        if (member.isEmpty()) {
            passwords.matchNothing(command.password());
            return LoginResult.failed(LoginFailure.BAD_CREDENTIALS, null);
        }
        return member.get().invoke(m -> m.logIn(command.password(), passwords, sessions, settings));
    }

    @CommandHandler
    LoginResult handle(RefreshSession command) {
        Optional<Sessions.Issued> rotated = sessions.rotate(command.refreshToken());
        if (rotated.isEmpty()) {
            return LoginResult.failed(LoginFailure.SESSION_INVALID, null);
        }
        Sessions.Issued session = rotated.get();
        LoginResult result = load(session.memberId())
                .map(member -> member.invoke(m -> m.refreshed(session)))
                .orElse(LoginResult.failed(LoginFailure.SESSION_INVALID, null));
        if (!result.succeeded()) {
            // the presented token is spent already; its successor must not outlive the refusal
            sessions.revoke(session.refreshToken());
        }
        return result;
    }

    @CommandHandler
    void handle(LogOut command) {
        sessions.revoke(command.refreshToken())
                .flatMap(this::load)
                .ifPresent(member -> member.execute(Member::loggedOut));
    }

    @CommandHandler
    void handle(RequestPasswordReset command) {
        if (command.email() == null || command.email().isBlank()) {
            return;
        }
        String email = command.email().strip();
        emails.holder(email)
                .flatMap(this::load)
                .ifPresent(member -> member.execute(m -> m.requestPasswordReset(email, resets, notifications)));
    }

    @CommandHandler
    void handle(ResetPassword command) {
        // checked before the token is spent, so a too-short password does not cost the member their link
        Credentials.assertPasswordLength(command.newPassword(), List.of("newPassword"));
        MemberId memberId = resets.redeem(command.resetToken()).orElseThrow(InvalidResetToken::new);
        Aggregate<Member> member = load(memberId).orElseThrow(InvalidResetToken::new);
        member.execute(m -> m.resetPassword(command.newPassword(), passwords, sessions));
    }

    private Optional<Aggregate<Member>> load(MemberId memberId) {
        try {
            return Optional.of(members.load(memberId.value()));
        } catch (AggregateNotFoundException e) {
            // a registry row or token whose registration was never stored: nobody to sign in
            return Optional.empty();
        }
    }
}
