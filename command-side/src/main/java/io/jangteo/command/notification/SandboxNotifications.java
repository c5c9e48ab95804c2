package io.jangteo.command.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The notification sandbox: the bean for {@link Notifications} unless {@code jangteo.notifications.provider} names
 * another provider. Sends nothing; keeps the last {@value #CAPACITY} messages in an outbox that tests and the embedded
 * demo read ({@link #sent()}, {@link #lastTo}), in memory, so a restart empties it.
 */
@Component
@Conditional(SandboxNotifications.Selected.class)
public class SandboxNotifications implements Notifications {

    static final int CAPACITY = 1_000;

    private final Clock clock;
    private final Logger log;
    private final ArrayDeque<Sent> outbox = new ArrayDeque<>();

    @Autowired
    public SandboxNotifications() {
        this(Clock.systemUTC());
    }

    public SandboxNotifications(Clock clock) {
        this(clock, LoggerFactory.getLogger(SandboxNotifications.class));
    }

    SandboxNotifications(Clock clock, Logger log) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void passwordReset(String email, String token, Instant expiresAt) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Sent sent = new Sent(email, token, expiresAt, clock.instant());
        synchronized (outbox) {
            if (outbox.size() == CAPACITY) {
                outbox.removeFirst();
            }
            outbox.addLast(sent);
        }
        // never the token: whoever reads the log could reset the member's password with it
        log.info("Sandbox e-mail to {}: password reset, link valid until {}", masked(email), expiresAt);
    }

    /** The messages "sent", oldest first; the last {@value #CAPACITY} of them. */
    public List<Sent> sent() {
        synchronized (outbox) {
            return List.copyOf(outbox);
        }
    }

    /** The newest message to an e-mail address, compared as the e-mail registry does (trimmed, case-insensitively). */
    public Optional<Sent> lastTo(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String wanted = normalized(email);
        synchronized (outbox) {
            Iterator<Sent> newestFirst = outbox.descendingIterator();
            while (newestFirst.hasNext()) {
                Sent sent = newestFirst.next();
                if (normalized(sent.email()).equals(wanted)) {
                    return Optional.of(sent);
                }
            }
        }
        return Optional.empty();
    }

    /** A password-reset message the sandbox would have e-mailed. */
    public record Sent(String email, String token, Instant expiresAt, Instant sentAt) {
        @Override
        public String toString() {
            // a failing assertion prints its records; the token still stays out of build logs
            return "Sent[email=" + email + ", token=…, expiresAt=" + expiresAt + ", sentAt=" + sentAt + "]";
        }
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Selected unless {@code jangteo.notifications.provider} names another provider. */
    static final class Selected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return "sandbox".equalsIgnoreCase(
                    context.getEnvironment().getProperty("jangteo.notifications.provider", "sandbox").strip());
        }
    }
}
