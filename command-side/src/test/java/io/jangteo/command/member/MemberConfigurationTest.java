package io.jangteo.command.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.shared.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.util.Map;

import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapters and settings as Spring builds them from the application's properties. */
class MemberConfigurationTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static AnnotationConfigApplicationContext context(MongoDatabase database, Map<String, Object> properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        // Spring Boot's conversion service reads ISO-8601 durations in the application; this stands in for it
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(String.class, Duration.class, Duration::parse);
        context.getBeanFactory().setConversionService(conversions);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.registerBean(MongoDatabase.class, () -> database);
        context.register(MemberConfiguration.class, MongoEmailRegistry.class, MongoPasswordStore.class,
                MongoSessions.class, MongoPasswordResets.class);
        context.refresh();
        return context;
    }

    @Test
    void withoutPropertiesTheDefaultsApply() {
        try (AnnotationConfigApplicationContext context = context(mongo.freshDatabase(), Map.of())) {
            assertThat(context.getBean(MemberSettings.class)).isEqualTo(MemberSettings.defaults());
            assertThat(MemberSettings.defaults()).isEqualTo(new MemberSettings(5, Duration.ofMinutes(15),
                    Duration.ofDays(14), Duration.ofMinutes(30)));
        }
    }

    @Test
    void propertiesSetTheLockoutAndTheTokensLifetimes() {
        MongoDatabase database = mongo.freshDatabase();
        Map<String, Object> properties = Map.of(
                "jangteo.members.lockout.max-failures", "3",
                "jangteo.members.lockout.duration", "PT1H",
                "jangteo.members.session.refresh-ttl", "P1D",
                "jangteo.members.password-reset.ttl", "PT10M");
        try (AnnotationConfigApplicationContext context = context(database, properties)) {
            assertThat(context.getBean(MemberSettings.class)).isEqualTo(new MemberSettings(3, Duration.ofHours(1),
                    Duration.ofDays(1), Duration.ofMinutes(10)));

            context.getBean(Sessions.class).start(MEMBER_ID);
            context.getBean(PasswordResets.class).issue(MEMBER_ID);

            Document session = database.getCollection(MongoSessions.COLLECTION).find().first();
            assertThat(Duration.between(session.getDate("issuedAt").toInstant(),
                    session.getDate("expiresAt").toInstant())).isEqualTo(Duration.ofDays(1));
            assertThat(context.getBean(EmailRegistry.class)).isInstanceOf(MongoEmailRegistry.class);
            assertThat(context.getBean(PasswordStore.class)).isInstanceOf(MongoPasswordStore.class);
        }
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new MemberSettings(0, Duration.ofMinutes(15),
                        Duration.ofDays(14), Duration.ofMinutes(30)))
                .hasMessageContaining("max-failures");
        assertThatThrownBy(() -> new MemberSettings(5, Duration.ZERO,
                        Duration.ofDays(14), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
