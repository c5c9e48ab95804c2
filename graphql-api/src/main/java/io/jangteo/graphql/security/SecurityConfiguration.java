package io.jangteo.graphql.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.jangteo.axon.JangteoProperties;
import io.jangteo.graphql.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import javax.crypto.SecretKey;
import java.time.Clock;

/**
 * Stateless bearer tokens. The HTTP layer only authenticates; what each caller may do is decided per field and, for
 * changes, again by the aggregate, so anonymous callers still reach public queries. No cookies, hence no CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The support console's page and assets: readable without a token (the page holds no data; everything it shows
     * comes from /graphql with the agent's token), nothing but GET. The page runs only its own script and talks only
     * to its own origin, so a value that slipped past its escaping could neither run nor send data elsewhere.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 60) // before the general chain, which denies every path it does not name
    SecurityFilterChain supportConsoleSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/support", "/support/", "/support/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/support", "/support/", "/support/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/support", "/support/", "/support/**").permitAll()
                        .anyRequest().denyAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SUPPORT_CONSOLE_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .crossOriginOpenerPolicy(coop -> coop.policy(
                                CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .crossOriginResourcePolicy(corp -> corp.policy(
                                CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy.SAME_ORIGIN)))
                .build();
    }

    static final String SUPPORT_CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql", "/graphql/**", "/graphiql", "/graphiql/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // payment providers call back without a token; the endpoint checks their signature itself
                        .requestMatchers(HttpMethod.POST, "/payments/callbacks/**").permitAll()
                        // the event export: all events of the store, so analysts and admins only
                        .requestMatchers(HttpMethod.GET, "/events/export").hasAnyRole("ANALYST", "ADMIN")
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(roles())))
                .build();
    }

    @Bean
    SecretKey tokenSigningKey(ApiProperties api, JangteoProperties jangteo, Environment environment) {
        return JwtKeys.load(api, jangteo, environment);
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey)
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(TokenIssuer.ISSUER)));
        return decoder;
    }

    @Bean
    TokenIssuer tokenIssuer(SecretKey tokenSigningKey, ApiProperties api) {
        return new TokenIssuer(new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey)),
                api.security().tokenTtl(), Clock.systemUTC());
    }

    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenIssuer.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
