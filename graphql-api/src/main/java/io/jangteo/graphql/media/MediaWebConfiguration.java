package io.jangteo.graphql.media;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * What the media endpoints need from the web stack: multipart limits that admit the largest medium, and their own
 * security rules (uploads need a signed-in caller; renditions are public, like the products they show).
 */
@Configuration(proxyBeanMethods = false)
class MediaWebConfiguration {

    /** Room for the multipart boundaries and part headers around the file. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    /**
     * Replaces Boot's multipart settings ({@code spring.servlet.multipart.*} no longer apply): the container must let
     * the largest allowed medium through, and the per-kind limits are checked once the content is known.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaUploadProperties limits) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofBytes(limits.largest()));
        factory.setMaxRequestSize(DataSize.ofBytes(limits.largest() + ENVELOPE_BYTES));
        // anything above this goes to a temporary file instead of the heap
        factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
        return factory.createMultipartConfig();
    }

    /**
     * Checked before the application's general chain, which denies every path it does not name. Stateless bearer
     * tokens as there, hence no CSRF tokens; an anonymous upload is answered 401 before its body is parsed.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    SecurityFilterChain mediaSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/media/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/media/*/*").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/media/*/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/media/products/*").authenticated()
                        .anyRequest().denyAll())
                // renditions set their own long-lived Cache-Control; Security's "no-store" default would cancel it
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .build();
    }

    /**
     * The container refuses a body above the multipart limit while Spring parses it, before any controller is
     * chosen, so only an application-wide handler sees it; multipart requests go to the media endpoints alone.
     */
    @RestControllerAdvice
    static class UploadLimitHandler {
        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<MediaError> tooLarge(MaxUploadSizeExceededException e) {
            return MediaError.response(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "The upload is too large");
        }
    }
}
