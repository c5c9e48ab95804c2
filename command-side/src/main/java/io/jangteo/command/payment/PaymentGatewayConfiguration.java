package io.jangteo.command.payment;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/**
 * The payment gateway: the sandbox ({@code jangteo.payments.sandbox.base-url}, default {@code http://localhost:8080},
 * is where its redirect URLs point), unless the application defines another {@link PaymentGateway} bean, which then
 * replaces it.
 */
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

    static final String SANDBOX_BEAN = "sandboxPaymentGateway";

    @Bean(SANDBOX_BEAN)
    SandboxPaymentGateway sandboxPaymentGateway(MongoDatabase readStoreDatabase,
                                                @Value("${jangteo.payments.sandbox.base-url:http://localhost:8080}")
                                                String baseUrl) {
        return new SandboxPaymentGateway(readStoreDatabase, baseUrl);
    }

    /**
     * Removes the sandbox when another gateway is defined. Axon resolves a handler's {@link PaymentGateway} parameter
     * only when exactly one bean (or one primary) has the type, and a condition on the sandbox's definition would
     * depend on the order configuration classes are read in; by the time registry post-processors run, every
     * definition is known.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor sandboxPaymentGatewayFallback() {
        return new SandboxFallback();
    }

    /**
     * Counts the answers of whichever gateway remains. A post-processor rather than a wrapping bean, so an application
     * that defines its own gateway gets counted too; the registry is looked up per answer, as post-processors are
     * created before the registry is.
     */
    @Bean
    static BeanPostProcessor meteredPaymentGateways(ObjectProvider<MeterRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PaymentGateway gateway && !(bean instanceof MeteredPaymentGateway)
                        ? new MeteredPaymentGateway(gateway, registry::getIfAvailable) : bean;
            }
        };
    }

    static final class SandboxFallback implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
            if (!(registry instanceof ListableBeanFactory beans) || !registry.containsBeanDefinition(SANDBOX_BEAN)) {
                return;
            }
            boolean another = Arrays.stream(beans.getBeanNamesForType(PaymentGateway.class, true, false))
                    .anyMatch(name -> !name.equals(SANDBOX_BEAN));
            if (another) {
                registry.removeBeanDefinition(SANDBOX_BEAN);
            }
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
            // everything happens on the registry
        }
    }
}
