package io.jangteo.graphql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Scans all of {@code io.jangteo}: the two sides join at run time, through the gateways only. */
@SpringBootApplication(scanBasePackages = "io.jangteo")
@ConfigurationPropertiesScan("io.jangteo.graphql")
public class JangteoApplication {

    public static void main(String[] args) {
        SpringApplication.run(JangteoApplication.class, args);
    }
}
