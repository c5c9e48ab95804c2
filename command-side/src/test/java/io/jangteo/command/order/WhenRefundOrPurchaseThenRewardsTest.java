package io.jangteo.command.order;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.rewards.RewardsBus;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.messages.order.PurchaseConfirmed;
import io.jangteo.messages.order.RefundCompleted;
import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.GradeRule;
import io.jangteo.messages.rewards.GradeTable;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.PointsPolicy;
import io.jangteo.messages.rewards.PointsRefunded;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RecordPurchaseConfirmed;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.jangteo.command.order.OrderFixtures.BUYER;
import static io.jangteo.command.order.OrderFixtures.ORDER;
import static io.jangteo.command.order.OrderFixtures.PAYMENT_KEY;
import static io.jangteo.command.order.OrderFixtures.SELLER_A;
import static io.jangteo.command.order.OrderFixtures.SELLER_B;
import static io.jangteo.command.order.OrderFixtures.T0;
import static io.jangteo.command.order.OrderFixtures.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refund's points go back once; a confirmed purchase is recorded once per seller part. Against the real rewards
 * account.
 */
class WhenRefundOrPurchaseThenRewardsTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final GradeTable GRADES = new GradeTable(List.of(new GradeRule("BASIC", "일반", 0, 10)), "KRW",
            Duration.ofDays(365));
    private static final PointsPolicy POINTS = new PointsPolicy(Duration.ofDays(7), Duration.ofDays(365));
    private static final RewardsId ACCOUNT = RewardsId.of(BUYER);

    private final MongoDatabase database = mongo.freshDatabase();
    private final RewardsBus rewards = RewardsBus.of(GRADES, POINTS);
    private final WhenRefundCompletedThenRefundPoints refunds = new WhenRefundCompletedThenRefundPoints(
            rewards.gateway(), database, rewards.eventStore(), Clock.systemUTC());
    private final WhenPurchaseConfirmedThenRecordPurchase purchases =
            new WhenPurchaseConfirmedThenRecordPurchase(rewards.gateway());

    WhenRefundOrPurchaseThenRewardsTest() {
        rewards.gateway().sendAndWait(new AdjustPoints(ACCOUNT, BUYER, PointsEntryId.of("ADJ1"), 10_000, "welcome"),
                MetaData.from(Map.of(AuditKeys.ACTOR_ROLE, "ADMIN", AuditKeys.ACTOR_ID, "admin-1")));
        rewards.gateway().sendAndWait(new SpendPoints(ACCOUNT, BUYER, ORDER.pointsSpendId(), 5_000, ORDER.value()),
                MetaData.from(OrderFixtures.system()));
    }

    @AfterEach
    void tearDown() {
        rewards.eventStore().shutDown();
    }

    @Test
    void aRefundsPointsGoBackToTheOrdersSpendingOnce() {
        refunds.on(refund("RF1", 1_000));
        refunds.on(refund("RF1", 1_000));

        List<PointsRefunded> refunded = pointsRefunded();
        assertThat(refunded).singleElement().satisfies(event -> {
            assertThat(event.spendId()).isEqualTo(ORDER.pointsSpendId());
            assertThat(event.points()).isEqualTo(1_000);
            assertThat(event.reason()).isEqualTo("refund RF1 of order " + ORDER);
        });
        DomainEventMessage<?> message = rewards.events(ACCOUNT).get(rewards.events(ACCOUNT).size() - 1);
        assertThat(message.getMetaData()).containsEntry(AuditKeys.ACTOR_ID, "system:order-policies");
    }

    @Test
    void eachRefundGivesItsOwnPointsBack() {
        refunds.on(refund("RF1", 1_000));
        refunds.on(refund("RF2", 4_000));

        assertThat(pointsRefunded()).extracting(PointsRefunded::points).containsExactly(1_000L, 4_000L);
    }

    @Test
    void anInterruptedRunIsCheckedAgainstTheRewardsHistory() {
        rewards.gateway().sendAndWait(new RefundPoints(ACCOUNT, BUYER, ORDER.pointsSpendId(), 1_000,
                "refund RF1 of order " + ORDER), MetaData.from(OrderFixtures.system()));
        database.getCollection(WhenRefundCompletedThenRefundPoints.COLLECTION).insertOne(
                new Document("_id", ORDER + ":RF1").append("state", "SENDING"));

        refunds.on(refund("RF1", 1_000));

        assertThat(pointsRefunded()).hasSize(1);
        assertThat(database.getCollection(WhenRefundCompletedThenRefundPoints.COLLECTION).find().first())
                .containsEntry("state", "DONE");
    }

    @Test
    void anInterruptedRunThatNeverReachedTheRewardsSendsAgain() {
        database.getCollection(WhenRefundCompletedThenRefundPoints.COLLECTION).insertOne(
                new Document("_id", ORDER + ":RF1").append("state", "SENDING"));

        refunds.on(refund("RF1", 1_000));

        assertThat(pointsRefunded()).hasSize(1);
    }

    @Test
    void aRefundWithoutPointsSendsNothing() {
        refunds.on(refund("RF1", 0));

        assertThat(pointsRefunded()).isEmpty();
        assertThat(database.getCollection(WhenRefundCompletedThenRefundPoints.COLLECTION).countDocuments())
                .isZero();
    }

    @Test
    void aRefusedPointsRefundIsLoggedNotThrown() {
        refunds.on(refund("RF1", 6_000));

        assertThat(pointsRefunded()).isEmpty();
        assertThat(database.getCollection(WhenRefundCompletedThenRefundPoints.COLLECTION).find().first())
                .containsEntry("state", "REFUSED");
    }

    @Test
    void aConfirmedPurchaseIsRecordedOncePerSellerPart() {
        purchases.on(new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500), false, T0));
        purchases.on(new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500), false, T0));
        purchases.on(new PurchaseConfirmed(ORDER, BUYER, SELLER_B, won(17_000), true, T0));

        assertThat(rewards.payloads(ACCOUNT)).filteredOn(PurchaseRecorded.class::isInstance).containsExactly(
                new PurchaseRecorded(ACCOUNT, BUYER, ORDER + "/" + SELLER_A, won(63_500)),
                new PurchaseRecorded(ACCOUNT, BUYER, ORDER + "/" + SELLER_B, won(17_000)));
    }

    @Test
    void aPartConfirmedForNothingEarnsNothing() {
        purchases.on(new PurchaseConfirmed(ORDER, BUYER, SELLER_B, won(0), true, T0));

        assertThat(rewards.payloads(ACCOUNT)).noneMatch(PurchaseRecorded.class::isInstance);
    }

    @Test
    void anUnexpectedFailureIsThrownForTheProcessorToRetry() {
        SimpleCommandBus failing = SimpleCommandBus.builder().build();
        failing.subscribe(RecordPurchaseConfirmed.class.getName(), command -> {
            throw new IllegalStateException("event store unavailable");
        });
        WhenPurchaseConfirmedThenRecordPurchase withFailingBus =
                new WhenPurchaseConfirmedThenRecordPurchase(gateway(failing));

        assertThatThrownBy(() -> withFailingBus.on(new PurchaseConfirmed(ORDER, BUYER, SELLER_A, won(63_500),
                false, T0))).hasMessageContaining("event store unavailable");
    }

    private List<PointsRefunded> pointsRefunded() {
        return rewards.payloads(ACCOUNT).stream().filter(PointsRefunded.class::isInstance)
                .map(PointsRefunded.class::cast).toList();
    }

    private static CommandGateway gateway(SimpleCommandBus bus) {
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    private static RefundCompleted refund(String refundId, long points) {
        return new RefundCompleted(ORDER, BUYER, refundId, SELLER_A, List.of("L2"), won(12_500), won(0), won(0),
                won(12_500), points, PAYMENT_KEY, "prf-" + refundId, "Changed my mind", T0);
    }
}
