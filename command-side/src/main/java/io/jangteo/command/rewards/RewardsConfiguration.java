package io.jangteo.command.rewards;

import io.jangteo.command.schedule.ScheduledCommands;
import io.jangteo.messages.rewards.GradeTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rewards schedule. The {@link GradeTable} and the {@code PointsPolicy} are the application's beans: the
 * aggregate receives them as handler parameters, the schedule needs the grade window.
 */
@Configuration(proxyBeanMethods = false)
class RewardsConfiguration {

    @Bean
    RewardsSchedule rewardsSchedule(ScheduledCommands scheduledCommands, GradeTable gradeTable) {
        return new RewardsSchedule(scheduledCommands, gradeTable);
    }
}
