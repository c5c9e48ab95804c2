package io.jangteo.graphql.security;

import io.jangteo.graphql.ApiProperties;
import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.shared.ActorRole;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Development login: tokens for fixed roles without accounts. Off unless
 * {@code jangteo.api.security.dev-login-enabled} is true (off by default since real accounts exist; tests and
 * local experiments turn it on; the scale-out profile forces it off).
 */
@Controller
class DevLoginController {

    private static final Set<ActorRole> GRANTABLE = EnumSet.of(
            ActorRole.CUSTOMER, ActorRole.SELLER, ActorRole.SUPPORT, ActorRole.ANALYST, ActorRole.ADMIN);

    private final TokenIssuer issuer;
    private final boolean enabled;

    DevLoginController(TokenIssuer issuer, ApiProperties properties) {
        this.issuer = issuer;
        this.enabled = properties.security().devLoginEnabled();
    }

    @MutationMapping
    DevLoginPayload devLogin(@Argument DevLoginInput input) {
        if (!enabled) {
            throw new ApiException(ApiException.Code.FORBIDDEN, "The development login is disabled");
        }
        if (!GRANTABLE.contains(input.role())) {
            return DevLoginPayload.failed(UserError.invalid(List.of("input", "role"),
                    "Role " + input.role() + " cannot be granted"));
        }
        String sellerId = blankToNull(input.sellerId());
        if (input.role() == ActorRole.SELLER && sellerId == null) {
            return DevLoginPayload.failed(UserError.invalid(List.of("input", "sellerId"),
                    "A seller token needs the seller shop id"));
        }
        if (input.role() != ActorRole.SELLER && sellerId != null) {
            return DevLoginPayload.failed(UserError.invalid(List.of("input", "sellerId"),
                    "Only a seller token names a seller shop"));
        }
        String subject = blankToNull(input.subject());
        if (subject == null) {
            subject = "dev-" + input.role().name().toLowerCase();
        }
        if (subject.length() > 128) {
            return DevLoginPayload.failed(UserError.invalid(List.of("input", "subject"), "At most 128 characters"));
        }
        TokenIssuer.IssuedToken token = issuer.issue(subject, input.role(), sellerId);
        return new DevLoginPayload(token.token(), token.expiresAt(), List.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record DevLoginInput(ActorRole role, String subject, String sellerId) {
    }

    record DevLoginPayload(String token, Instant expiresAt, List<UserError> errors) {
        static DevLoginPayload failed(UserError error) {
            return new DevLoginPayload(null, null, List.of(error));
        }
    }
}
