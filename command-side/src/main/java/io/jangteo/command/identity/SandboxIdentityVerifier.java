package io.jangteo.command.identity;

import io.jangteo.messages.member.PhoneCarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The identity-verification sandbox, standing in for the PASS/NICE SMS flow: the bean for {@link IdentityVerifier}
 * unless {@code jangteo.identity.provider} names another provider.
 * <p>
 * {@link #requestCode} checks the request's shape, refuses phones ending in {@code 0000} the way the providers refuse
 * a name and phone that match no subscriber (their documented test case), and otherwise opens a transaction
 * ({@code sbx-idv-…}) valid for {@value #VALIDITY_MINUTES} minutes with a random six-digit code. The code is not texted:
 * it is kept in an outbox that tests and the embedded demo read ({@link #lastCodeSentTo}, {@link #sent()}) and logged.
 * {@link #confirm} answers "expired" for an unknown, used up or expired transaction and "wrong code" for a wrong code;
 * the {@value #MAX_WRONG_CODES}th wrong code kills the transaction. A right code answers the requested person once,
 * with a CI that, like a real one, is the same for that person on every request (and across restarts, given the same
 * {@code jangteo.identity.sandbox.secret}) and a site-specific DI.
 * <p>
 * Transactions live in memory: they last minutes, and a restart in the middle of one just means asking for a new code.
 */
@Component
@Conditional(SandboxIdentityVerifier.Selected.class)
public class SandboxIdentityVerifier implements IdentityVerifier {

    public static final String PROVIDER = "SANDBOX_PASS";

    static final int VALIDITY_MINUTES = 3;
    static final int MAX_WRONG_CODES = 5;
    static final int OUTBOX_CAPACITY = 1_000;

    private static final Duration VALIDITY = Duration.ofMinutes(VALIDITY_MINUTES);
    private static final Pattern MOBILE = Pattern.compile("010[0-9]{8}|01[16789][0-9]{7,8}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s-]");
    // Korean providers judge birth dates on the Korean calendar day
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");
    private static final String SITE = "jangteo";

    private final Clock clock;
    private final String secret;
    private final Logger log;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final ArrayDeque<SentCode> outbox = new ArrayDeque<>();

    @Autowired
    public SandboxIdentityVerifier(@Value("${jangteo.identity.sandbox.secret:jangteo-sandbox}") String secret) {
        this(secret, Clock.systemUTC());
    }

    public SandboxIdentityVerifier(String secret, Clock clock) {
        this(secret, clock, LoggerFactory.getLogger(SandboxIdentityVerifier.class));
    }

    SandboxIdentityVerifier(String secret, Clock clock, Logger log) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the sandbox secret must not be blank");
        }
        this.secret = secret;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String requestCode(String name, LocalDate birthDate, PhoneCarrier carrier, String phone) {
        Instant now = clock.instant();
        String person = checkedName(name);
        checkBirthDate(birthDate, now);
        if (carrier == null) {
            throw new IdentityVerificationRefused("a carrier is required");
        }
        String mobile = checkedPhone(phone);
        if (mobile.endsWith("0000")) {
            throw new IdentityVerificationRefused("no subscriber matches the name and phone");
        }
        forgetExpired(now);
        String transactionId = "sbx-idv-" + HexFormat.of().formatHex(randomBytes(12));
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = now.plus(VALIDITY);
        transactions.put(transactionId, new Transaction(person, birthDate, carrier, mobile, code, expiresAt, 0));
        record(new SentCode(transactionId, mobile, code, now, expiresAt));
        // a sandbox shows the code so a developer can finish the flow by hand; a real adapter never logs one
        log.info("Sandbox identity verification {}: code {} texted to {} ({}), valid until {}",
                transactionId, code, masked(mobile), carrier, expiresAt);
        return transactionId;
    }

    @Override
    public Confirmation confirm(String transactionId, String code) {
        if (transactionId == null) {
            return Confirmation.refused("expired");
        }
        Instant now = clock.instant();
        Confirmation[] outcome = {Confirmation.refused("expired")};
        // one atomic step per transaction: two confirmations racing with the right code cannot both verify,
        // and racing wrong codes cannot slip past the attempt limit
        transactions.computeIfPresent(transactionId, (id, transaction) -> {
            if (!now.isBefore(transaction.expiresAt())) {
                return null;
            }
            if (transaction.codeMatches(code)) {
                outcome[0] = Confirmation.verified(identityOf(transaction));
                return null;
            }
            outcome[0] = Confirmation.refused("wrong code");
            Transaction failedOnce = transaction.failedOnce();
            return failedOnce.wrongCodes() >= MAX_WRONG_CODES ? null : failedOnce;
        });
        return outcome[0];
    }

    /** The last code "texted" to a phone (in any format the request accepted), if any is still in the outbox. */
    public Optional<String> lastCodeSentTo(String phone) {
        String mobile = phone == null ? "" : PHONE_SEPARATORS.matcher(phone).replaceAll("");
        synchronized (outbox) {
            Iterator<SentCode> newestFirst = outbox.descendingIterator();
            while (newestFirst.hasNext()) {
                SentCode sent = newestFirst.next();
                if (sent.phone().equals(mobile)) {
                    return Optional.of(sent.code());
                }
            }
        }
        return Optional.empty();
    }

    /** The codes "texted", oldest first; the last {@value #OUTBOX_CAPACITY} of them. */
    public List<SentCode> sent() {
        synchronized (outbox) {
            return List.copyOf(outbox);
        }
    }

    /** A code the sandbox would have texted; {@code phone} in digits only. */
    public record SentCode(String transactionId, String phone, String code, Instant sentAt, Instant expiresAt) {
    }

    private VerifiedIdentity identityOf(Transaction transaction) {
        String ci = Base64.getEncoder().encodeToString(sha512(String.join("|",
                transaction.name(), transaction.birthDate().toString(), transaction.phone(), secret)));
        String di = HexFormat.of().formatHex(sha256(ci + "|" + SITE + "|" + secret));
        return new VerifiedIdentity(transaction.name(), transaction.birthDate(), transaction.carrier(),
                transaction.phone(), ci, di);
    }

    private static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > 50) {
            throw new IdentityVerificationRefused("the name must have 1 to 50 characters");
        }
        return stripped;
    }

    private static void checkBirthDate(LocalDate birthDate, Instant now) {
        if (birthDate == null || !birthDate.isBefore(LocalDate.ofInstant(now, KOREA))) {
            throw new IdentityVerificationRefused("the birth date must be in the past");
        }
    }

    private static String checkedPhone(String phone) {
        String digits = phone == null ? "" : PHONE_SEPARATORS.matcher(phone).replaceAll("");
        if (!MOBILE.matcher(digits).matches()) {
            throw new IdentityVerificationRefused("the phone must be a Korean mobile number (01x…)");
        }
        return digits;
    }

    private void forgetExpired(Instant now) {
        transactions.values().removeIf(transaction -> !now.isBefore(transaction.expiresAt()));
    }

    private void record(SentCode sent) {
        synchronized (outbox) {
            if (outbox.size() == OUTBOX_CAPACITY) {
                outbox.removeFirst();
            }
            outbox.addLast(sent);
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String masked(String mobile) {
        return mobile.substring(0, 3) + "-****-" + mobile.substring(mobile.length() - 4);
    }

    private static byte[] sha512(String text) {
        return digest("SHA-512", text);
    }

    private static byte[] sha256(String text) {
        return digest("SHA-256", text);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    private record Transaction(String name, LocalDate birthDate, PhoneCarrier carrier, String phone, String code,
                               Instant expiresAt, int wrongCodes) {

        boolean codeMatches(String entered) {
            // constant time, as a provider would compare: the code is a secret for its three minutes
            return entered != null && MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                    entered.strip().getBytes(StandardCharsets.UTF_8));
        }

        Transaction failedOnce() {
            return new Transaction(name, birthDate, carrier, phone, code, expiresAt, wrongCodes + 1);
        }
    }

    /** Selected unless {@code jangteo.identity.provider} names another provider. */
    static final class Selected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return "sandbox".equalsIgnoreCase(
                    context.getEnvironment().getProperty("jangteo.identity.provider", "sandbox").strip());
        }
    }
}
