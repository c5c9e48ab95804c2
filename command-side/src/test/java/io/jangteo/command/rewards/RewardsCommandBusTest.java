package io.jangteo.command.rewards;

import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.PointsAdjusted;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.ReviewGrade;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jangteo.command.rewards.RewardsFixtures.ACCOUNT;
import static io.jangteo.command.rewards.RewardsFixtures.GRADES;
import static io.jangteo.command.rewards.RewardsFixtures.MEMBER;
import static io.jangteo.command.rewards.RewardsFixtures.POLICY;
import static io.jangteo.command.rewards.RewardsFixtures.admin;
import static io.jangteo.command.rewards.RewardsFixtures.id;
import static io.jangteo.command.rewards.RewardsFixtures.purchase;
import static io.jangteo.command.rewards.RewardsFixtures.system;
import static io.jangteo.command.rewards.RewardsFixtures.theMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The account behind a real event-sourcing repository: what the fixture cannot show about "create if missing" (the
 * stream is stored under the account's id, a command that changes nothing stores nothing) and how a refusal reaches
 * its sender.
 */
class RewardsCommandBusTest {

    private final RewardsBus bus = RewardsBus.of(GRADES, POLICY);

    @AfterEach
    void tearDown() {
        bus.eventStore().shutDown();
    }

    private Object send(Object command, Map<String, Object> actor) {
        return bus.gateway().sendAndWait(command, MetaData.from(actor));
    }

    @Test
    void theFirstPurchaseOpensTheAccountAndLaterCommandsAppendToItsStream() {
        Object first = send(purchase("order-1", 100_000), system());
        Object second = send(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 500, "goodwill"), admin());

        assertThat(first).isEqualTo(1L);
        assertThat(second).isEqualTo(2L);
        assertThat(bus.events(ACCOUNT)).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(bus.payloads(ACCOUNT).get(0)).isInstanceOf(PurchaseRecorded.class);
        assertThat(bus.payloads(ACCOUNT).get(2)).isInstanceOf(PointsAdjusted.class);
    }

    @Test
    void aCommandThatChangesNothingOnAnUntouchedAccountStoresNothing() {
        Object version = send(new ReviewGrade(ACCOUNT), system());

        assertThat(version).isEqualTo(-1L);
        assertThat(bus.events(ACCOUNT)).isEmpty();
        // and the account still opens normally afterwards
        assertThat(send(purchase("order-1", 100_000), system())).isEqualTo(1L);
    }

    @Test
    void aRefusalReachesTheSenderAsARuleViolationAndStoresNothing() {
        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> send(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 100, "order-9"), theMember()));

        assertThat(refused.getDetails()).map(RuleViolation.class::cast).hasValueSatisfying(violation -> {
            assertThat(violation.code()).isEqualTo(ErrorCode.INSUFFICIENT_POINTS);
            assertThat(violation.field()).containsExactly("points");
        });
        assertThat(bus.events(ACCOUNT)).isEmpty();
    }

    @Test
    void eventsCarryTheActorOfTheirCommand() {
        send(purchase("order-1", 100_000), Map.of(AuditKeys.ACTOR_ROLE, "SYSTEM", AuditKeys.ACTOR_ID,
                "system:orders", AuditKeys.REQUEST_ID, "req-1"));

        assertThat(bus.events(ACCOUNT)).allSatisfy(event -> {
            assertThat(event.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo("system:orders");
            assertThat(event.getMetaData().get(AuditKeys.REQUEST_ID)).isEqualTo("req-1");
        });
    }
}
