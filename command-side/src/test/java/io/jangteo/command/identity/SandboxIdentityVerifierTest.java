package io.jangteo.command.identity;

import io.jangteo.command.identity.IdentityVerifier.Confirmation;
import io.jangteo.command.identity.IdentityVerifier.VerifiedIdentity;
import io.jangteo.command.shared.MutableClock;
import io.jangteo.command.shared.RecordingLogger;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxIdentityVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final String NAME = "김민지";
    private static final LocalDate BIRTH_DATE = LocalDate.of(1995, 4, 12);
    private static final String PHONE = "01012345678";

    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingLogger log = new RecordingLogger();
    private final SandboxIdentityVerifier verifier = new SandboxIdentityVerifier("test-secret", clock, log);

    @Test
    void namesItselfAsTheSandboxProvider() {
        assertThat(verifier.provider()).isEqualTo("SANDBOX_PASS");
    }

    @Test
    void theCodeTextedToThePhoneVerifiesTheRequestedPerson() {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);

        assertThat(transactionId).matches("sbx-idv-[0-9a-f]{24}");
        String code = verifier.lastCodeSentTo(PHONE).orElseThrow();
        assertThat(code).matches("[0-9]{6}");

        Confirmation confirmation = verifier.confirm(transactionId, code);

        assertThat(confirmation.succeeded()).isTrue();
        assertThat(confirmation.failureReason()).isNull();
        VerifiedIdentity identity = confirmation.identity();
        assertThat(identity.name()).isEqualTo(NAME);
        assertThat(identity.birthDate()).isEqualTo(BIRTH_DATE);
        assertThat(identity.carrier()).isEqualTo(PhoneCarrier.SKT);
        assertThat(identity.phone()).isEqualTo(PHONE);
        assertThat(identity.ci()).hasSize(88);
        assertThat(Base64.getDecoder().decode(identity.ci())).hasSize(64);
        assertThat(identity.di()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void recordsEachCodeInTheOutboxAndLogsItWithThePhoneMasked() {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.KT, PHONE);

        assertThat(verifier.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.transactionId()).isEqualTo(transactionId);
            assertThat(sent.phone()).isEqualTo(PHONE);
            assertThat(sent.sentAt()).isEqualTo(NOW);
            assertThat(sent.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        });
        String code = verifier.sent().get(0).code();
        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.INFO);
            assertThat(line.message()).contains(transactionId, code, "010-****-5678").doesNotContain(PHONE);
        });
    }

    @Test
    void acceptsAPhoneWrittenWithHyphensAndAnswersItsDigits() {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.LGU_MVNO, "010-1234-5678");

        String code = verifier.lastCodeSentTo("010-1234-5678").orElseThrow();
        assertThat(verifier.lastCodeSentTo(PHONE)).contains(code);
        assertThat(verifier.confirm(transactionId, code).identity().phone()).isEqualTo(PHONE);
    }

    @Test
    void theLastCodeSentToAPhoneIsTheNewest() {
        verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String second = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, "01099998888");

        assertThat(verifier.sent()).hasSize(3);
        assertThat(verifier.lastCodeSentTo(PHONE)).contains(verifier.sent().get(1).code());
        assertThat(verifier.sent().get(1).transactionId()).isEqualTo(second);
        assertThat(verifier.lastCodeSentTo("01055556666")).isEmpty();
    }

    @Test
    void theOutboxKeepsTheLastThousandCodes() {
        String first = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, "01011112222");
        for (int i = 0; i < SandboxIdentityVerifier.OUTBOX_CAPACITY; i++) {
            verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        }

        assertThat(verifier.sent()).hasSize(1_000).noneMatch(sent -> sent.transactionId().equals(first));
        assertThat(verifier.lastCodeSentTo("01011112222")).isEmpty();
    }

    @Test
    void aPhoneEndingInFourZerosMatchesNoSubscriber() {
        assertThatThrownBy(() -> verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, "01012340000"))
                .isInstanceOf(IdentityVerificationRefused.class)
                .hasMessageContaining("no subscriber matches the name and phone")
                .satisfies(e -> assertThat(((IdentityVerificationRefused) e).violation().code())
                        .isEqualTo(ErrorCode.PROVIDER_REFUSED));
        assertThat(verifier.sent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0212345678", "01212345678", "0101234567", "010123456789", "010-abcd-5678", "+821012345678"})
    void refusesAPhoneThatIsNotAKoreanMobileNumber(String phone) {
        assertThatThrownBy(() -> verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, phone))
                .isInstanceOf(IdentityVerificationRefused.class)
                .hasMessageContaining("Korean mobile number");
        assertThat(verifier.sent()).isEmpty();
    }

    @Test
    void acceptsTheOlderMobilePrefixes() {
        for (String phone : List.of("0111234567", "0161234567", "01712345678", "0181234567", "01912345678")) {
            verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.KT, phone);
        }
        assertThat(verifier.sent()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesABlankName(String name) {
        assertThatThrownBy(() -> verifier.requestCode(name, BIRTH_DATE, PhoneCarrier.SKT, PHONE))
                .isInstanceOf(IdentityVerificationRefused.class)
                .hasMessageContaining("1 to 50 characters");
    }

    @Test
    void acceptsFiftyCharactersOfNameAndRefusesFiftyOne() {
        verifier.requestCode("가".repeat(50), BIRTH_DATE, PhoneCarrier.SKT, PHONE);

        assertThatThrownBy(() -> verifier.requestCode("가".repeat(51), BIRTH_DATE, PhoneCarrier.SKT, PHONE))
                .isInstanceOf(IdentityVerificationRefused.class)
                .hasMessageContaining("1 to 50 characters");
        assertThatThrownBy(() -> verifier.requestCode(null, BIRTH_DATE, PhoneCarrier.SKT, PHONE))
                .isInstanceOf(IdentityVerificationRefused.class);
    }

    @Test
    void refusesABirthDateThatIsNotInThePast() {
        // NOW is 10:00 on 20 November in Korea
        LocalDate today = LocalDate.of(2026, 11, 20);

        verifier.requestCode(NAME, today.minusDays(1), PhoneCarrier.SKT, PHONE);
        for (LocalDate notPast : new LocalDate[]{today, today.plusDays(1), null}) {
            assertThatThrownBy(() -> verifier.requestCode(NAME, notPast, PhoneCarrier.SKT, PHONE))
                    .isInstanceOf(IdentityVerificationRefused.class)
                    .hasMessageContaining("birth date must be in the past");
        }
    }

    @Test
    void refusesARequestWithoutCarrier() {
        assertThatThrownBy(() -> verifier.requestCode(NAME, BIRTH_DATE, null, PHONE))
                .isInstanceOf(IdentityVerificationRefused.class)
                .hasMessageContaining("carrier");
    }

    @Test
    void anUnknownTransactionHasExpired() {
        assertThat(verifier.confirm("sbx-idv-000000000000000000000000", "123456").failureReason())
                .isEqualTo("expired");
        assertThat(verifier.confirm(null, "123456").failureReason()).isEqualTo("expired");
    }

    @Test
    void aCodeIsGoodForThreeMinutes() {
        String early = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String earlyCode = verifier.lastCodeSentTo(PHONE).orElseThrow();
        String late = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String lateCode = verifier.lastCodeSentTo(PHONE).orElseThrow();

        clock.advance(Duration.ofMinutes(3).minusMillis(1));
        assertThat(verifier.confirm(early, earlyCode).succeeded()).isTrue();

        clock.advance(Duration.ofMillis(1));
        Confirmation expired = verifier.confirm(late, lateCode);
        assertThat(expired.succeeded()).isFalse();
        assertThat(expired.failureReason()).isEqualTo("expired");
    }

    @Test
    void aWrongCodeIsRefusedAndTheRightOneStillWorksAfterFourWrongOnes() {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String code = verifier.lastCodeSentTo(PHONE).orElseThrow();

        for (int i = 0; i < 4; i++) {
            Confirmation wrong = verifier.confirm(transactionId, otherThan(code));
            assertThat(wrong.succeeded()).isFalse();
            assertThat(wrong.failureReason()).isEqualTo("wrong code");
        }

        assertThat(verifier.confirm(transactionId, code).succeeded()).isTrue();
    }

    @Test
    void noCodeIsAWrongCode() {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);

        assertThat(verifier.confirm(transactionId, null).failureReason()).isEqualTo("wrong code");
        assertThat(verifier.confirm(transactionId, "").failureReason()).isEqualTo("wrong code");
    }

    @Test
    void fiveWrongCodesKillTheTransaction() {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String code = verifier.lastCodeSentTo(PHONE).orElseThrow();
        String other = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, "01099998888");

        for (int i = 0; i < 4; i++) {
            verifier.confirm(transactionId, otherThan(code));
        }
        assertThat(verifier.confirm(transactionId, otherThan(code)).failureReason()).isEqualTo("wrong code");

        assertThat(verifier.confirm(transactionId, code).failureReason()).isEqualTo("expired");
        assertThat(verifier.confirm(other, verifier.lastCodeSentTo("01099998888").orElseThrow()).succeeded())
                .as("only that transaction dies").isTrue();
    }

    @Test
    void aTransactionVerifiesOnce() {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String code = verifier.lastCodeSentTo(PHONE).orElseThrow();

        assertThat(verifier.confirm(transactionId, code).succeeded()).isTrue();
        assertThat(verifier.confirm(transactionId, code).failureReason()).isEqualTo("expired");
    }

    @Test
    void theCiIsThePersonsOnEveryRequestAndCarrierAndOnlyTheirs() {
        VerifiedIdentity first = verify(verifier, NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        VerifiedIdentity again = verify(verifier, NAME, BIRTH_DATE, PhoneCarrier.KT_MVNO, "010-1234-5678");
        VerifiedIdentity restarted = verify(new SandboxIdentityVerifier("test-secret", clock),
                NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);

        assertThat(again.ci()).isEqualTo(first.ci());
        assertThat(again.di()).isEqualTo(first.di());
        assertThat(restarted.ci()).isEqualTo(first.ci());
        assertThat(restarted.di()).isEqualTo(first.di());
        assertThat(first.di()).isNotEqualTo(first.ci());

        assertThat(verify(verifier, "김민준", BIRTH_DATE, PhoneCarrier.SKT, PHONE).ci()).isNotEqualTo(first.ci());
        assertThat(verify(verifier, NAME, BIRTH_DATE.plusDays(1), PhoneCarrier.SKT, PHONE).ci())
                .isNotEqualTo(first.ci());
        assertThat(verify(verifier, NAME, BIRTH_DATE, PhoneCarrier.SKT, "01012345679").ci()).isNotEqualTo(first.ci());
        VerifiedIdentity otherSecret = verify(new SandboxIdentityVerifier("another-secret", clock),
                NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        assertThat(otherSecret.ci()).isNotEqualTo(first.ci());
        assertThat(otherSecret.di()).isNotEqualTo(first.di());
    }

    @Test
    void concurrentConfirmationsWithTheRightCodeVerifyOnlyOnce() throws Exception {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String code = verifier.lastCodeSentTo(PHONE).orElseThrow();

        List<Confirmation> outcomes = concurrently(16, () -> verifier.confirm(transactionId, code));

        assertThat(outcomes).filteredOn(Confirmation::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                .hasSize(15).allMatch(outcome -> outcome.failureReason().equals("expired"));
    }

    @Test
    void concurrentWrongCodesCannotGetPastTheLimit() throws Exception {
        String transactionId = verifier.requestCode(NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE);
        String wrong = otherThan(verifier.lastCodeSentTo(PHONE).orElseThrow());

        List<Confirmation> outcomes = concurrently(16, () -> verifier.confirm(transactionId, wrong));

        assertThat(outcomes).extracting(Confirmation::failureReason)
                .containsOnly("wrong code", "expired")
                .filteredOn("wrong code"::equals).hasSize(5);
    }

    @Test
    void isTheIdentityVerifierBeanUnlessAnotherProviderIsConfigured() {
        try (var context = contextWith(Map.of())) {
            assertThat(context.getBean(IdentityVerifier.class)).isInstanceOf(SandboxIdentityVerifier.class);
        }
        try (var context = contextWith(Map.of("jangteo.identity.provider", "sandbox"))) {
            assertThat(context.getBeansOfType(IdentityVerifier.class)).hasSize(1);
        }
        try (var context = contextWith(Map.of("jangteo.identity.provider", "nice"))) {
            assertThat(context.getBeansOfType(IdentityVerifier.class)).isEmpty();
        }
    }

    @Test
    void theBeanTakesItsSecretFromConfiguration() {
        VerifiedIdentity configured;
        try (var context = contextWith(Map.of("jangteo.identity.sandbox.secret", "test-secret"))) {
            configured = verify(context.getBean(SandboxIdentityVerifier.class), NAME, BIRTH_DATE, PhoneCarrier.SKT,
                    PHONE);
        }
        VerifiedIdentity byDefault;
        try (var context = contextWith(Map.of())) {
            byDefault = verify(context.getBean(SandboxIdentityVerifier.class), NAME, BIRTH_DATE, PhoneCarrier.SKT,
                    PHONE);
        }

        assertThat(configured.ci()).isEqualTo(verify(verifier, NAME, BIRTH_DATE, PhoneCarrier.SKT, PHONE).ci());
        assertThat(byDefault.ci()).isNotEqualTo(configured.ci());
    }

    private static VerifiedIdentity verify(SandboxIdentityVerifier verifier, String name, LocalDate birthDate,
                                           PhoneCarrier carrier, String phone) {
        String transactionId = verifier.requestCode(name, birthDate, carrier, phone);
        Confirmation confirmation = verifier.confirm(transactionId, verifier.lastCodeSentTo(phone).orElseThrow());
        assertThat(confirmation.succeeded()).isTrue();
        return confirmation.identity();
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private static AnnotationConfigApplicationContext contextWith(Map<String, Object> properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.scan(SandboxIdentityVerifier.class.getPackageName());
        context.refresh();
        return context;
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(10, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
