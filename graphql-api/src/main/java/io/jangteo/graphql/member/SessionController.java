package io.jangteo.graphql.member;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import io.jangteo.graphql.cart.GuestCartMerge;
import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.TokenIssuer;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.support.Rejections;
import io.jangteo.graphql.support.UserError;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.LogIn;
import io.jangteo.messages.member.LogOut;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.LoginResult;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.RefreshSession;
import io.jangteo.messages.member.RequestPasswordReset;
import io.jangteo.messages.member.ResetPassword;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in, session refresh and sign-out, and password reset. The command side checks credentials and keeps the
 * sessions (refresh tokens); the API only signs the short-lived access token for what the command side answered.
 * A sign-in that names the caller's guest cart moves it into the member's cart before answering.
 */
@Controller
class SessionController {

    private final Commands commands;
    private final QueryGateway queryGateway;
    private final TokenIssuer tokens;
    private final GuestCartMerge guestCarts;

    SessionController(Commands commands, QueryGateway queryGateway, TokenIssuer tokens, GuestCartMerge guestCarts) {
        this.commands = commands;
        this.queryGateway = queryGateway;
        this.tokens = tokens;
        this.guestCarts = guestCarts;
    }

    @MutationMapping
    Mono<DataFetcherResult<SessionPayload>> logIn(@Argument LogInInput input, Authentication authentication,
                               @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return session(new LogIn(input.email(), input.password()), input.guestCartToken(), authentication, request);
    }

    @MutationMapping
    Mono<DataFetcherResult<SessionPayload>> refreshSession(@Argument RefreshInput input, Authentication authentication,
                                        @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return session(new RefreshSession(input.refreshToken()), null, authentication, request);
    }

    @MutationMapping
    Mono<LogOutPayload> logOut(@Argument RefreshInput input, Authentication authentication,
                               @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return Mono.fromFuture(() -> commands.send(new LogOut(input.refreshToken()), Actor.from(authentication), request))
                .thenReturn(new LogOutPayload(true, List.of()));
    }

    @MutationMapping
    Mono<RequestPasswordResetPayload> requestPasswordReset(@Argument RequestPasswordResetInput input,
                                                           Authentication authentication,
                                                           @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return Mono.fromFuture(() -> commands.send(new RequestPasswordReset(input.email()), Actor.from(authentication),
                        request))
                .thenReturn(new RequestPasswordResetPayload(true, List.of()));
    }

    @MutationMapping
    Mono<ResetPasswordPayload> resetPassword(@Argument ResetPasswordInput input, Authentication authentication,
                                             @ContextValue(RequestContext.CONTEXT_KEY) RequestContext request) {
        return Mono.fromFuture(() -> commands.send(new ResetPassword(input.resetToken(), input.newPassword()),
                        Actor.from(authentication), request))
                .thenReturn(new ResetPasswordPayload(true, List.of()))
                .onErrorResume(failure -> userError(failure)
                        .map(error -> Mono.just(new ResetPasswordPayload(false, List.of(error))))
                        .orElseGet(() -> Mono.error(failure)));
    }

    private Mono<DataFetcherResult<SessionPayload>> session(Object command, String guestCartToken,
                                                            Authentication authentication, RequestContext request) {
        return Mono.fromFuture(() -> commands.send(command, Actor.from(authentication), request))
                .cast(LoginResult.class)
                .flatMap(result -> result.succeeded()
                        ? guestCarts.afterSignIn(result, guestCartToken, request)
                                .then(started(result)).map(payload -> signedIn(payload, result))
                        : Mono.just(plain(failed(result))))
                .onErrorResume(failure -> userError(failure)
                        .map(error -> Mono.just(plain(
                                new SessionPayload(null, null, null, null, null, null, List.of(error)))))
                        .orElseGet(() -> Mono.error(failure)));
    }

    /** The payload's member fields may show the member who just signed in (see MemberController). */
    private static DataFetcherResult<SessionPayload> signedIn(SessionPayload payload, LoginResult result) {
        return DataFetcherResult.<SessionPayload>newResult().data(payload)
                .localContext(GraphQLContext.newContext()
                        .of(MemberController.SESSION_MEMBER, result.memberId().value()).build())
                .build();
    }

    private static DataFetcherResult<SessionPayload> plain(SessionPayload payload) {
        return DataFetcherResult.<SessionPayload>newResult().data(payload).build();
    }

    private Mono<SessionPayload> started(LoginResult result) {
        TokenIssuer.IssuedToken access = tokens.issue(result.memberId().value(), result.role(), result.sellerId());
        return Mono.fromFuture(() -> queryGateway.query(new FindMemberQuery(result.memberId()),
                        ResponseTypes.optionalInstanceOf(MemberView.class)))
                .map(member -> new SessionPayload(access.token(), access.expiresAt(), result.refreshToken(),
                        result.refreshExpiresAt(), member.orElse(null), null, List.of()));
    }

    private static SessionPayload failed(LoginResult result) {
        UserError error = switch (result.failure() == null ? LoginFailure.BAD_CREDENTIALS : result.failure()) {
            case LOCKED -> new UserError(ErrorCode.INVALID_STATE, List.of("input"),
                    "Too many failed sign-ins: the account is locked until " + result.lockedUntil());
            case SESSION_INVALID -> new UserError(ErrorCode.INVALID_CREDENTIALS, List.of("input", "refreshToken"),
                    "The session has ended; sign in again");
            // a withdrawn account answers like a wrong password: nobody learns which e-mails were members
            case BAD_CREDENTIALS, WITHDRAWN -> new UserError(ErrorCode.INVALID_CREDENTIALS, List.of("input"),
                    "The e-mail or the password is wrong");
        };
        return new SessionPayload(null, null, null, null, null,
                result.failure() == LoginFailure.LOCKED ? result.lockedUntil() : null, List.of(error));
    }

    private static Optional<UserError> userError(Throwable failure) {
        Optional<RuleViolation> violation = Rejections.violation(failure);
        if (violation.isEmpty() || violation.get().code() == ErrorCode.FORBIDDEN) {
            return Optional.empty();
        }
        return Optional.of(UserError.of(violation.get()));
    }

    record LogInInput(String email, String password, String guestCartToken) {
    }

    record RefreshInput(String refreshToken) {
    }

    record RequestPasswordResetInput(String email) {
    }

    record ResetPasswordInput(String resetToken, String newPassword) {
    }

    record SessionPayload(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                          Instant refreshTokenExpiresAt, MemberView member, Instant lockedUntil,
                          List<UserError> errors) {
    }

    record LogOutPayload(boolean loggedOut, List<UserError> errors) {
    }

    record RequestPasswordResetPayload(boolean accepted, List<UserError> errors) {
    }

    record ResetPasswordPayload(boolean reset, List<UserError> errors) {
    }
}
