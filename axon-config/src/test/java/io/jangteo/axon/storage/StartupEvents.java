package io.jangteo.axon.storage;

import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

/** The event Spring Boot fires once the environment is known, the moment the start-up checks run. */
final class StartupEvents {

    private StartupEvents() {
    }

    /** The event Spring Boot fires once the context is prepared, before any bean exists: when the data lock is taken. */
    static ApplicationPreparedEvent contextPrepared(Map<String, Object> properties, String... activeProfiles) {
        org.springframework.context.support.GenericApplicationContext context =
                new org.springframework.context.support.GenericApplicationContext();
        context.setEnvironment((StandardEnvironment) environmentPrepared(properties, activeProfiles).getEnvironment());
        return new ApplicationPreparedEvent(new SpringApplication(), new String[0], context);
    }

    static ApplicationEnvironmentPreparedEvent environmentPrepared(Map<String, Object> properties,
                                                                   String... activeProfiles) {
        StandardEnvironment environment = new StandardEnvironment();
        // SpringApplication installs Boot's conversion service before firing the event; "500ms" needs it
        environment.setConversionService(new ApplicationConversionService());
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(activeProfiles);
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], environment);
    }
}
