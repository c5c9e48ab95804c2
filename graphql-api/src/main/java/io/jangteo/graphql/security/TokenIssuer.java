package io.jangteo.graphql.security;

import io.jangteo.messages.shared.ActorRole;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Issues signed access tokens. */
public class TokenIssuer {

    static final String ISSUER = "jangteo";
    static final String ROLE_CLAIM = "role";
    static final String SELLER_CLAIM = "sellerId";

    private final JwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, Duration ttl, Clock clock) {
        this.encoder = encoder;
        this.ttl = ttl;
        this.clock = clock;
    }

    public IssuedToken issue(String subject, ActorRole role, String sellerId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(ROLE_CLAIM, role.name());
        if (sellerId != null) {
            claims.claim(SELLER_CLAIM, sellerId);
        }
        String token = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }
}
