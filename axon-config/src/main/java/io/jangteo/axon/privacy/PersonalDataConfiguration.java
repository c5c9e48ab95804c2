package io.jangteo.axon.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.jangteo.axon.JangteoProperties;
import io.jangteo.axon.storage.RuntimeMode;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.SerializerProperties;
import org.axonframework.springboot.SerializerProperties.SerializerType;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import static org.springframework.beans.factory.BeanFactoryUtils.beansOfTypeIncludingAncestors;

/**
 * Installs crypto-shredding: the {@code eventSerializer} that every event store uses (the embedded JDBC engine and
 * Axon Server alike, through Axon's configurer), the key store, and the erasure processor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PersonalDataConfiguration {

    @Bean
    PersonalDataKeys personalDataKeys(MongoDatabase readStoreDatabase, PrivacyProperties privacy,
                                      JangteoProperties jangteo, Environment environment) {
        MasterKey masterKey = MasterKey.load(privacy.masterKey(), jangteo.dataDir(), RuntimeMode.of(environment));
        KeyCache cache = new KeyCache(privacy.keyCacheSize(), privacy.keyCacheTtl().toNanos(), System::nanoTime);
        return new PersonalDataKeys(readStoreDatabase, masterKey, cache, Clock.systemUTC());
    }

    /**
     * Replaces the one Axon's auto-configuration would make, built from the same parts as Axon's own Jackson serializer
     * (the {@code defaultAxonObjectMapper} bean if there is one, else the first ObjectMapper, i.e. Spring Boot's; the
     * {@link RevisionResolver} bean; a {@link ChainingConverter} on the bean class loader), so events without personal
     * data, and upcasters, see exactly what they saw before.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ConfigurableListableBeanFactory beanFactory, RevisionResolver revisionResolver,
                               SerializerProperties serializerProperties, PersonalDataKeys personalDataKeys) {
        requireJacksonForEvents(serializerProperties);
        Map<String, ObjectMapper> mappers = beansOfTypeIncludingAncestors(beanFactory, ObjectMapper.class);
        ObjectMapper mapper = mappers.containsKey("defaultAxonObjectMapper")
                ? mappers.get("defaultAxonObjectMapper")
                : mappers.values().stream().findFirst()
                        .orElseThrow(() -> new NoSuchBeanDefinitionException(ObjectMapper.class));
        JacksonSerializer jackson = JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(beanFactory.getBeanClassLoader()))
                .objectMapper(mapper)
                .build();
        return new PersonalDataSerializer(jackson, personalDataKeys);
    }

    @Bean
    PersonalDataErasure personalDataErasure(PersonalDataKeys personalDataKeys) {
        return new PersonalDataErasure(personalDataKeys);
    }

    /** A failed erasure must be retried, not logged and skipped as Axon does by default without a dead-letter queue. */
    @Bean
    ConfigurerModule personalDataErasureProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(PersonalDataErasure.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    /**
     * Sealing works on Jackson trees. Resolved as Axon resolves it: the events setting, else the messages setting,
     * else the general one, whose default is XStream.
     */
    private static void requireJacksonForEvents(SerializerProperties properties) {
        SerializerType effective = Stream.of(properties.getEvents(), properties.getMessages(), properties.getGeneral())
                .filter(type -> type != SerializerType.DEFAULT)
                .findFirst().orElse(SerializerType.XSTREAM);
        if (effective != SerializerType.JACKSON) {
            throw new IllegalStateException("Personal data in events is encrypted on Jackson trees: set "
                    + "axon.serializer.events=jackson (it resolves to " + effective + ")");
        }
    }
}
