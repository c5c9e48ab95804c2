package io.jangteo.command.onboarding;

import io.jangteo.command.rewards.RewardsBus;
import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.CloseRewards;
import io.jangteo.messages.rewards.GradeRule;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.PointsPolicy;
import io.jangteo.messages.rewards.RewardsClosed;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhenMemberWithdrawnThenCloseRewardsTest {

    private static final MemberId MEMBER = MemberId.of("member-1");
    private static final RewardsId ACCOUNT = RewardsId.of(MEMBER);
    private static final GradeTable GRADES = new GradeTable(List.of(new GradeRule("BASIC", "일반", 0, 10)), "KRW",
            Duration.ofDays(365));
    private static final PointsPolicy POLICY = new PointsPolicy(Duration.ofDays(7), Duration.ofDays(365));

    private final RewardsBus rewards = RewardsBus.of(GRADES, POLICY);
    private final WhenMemberWithdrawnThenCloseRewards policy =
            new WhenMemberWithdrawnThenCloseRewards(rewards.gateway());

    @AfterEach
    void tearDown() {
        rewards.eventStore().shutDown();
    }

    @Test
    void aWithdrawalClosesTheMembersRewardsAsTheWithdrawalActor() {
        rewards.gateway().sendAndWait(new AdjustPoints(ACCOUNT, MEMBER, PointsEntryId.of("ADJ1"), 700, "welcome"),
                MetaData.from(Map.of(AuditKeys.ACTOR_ROLE, "ADMIN", AuditKeys.ACTOR_ID, "admin-1")));

        policy.on(new MemberWithdrawn(MEMBER, "moving abroad"));

        DomainEventMessage<?> closed = rewards.events(ACCOUNT).get(1);
        assertThat(closed.getPayload()).isEqualTo(new RewardsClosed(ACCOUNT, MEMBER, 700, "member withdrew"));
        assertThat(closed.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo("system:member-withdrawal");
        assertThat(closed.getMetaData().get(AuditKeys.ACTOR_ROLE)).isEqualTo("SYSTEM");
    }

    @Test
    void aRepeatedWithdrawalChangesNothing() {
        policy.on(new MemberWithdrawn(MEMBER, "moving abroad"));
        policy.on(new MemberWithdrawn(MEMBER, "moving abroad"));

        assertThat(rewards.payloads(ACCOUNT)).containsExactly(new RewardsClosed(ACCOUNT, MEMBER, 0, "member withdrew"));
    }

    @Test
    void aRefusalIsLoggedNotThrown() {
        List<CommandMessage<?>> sent = new ArrayList<>();
        SimpleCommandBus refusing = SimpleCommandBus.builder().build();
        refusing.registerHandlerInterceptor(new RuleViolationTranslator());
        refusing.subscribe(CloseRewards.class.getName(), command -> {
            sent.add(command);
            throw new Refused();
        });

        new WhenMemberWithdrawnThenCloseRewards(DefaultCommandGateway.builder().commandBus(refusing).build())
                .on(new MemberWithdrawn(MEMBER, "moving abroad"));

        assertThat(sent).hasSize(1);
    }

    @Test
    void anUnexpectedFailureIsThrownForTheProcessorToRetry() {
        SimpleCommandBus failing = SimpleCommandBus.builder().build();
        failing.subscribe(CloseRewards.class.getName(), command -> {
            throw new IllegalStateException("event store unavailable");
        });
        WhenMemberWithdrawnThenCloseRewards withFailingBus =
                new WhenMemberWithdrawnThenCloseRewards(DefaultCommandGateway.builder().commandBus(failing).build());

        assertThatThrownBy(() -> withFailingBus.on(new MemberWithdrawn(MEMBER, "moving abroad")))
                .hasMessageContaining("event store unavailable");
    }

    @Test
    void aMemberIdTooLongForARewardsAccountHasNoneToClose() {
        MemberId longId = MemberId.of("m".repeat(60));

        policy.on(new MemberWithdrawn(longId, "moving abroad"));

        assertThat(rewards.eventStore().readEvents("rewards-" + longId.value()).asStream()).isEmpty();
    }

    static final class Refused extends DomainRuleViolation {
        Refused() {
            super(ErrorCode.INVALID_INPUT, List.of("memberId"), "not this account's member");
        }
    }
}
