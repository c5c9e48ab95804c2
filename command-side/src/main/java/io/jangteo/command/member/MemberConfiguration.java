package io.jangteo.command.member;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Sign-in security settings with their defaults: {@code jangteo.members.lockout.max-failures} (5),
 * {@code jangteo.members.lockout.duration} (PT15M), {@code jangteo.members.session.refresh-ttl} (P14D) and
 * {@code jangteo.members.password-reset.ttl} (PT30M).
 */
@Configuration(proxyBeanMethods = false)
class MemberConfiguration {

    @Bean
    MemberSettings memberSettings(@Value("${jangteo.members.lockout.max-failures:5}") int maxFailures,
                                  @Value("${jangteo.members.lockout.duration:PT15M}") Duration lockoutDuration,
                                  @Value("${jangteo.members.session.refresh-ttl:P14D}") Duration refreshTtl,
                                  @Value("${jangteo.members.password-reset.ttl:PT30M}") Duration passwordResetTtl) {
        return new MemberSettings(maxFailures, lockoutDuration, refreshTtl, passwordResetTtl);
    }
}
