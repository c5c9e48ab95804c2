package io.jangteo.graphql.member;

import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.PointsPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The grade table and points policy, from configuration, for both sides and the API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemberProperties.class)
class MemberApiConfiguration {

    @Bean
    GradeTable gradeTable(MemberProperties properties) {
        return properties.gradeTable();
    }

    @Bean
    PointsPolicy pointsPolicy(MemberProperties properties) {
        return properties.pointsPolicy();
    }
}
