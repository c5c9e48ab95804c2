package io.jangteo.command.payment;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.order.OrderId;
import io.jangteo.messages.order.PaymentMethod;
import io.jangteo.messages.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentGatewayConfigurationTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    @Test
    void theSandboxIsTheGatewayByDefaultAndRedirectsToTheConfiguredBaseUrl() {
        try (AnnotationConfigApplicationContext context = context(Database.class)) {
            assertThat(context.getBeansOfType(PaymentGateway.class)).containsOnlyKeys("sandboxPaymentGateway");
            PaymentGateway gateway = context.getBean(PaymentGateway.class);
            PaymentGateway.Ready ready = gateway.ready("pay-ord-1", OrderId.of("ord-1"), PaymentMethod.KAKAO_PAY,
                    Money.won(1_000), "x", null, Instant.parse("2026-11-20T03:00:00Z"));
            assertThat(ready.redirectUrl()).isEqualTo("https://jangteo.example/sandbox/pay/pay-ord-1");
        }
    }

    @Test
    void anotherGatewayReplacesTheSandbox() {
        try (AnnotationConfigApplicationContext context = context(Database.class, RealProvider.class)) {
            assertThat(context.getBeansOfType(PaymentGateway.class)).containsOnlyKeys("tossPayments");
        }
    }

    private static AnnotationConfigApplicationContext context(Class<?>... configurations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("jangteo.payments.sandbox.base-url", "https://jangteo.example")));
        context.register(PaymentGatewayConfiguration.class);
        context.register(configurations);
        context.refresh();
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    static class Database {
        @Bean
        MongoDatabase readStoreDatabase() {
            return mongo.freshDatabase();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RealProvider {
        @Bean
        PaymentGateway tossPayments() {
            return new SandboxPaymentGateway(mongo.freshDatabase(), "https://toss.example");
        }
    }
}
