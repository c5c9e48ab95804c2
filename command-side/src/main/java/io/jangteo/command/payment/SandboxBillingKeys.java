package io.jangteo.command.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The billing-key sandbox, standing in for the 브랜드페이 / 빌링키 APIs of {@code TOSS}, {@code KAKAOPAY} and
 * {@code NAVERPAY}: the bean for {@link BillingKeys} unless {@code jangteo.payments.billing-provider} names another
 * adapter.
 * <p>
 * The authKey a provider's card widget would hand the browser is, here, a string of this grammar:
 * <pre>
 * sandbox_&lt;BRAND&gt;_&lt;last4&gt;_&lt;MMYY&gt;[_&lt;nonce&gt;]   e.g. sandbox_VISA_4242_1230, sandbox_SHINHAN_1234_0728_a1b2
 *     BRAND  upper-case letters and digits (VISA, MASTERCARD, AMEX, JCB, SHINHAN, KB, HYUNDAI, …), up to 20
 *     last4  four digits;  MMYY  the card's expiry month and year (20YY)
 *     nonce  optional, letters, digits and '-', up to 64: makes one card's authKey unique again, since each is single use
 *            → a billing key "bk_sbx_…" for that brand, last4 and expiry
 * sandbox_declined             → refused: "card declined" (the issuer declines, as the providers' test cards do)
 * a well-formed key whose MMYY month has passed (in Korea) → refused: "card expired"
 * anything else                → refused: "unknown authKey"
 * </pre>
 * An authKey issues one billing key only: a second use is refused ("authKey already used"), as the real ones are.
 * A refused authKey is not used up, so a test card declines every time. Issued and deleted keys stay inspectable
 * ({@link #keys()}, {@link #key}, {@link #isActive}); they live in memory, so after a restart every earlier billing key is
 * unknown here and deleting it is the no-op an idempotent delete allows.
 */
@Component
@Conditional(SandboxBillingKeys.Selected.class)
public class SandboxBillingKeys implements BillingKeys {

    public static final Set<String> PROVIDERS = Set.of("TOSS", "KAKAOPAY", "NAVERPAY");

    private static final Logger log = LoggerFactory.getLogger(SandboxBillingKeys.class);
    private static final Pattern CARD =
            Pattern.compile("sandbox_([A-Z][A-Z0-9]{0,19})_([0-9]{4})_(0[1-9]|1[0-2])([0-9]{2})(?:_[A-Za-z0-9-]{1,64})?");
    private static final String DECLINED = "sandbox_declined";
    // a card is valid through its expiry month as its Korean issuer counts months
    private static final ZoneId KOREA = ZoneId.of("Asia/Seoul");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> usedAuthKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    @Autowired
    public SandboxBillingKeys() {
        this(Clock.systemUTC());
    }

    public SandboxBillingKeys(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean supports(String provider) {
        return provider != null && PROVIDERS.contains(provider);
    }

    @Override
    public Issued issue(String provider, String authKey, String customerKey) {
        if (!supports(provider)) {
            throw new BillingKeyRefused("unsupported provider");
        }
        if (customerKey == null || customerKey.isBlank()) {
            throw new BillingKeyRefused("a customer key is required");
        }
        if (DECLINED.equals(authKey)) {
            throw new BillingKeyRefused("card declined");
        }
        Matcher card = authKey == null ? null : CARD.matcher(authKey);
        if (card == null || !card.matches()) {
            throw new BillingKeyRefused("unknown authKey");
        }
        YearMonth expiry = YearMonth.of(2000 + Integer.parseInt(card.group(4)), Integer.parseInt(card.group(3)));
        Instant now = clock.instant();
        if (expiry.isBefore(YearMonth.from(now.atZone(KOREA)))) {
            throw new BillingKeyRefused("card expired");
        }
        // claimed last, so only a key that would issue is used up; the set makes concurrent uses race for one win
        if (!usedAuthKeys.add(authKey)) {
            throw new BillingKeyRefused("authKey already used");
        }
        String billingKey = "bk_sbx_" + randomHex(16);
        Key key = new Key(provider, billingKey, customerKey, card.group(1), card.group(2), expiry.getYear(),
                expiry.getMonthValue(), now, null);
        keys.put(billingKey, key);
        log.info("Sandbox {} issued billing key {} for customer {}: {} ****{} {}", provider, billingKey, customerKey,
                key.brand(), key.last4(), expiry);
        return new Issued(billingKey, key.brand(), key.last4(), key.expiryYear(), key.expiryMonth());
    }

    @Override
    public void delete(String provider, String billingKey) {
        if (billingKey == null) {
            return;
        }
        Instant now = clock.instant();
        Key deleted = keys.computeIfPresent(billingKey, (id, key) ->
                key.provider().equals(provider) && key.deletedAt() == null ? key.withDeletedAt(now) : key);
        if (deleted == null || !deleted.provider().equals(provider)) {
            // an idempotent delete answers nothing, but a key asked of the wrong provider is worth a look
            log.warn("Sandbox {} has no billing key {} to delete", provider, billingKey);
        } else {
            log.info("Sandbox {} deleted billing key {}", provider, billingKey);
        }
    }

    /** Every billing key issued since start, oldest first, deleted ones included. */
    public List<Key> keys() {
        List<Key> all = new ArrayList<>(keys.values());
        all.sort(Comparator.comparing(Key::issuedAt).thenComparing(Key::billingKey));
        return List.copyOf(all);
    }

    public Optional<Key> key(String billingKey) {
        return Optional.ofNullable(billingKey).map(keys::get);
    }

    /** Issued and not deleted: what a charge with the key would need. */
    public boolean isActive(String billingKey) {
        return key(billingKey).filter(key -> key.deletedAt() == null).isPresent();
    }

    /** A billing key as the sandbox provider holds it; {@code deletedAt} once deleted. */
    public record Key(String provider, String billingKey, String customerKey, String brand, String last4,
                      int expiryYear, int expiryMonth, Instant issuedAt, Instant deletedAt) {

        Key withDeletedAt(Instant when) {
            return new Key(provider, billingKey, customerKey, brand, last4, expiryYear, expiryMonth, issuedAt, when);
        }
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** Selected unless {@code jangteo.payments.billing-provider} names another adapter. */
    static final class Selected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return "sandbox".equalsIgnoreCase(
                    context.getEnvironment().getProperty("jangteo.payments.billing-provider", "sandbox").strip());
        }
    }
}
