package io.jangteo.command.payment;

import io.jangteo.command.payment.BillingKeys.Issued;
import io.jangteo.messages.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxBillingKeysTest {

    /** 10:00 on 20 November 2026 in Korea. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final String CUSTOMER = "member-7f3a";

    private final SandboxBillingKeys billingKeys = new SandboxBillingKeys(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void supportsTheThreeBrandPayProviders() {
        assertThat(billingKeys.supports("TOSS")).isTrue();
        assertThat(billingKeys.supports("KAKAOPAY")).isTrue();
        assertThat(billingKeys.supports("NAVERPAY")).isTrue();
        assertThat(billingKeys.supports("PAYPAL")).isFalse();
        assertThat(billingKeys.supports(null)).isFalse();
    }

    @Test
    void tradesACardsAuthKeyForABillingKey() {
        Issued issued = billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER);

        assertThat(issued.billingKey()).matches("bk_sbx_[0-9a-f]{32}");
        assertThat(issued.brand()).isEqualTo("VISA");
        assertThat(issued.last4()).isEqualTo("4242");
        assertThat(issued.expiryYear()).isEqualTo(2030);
        assertThat(issued.expiryMonth()).isEqualTo(12);
        assertThat(billingKeys.isActive(issued.billingKey())).isTrue();
        assertThat(billingKeys.key(issued.billingKey())).hasValueSatisfying(key -> {
            assertThat(key.provider()).isEqualTo("TOSS");
            assertThat(key.customerKey()).isEqualTo(CUSTOMER);
            assertThat(key.issuedAt()).isEqualTo(NOW);
            assertThat(key.deletedAt()).isNull();
        });
    }

    @Test
    void aNonceMakesOneCardsAuthKeyNewAgain() {
        Issued first = billingKeys.issue("KAKAOPAY", "sandbox_SHINHAN_1234_0728_a1b2", CUSTOMER);
        Issued second = billingKeys.issue("KAKAOPAY", "sandbox_SHINHAN_1234_0728_c3d4-e5", CUSTOMER);

        assertThat(first.billingKey()).isNotEqualTo(second.billingKey());
        assertThat(List.of(first, second)).allSatisfy(issued -> {
            assertThat(issued.brand()).isEqualTo("SHINHAN");
            assertThat(issued.last4()).isEqualTo("1234");
            assertThat(issued.expiryYear()).isEqualTo(2028);
            assertThat(issued.expiryMonth()).isEqualTo(7);
        });
        assertThat(billingKeys.keys()).extracting(SandboxBillingKeys.Key::billingKey)
                .containsExactlyInAnyOrder(first.billingKey(), second.billingKey());
    }

    @Test
    void theDeclinedTestCardIsDeclinedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> billingKeys.issue("NAVERPAY", "sandbox_declined", CUSTOMER))
                    .isInstanceOf(BillingKeyRefused.class)
                    .hasMessageContaining("card declined")
                    .satisfies(e -> assertThat(((BillingKeyRefused) e).violation().code())
                            .isEqualTo(ErrorCode.PROVIDER_REFUSED));
        }
        assertThat(billingKeys.keys()).isEmpty();
    }

    @Test
    void aCardIsGoodThroughItsExpiryMonthInKorea() {
        // NOW is in November 2026
        assertThat(billingKeys.issue("TOSS", "sandbox_VISA_4242_1126", CUSTOMER).expiryMonth()).isEqualTo(11);

        assertThatThrownBy(() -> billingKeys.issue("TOSS", "sandbox_VISA_4242_1026", CUSTOMER))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("card expired");
        assertThatThrownBy(() -> billingKeys.issue("TOSS", "sandbox_VISA_4242_1225", CUSTOMER))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("card expired");
    }

    @Test
    void theMonthTurnsAtMidnightInKorea() {
        // 1 December 00:30 in Korea, still 30 November in UTC: a November card has expired
        SandboxBillingKeys inDecember = new SandboxBillingKeys(
                Clock.fixed(Instant.parse("2026-11-30T15:30:00Z"), ZoneOffset.UTC));

        assertThatThrownBy(() -> inDecember.issue("TOSS", "sandbox_VISA_4242_1126", CUSTOMER))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("card expired");
        assertThat(inDecember.issue("TOSS", "sandbox_VISA_4242_1226", CUSTOMER).expiryMonth()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tgen_abc123", "sandbox_visa_4242_1230", "sandbox_VISA_424_1230", "sandbox_VISA_4242_1330",
            "sandbox_VISA_4242_0030", "sandbox_VISA_4242_123", "sandbox_VISA_4242_1230_", "sandbox_VISA_4242_1230_a b",
            "sandbox_declined_x", "SANDBOX_DECLINED", " sandbox_VISA_4242_1230"})
    void refusesAnAuthKeyItDidNotHandOut(String authKey) {
        assertThatThrownBy(() -> billingKeys.issue("TOSS", authKey, CUSTOMER))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("unknown authKey");
    }

    @Test
    void refusesAMissingAuthKey() {
        assertThatThrownBy(() -> billingKeys.issue("TOSS", null, CUSTOMER))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("unknown authKey");
    }

    @Test
    void anAuthKeyIssuesOneBillingKeyOnly() {
        billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER);

        assertThatThrownBy(() -> billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("authKey already used");
        assertThatThrownBy(() -> billingKeys.issue("KAKAOPAY", "sandbox_VISA_4242_1230", "member-other"))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("authKey already used");
        assertThat(billingKeys.keys()).hasSize(1);
    }

    @Test
    void aRefusedAuthKeyIsNotUsedUp() {
        SandboxBillingKeys in2031 = new SandboxBillingKeys(Clock.fixed(Instant.parse("2031-01-10T00:00:00Z"),
                ZoneOffset.UTC));
        assertThatThrownBy(() -> in2031.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER))
                .hasMessageContaining("card expired");
        assertThatThrownBy(() -> in2031.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER))
                .hasMessageContaining("card expired");
    }

    @Test
    void refusesAnUnsupportedProviderOrAMissingCustomerKey() {
        assertThatThrownBy(() -> billingKeys.issue("PAYPAL", "sandbox_VISA_4242_1230", CUSTOMER))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("unsupported provider");
        assertThatThrownBy(() -> billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", " "))
                .isInstanceOf(BillingKeyRefused.class)
                .hasMessageContaining("customer key");
        // neither refusal used the authKey up
        assertThat(billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER).last4()).isEqualTo("4242");
    }

    @Test
    void deletingABillingKeyDeactivatesItAndIsIdempotent() {
        Issued issued = billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER);
        Issued kept = billingKeys.issue("TOSS", "sandbox_MASTERCARD_5454_0129", CUSTOMER);

        billingKeys.delete("TOSS", issued.billingKey());
        billingKeys.delete("TOSS", issued.billingKey());

        assertThat(billingKeys.isActive(issued.billingKey())).isFalse();
        assertThat(billingKeys.key(issued.billingKey()).orElseThrow().deletedAt()).isEqualTo(NOW);
        assertThat(billingKeys.isActive(kept.billingKey())).isTrue();
        assertThat(billingKeys.keys()).hasSize(2);
    }

    @Test
    void deletingAKeyTheProviderDoesNotHoldChangesNothing() {
        Issued issued = billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER);

        billingKeys.delete("TOSS", "bk_sbx_unknown");
        billingKeys.delete("TOSS", null);
        billingKeys.delete("KAKAOPAY", issued.billingKey());

        assertThat(billingKeys.isActive(issued.billingKey())).isTrue();
        assertThat(billingKeys.key("bk_sbx_unknown")).isEmpty();
        assertThat(billingKeys.isActive(null)).isFalse();
    }

    @Test
    void concurrentUsesOfOneAuthKeyIssueOneBillingKey() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Object> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Issued>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Issued> issue = () -> {
                    start.await();
                    return billingKeys.issue("TOSS", "sandbox_VISA_4242_1230", CUSTOMER);
                };
                futures.add(pool.submit(issue));
            }
            start.countDown();
            for (Future<Issued> future : futures) {
                try {
                    outcomes.add(future.get(10, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(Issued.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(BillingKeyRefused.class::isInstance).hasSize(threads - 1)
                .allSatisfy(refusal -> assertThat((Throwable) refusal).hasMessageContaining("authKey already used"));
        assertThat(billingKeys.keys()).hasSize(1);
    }

    @Test
    void isTheBillingKeysBeanUnlessAnotherAdapterIsConfigured() {
        try (var context = contextWith(Map.of())) {
            assertThat(context.getBean(BillingKeys.class)).isInstanceOf(SandboxBillingKeys.class);
        }
        try (var context = contextWith(Map.of("jangteo.payments.billing-provider", "Sandbox"))) {
            assertThat(context.getBeansOfType(BillingKeys.class)).hasSize(1);
        }
        try (var context = contextWith(Map.of("jangteo.payments.billing-provider", "toss"))) {
            assertThat(context.getBeansOfType(BillingKeys.class)).isEmpty();
        }
    }

    private static AnnotationConfigApplicationContext contextWith(Map<String, Object> properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.scan(SandboxBillingKeys.class.getPackageName());
        context.refresh();
        return context;
    }
}
