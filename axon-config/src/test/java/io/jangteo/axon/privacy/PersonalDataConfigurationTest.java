package io.jangteo.axon.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.jangteo.axon.JangteoProperties;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.seller.SellerApproved;
import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.SerializerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring wiring alone, with the beans the rest of axon-config and Axon's auto-configuration provide. */
class PersonalDataConfigurationTest {

    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(KeyStoreSupport.MASTER_SECRET);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SerializerProperties.class)
    static class AxonSerializerSettings {
    }

    private final KeyStoreSupport store = new KeyStoreSupport();

    @TempDir
    Path dataDir;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(AxonSerializerSettings.class, PersonalDataConfiguration.class)
                .withBean("readStoreDatabase", MongoDatabase.class, () -> store.database)
                .withBean(JangteoProperties.class, () -> new JangteoProperties(dataDir, null, null))
                .withBean(RevisionResolver.class, AnnotationRevisionResolver::new)
                .withBean("jacksonObjectMapper", ObjectMapper.class, KeyStoreSupport::bootLikeMapper)
                .withPropertyValues("axon.serializer.general=jackson", "axon.serializer.events=jackson",
                        "axon.serializer.messages=jackson");
    }

    @Test
    void theEventSerializerSealsPersonalDataAndWritesEverythingElseAsThePlainJacksonSerializer() {
        runner().run(context -> {
            Serializer events = context.getBean("eventSerializer", Serializer.class);
            SellerApproved approved = new SellerApproved(SellerId.of("s-1"));
            MemberNameChanged renamed = new MemberNameChanged(MemberId.of("m-1"), "김민지", null);

            assertThat(events).isInstanceOf(PersonalDataSerializer.class);
            assertThat(events.serialize(approved, byte[].class).getData())
                    .isEqualTo(KeyStoreSupport.plainJackson().serialize(approved, byte[].class).getData());
            assertThat(new String(events.serialize(renamed, byte[].class).getData())).contains("$pd")
                    .doesNotContain("김민지");
            assertThat(context.getBean(PersonalDataErasure.class)).isNotNull();
        });
    }

    @Test
    void embeddedModeWithoutAConfiguredKeyGeneratesOneInTheDataDirectory() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(dataDir.resolve(MasterKey.KEY_FILE)).exists();
        });
    }

    @Test
    void scaleOutModeWithoutAMasterKeyFailsToStart() {
        runner().withPropertyValues("spring.profiles.active=scale-out").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MasterKeyMissingException.class);
            assertThat(dataDir.resolve(MasterKey.KEY_FILE)).doesNotExist();
        });
    }

    @Test
    void scaleOutModeStartsWithAConfiguredMasterKey() {
        runner().withPropertyValues("spring.profiles.active=scale-out", "jangteo.privacy.master-key=" + MASTER_KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PrivacyProperties.class).toString()).doesNotContain(MASTER_KEY);
                });
    }

    @Test
    void theCacheSettingsAreBound() {
        runner().withPropertyValues("jangteo.privacy.key-cache-ttl=5s", "jangteo.privacy.key-cache-size=42")
                .run(context -> {
                    PrivacyProperties privacy = context.getBean(PrivacyProperties.class);
                    assertThat(privacy.keyCacheTtl()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(privacy.keyCacheSize()).isEqualTo(42);
                });
        runner().run(context -> assertThat(context.getBean(PrivacyProperties.class))
                .isEqualTo(new PrivacyProperties(null, Duration.ofSeconds(60), 10_000)));
    }

    @Test
    void eventsConfiguredForAnotherSerializerAreRefusedRatherThanSilentlySwitched() {
        runner().withPropertyValues("axon.serializer.events=xstream").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("axon.serializer.events=jackson");
        });
        runner().withPropertyValues("axon.serializer.general=default", "axon.serializer.events=default",
                "axon.serializer.messages=default").run(context -> assertThat(context).hasFailed());
    }
}
