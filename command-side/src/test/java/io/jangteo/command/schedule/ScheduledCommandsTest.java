package io.jangteo.command.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.RecordPurchaseConfirmed;
import io.jangteo.messages.rewards.ReviewGrade;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scheduler against a real MongoDB wire-protocol server and a real Axon command bus. */
class ScheduledCommandsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final RewardsId ACCOUNT = RewardsId.of(MemberId.of("member-1"));
    private static final RewardsId OTHER_ACCOUNT = RewardsId.of(MemberId.of("member-2"));
    private static final Duration RETRY_DELAY = Duration.ofSeconds(10);
    private static final int MAX_ATTEMPTS = 3;

    private final Serializer serializer = TestSerializers.likeTheApplication();
    private final MutableClock clock = new MutableClock(T0);
    private final List<CommandMessage<?>> received = Collections.synchronizedList(new ArrayList<>());
    private EmbeddedMongo mongo;
    private SimpleCommandBus commandBus;
    private ScheduledCommands scheduled;
    private ScheduledCommandPoller poller;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        accept(ReviewGrade.class);
        accept(RecordPurchaseConfirmed.class);
        scheduled = new ScheduledCommands(mongo.database(), serializer);
        poller = poller(scheduled, clock);
    }

    @AfterEach
    void tearDown() {
        poller.stop();
        mongo.close();
    }

    private ScheduledCommandPoller poller(ScheduledCommands items, Clock pollerClock) {
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        return new ScheduledCommandPoller(items, gateway, Duration.ofMillis(20), MAX_ATTEMPTS, RETRY_DELAY,
                pollerClock);
    }

    private void accept(Class<?> commandType) {
        handle(commandType, message -> {
            received.add(message);
            return 0L;
        });
    }

    private void handle(Class<?> commandType, MessageHandler<? super CommandMessage<?>> handler) {
        commandBus.subscribe(commandType.getName(), handler);
    }

    private MongoCollection<Document> collection() {
        return mongo.database().getCollection(ScheduledCommands.COLLECTION);
    }

    private List<Object> receivedPayloads() {
        return received.stream().<Object>map(CommandMessage::getPayload).toList();
    }

    @Test
    void aCommandDueInThePastIsSentOnceAsItsSystemActor() {
        scheduled.schedule("review:1", T0.minus(Duration.ofHours(1)), new ReviewGrade(ACCOUNT), "grades");

        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(poller.pollOnce()).isZero();

        assertThat(receivedPayloads()).containsExactly(new ReviewGrade(ACCOUNT));
        CommandMessage<?> sent = received.get(0);
        assertThat(sent.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo("system:grades");
        assertThat(sent.getMetaData().get(AuditKeys.ACTOR_ROLE)).isEqualTo("SYSTEM");
        assertThat((String) sent.getMetaData().get(AuditKeys.REQUEST_ID)).startsWith("sys-");
        assertThat(collection().countDocuments()).isZero();
    }

    @Test
    void aCommandDueLaterWaitsForItsTime() {
        scheduled.schedule("review:1", T0.plus(Duration.ofHours(1)), new ReviewGrade(ACCOUNT), "grades");

        assertThat(poller.pollOnce()).isZero();
        clock.advance(Duration.ofMinutes(59));
        assertThat(poller.pollOnce()).isZero();
        assertThat(received).isEmpty();
        assertThat(collection().countDocuments()).isOne();

        clock.advance(Duration.ofMinutes(1));
        assertThat(poller.pollOnce()).isOne();
        assertThat(receivedPayloads()).containsExactly(new ReviewGrade(ACCOUNT));
    }

    @Test
    void theStoredItemNamesItsCommandItsTimeAndItsActor() {
        scheduled.schedule("purchase:1", T0, new RecordPurchaseConfirmed(ACCOUNT, MemberId.of("member-1"), "order-1",
                Money.won(12_000)), "orders");

        Document item = collection().find().first();
        assertThat(item).isNotNull();
        assertThat(item.getString("_id")).isEqualTo("purchase:1");
        assertThat(item.getDate("dueAt")).isEqualTo(Date.from(T0));
        assertThat(item.getString("payloadType")).isEqualTo(RecordPurchaseConfirmed.class.getName());
        assertThat(item.getString("payload")).contains("\"orderId\":\"order-1\"").contains("12000");
        assertThat(item.getString("actorId")).isEqualTo("system:orders");
        assertThat(item.getInteger("attempts")).isZero();
        assertThat(item.get("lastError")).isNull();
        assertThat(item.get("leaseUntil")).isNull();
    }

    @Test
    void theOldestDueItemIsSentFirst() {
        scheduled.schedule("b", T0.minus(Duration.ofMinutes(5)), new ReviewGrade(OTHER_ACCOUNT), "grades");
        scheduled.schedule("c", T0.minus(Duration.ofMinutes(1)), new ReviewGrade(RewardsId.of(MemberId.of("m3"))),
                "grades");
        scheduled.schedule("a", T0.minus(Duration.ofMinutes(10)), new ReviewGrade(ACCOUNT), "grades");

        assertThat(poller.pollOnce()).isEqualTo(3);

        assertThat(receivedPayloads()).containsExactly(new ReviewGrade(ACCOUNT), new ReviewGrade(OTHER_ACCOUNT),
                new ReviewGrade(RewardsId.of(MemberId.of("m3"))));
    }

    @Test
    void theSameKeyReplacesTheEarlierItem() {
        scheduled.schedule("review:1", T0.plus(Duration.ofHours(1)), new ReviewGrade(ACCOUNT), "grades");
        scheduled.schedule("review:1", T0.minus(Duration.ofMinutes(1)), new ReviewGrade(OTHER_ACCOUNT), "grades");

        assertThat(collection().countDocuments()).isOne();
        poller.pollOnce();
        clock.advance(Duration.ofHours(2));
        poller.pollOnce();

        assertThat(receivedPayloads()).containsExactly(new ReviewGrade(OTHER_ACCOUNT));
    }

    @Test
    void aCancelledCommandIsNotSent() {
        scheduled.schedule("review:1", T0.minus(Duration.ofMinutes(1)), new ReviewGrade(ACCOUNT), "grades");
        scheduled.schedule("review:2", T0.minus(Duration.ofMinutes(1)), new ReviewGrade(OTHER_ACCOUNT), "grades");

        scheduled.cancel("review:1");
        poller.pollOnce();

        assertThat(receivedPayloads()).containsExactly(new ReviewGrade(OTHER_ACCOUNT));
    }

    @Test
    void aRefusedCommandIsLoggedAndDroppedNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        handle(ExpireNothing.class, message -> {
            attempts.incrementAndGet();
            throw new Refused(ErrorCode.INVALID_STATE);
        });
        scheduled.schedule("refused", T0.minus(Duration.ofMinutes(1)), new ExpireNothing("x"), "points");

        assertThat(poller.pollOnce()).isOne();
        clock.advance(Duration.ofDays(1));
        poller.pollOnce();

        assertThat(attempts).hasValue(1);
        assertThat(collection().countDocuments()).isZero();
    }

    @Test
    void aConflictIsRetriedAfterABackOff() {
        AtomicInteger attempts = new AtomicInteger();
        handle(ExpireNothing.class, message -> {
            if (attempts.incrementAndGet() == 1) {
                throw new Refused(ErrorCode.CONFLICT);
            }
            return 0L;
        });
        scheduled.schedule("conflict", T0.minus(Duration.ofMinutes(1)), new ExpireNothing("x"), "points");

        poller.pollOnce();
        Document failed = collection().find().first();
        assertThat(failed).isNotNull();
        assertThat(failed.getInteger("attempts")).isOne();
        assertThat(failed.getString("lastError")).contains("conflict");
        assertThat(failed.getDate("leaseUntil")).isEqualTo(Date.from(T0.plus(RETRY_DELAY)));

        poller.pollOnce();
        assertThat(attempts).hasValue(1);

        clock.advance(RETRY_DELAY);
        poller.pollOnce();
        assertThat(attempts).hasValue(2);
        assertThat(collection().countDocuments()).isZero();
    }

    @Test
    void aFailingCommandIsRetriedWithGrowingBackOffThenKeptWithItsError() {
        AtomicInteger attempts = new AtomicInteger();
        handle(ExpireNothing.class, message -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("event store unavailable");
        });
        scheduled.schedule("failing", T0.minus(Duration.ofMinutes(1)), new ExpireNothing("x"), "points");

        poller.pollOnce();
        clock.advance(RETRY_DELAY.minusSeconds(1));
        poller.pollOnce();
        assertThat(attempts).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        poller.pollOnce();
        assertThat(attempts).hasValue(2);
        // the second back-off is twice the first
        clock.advance(RETRY_DELAY.multipliedBy(2).minusSeconds(1));
        poller.pollOnce();
        assertThat(attempts).hasValue(2);
        clock.advance(Duration.ofSeconds(1));
        poller.pollOnce();
        assertThat(attempts).hasValue(MAX_ATTEMPTS);

        clock.advance(Duration.ofDays(30));
        poller.pollOnce();
        assertThat(attempts).hasValue(MAX_ATTEMPTS);
        Document kept = collection().find().first();
        assertThat(kept).isNotNull();
        assertThat(kept.getInteger("attempts")).isEqualTo(MAX_ATTEMPTS);
        assertThat(kept.getString("lastError")).contains("event store unavailable");
    }

    @Test
    void reschedulingAKeptItemGivesItFreshAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        handle(ExpireNothing.class, message -> {
            if (attempts.incrementAndGet() <= MAX_ATTEMPTS) {
                throw new IllegalStateException("event store unavailable");
            }
            return 0L;
        });
        scheduled.schedule("failing", T0.minus(Duration.ofMinutes(1)), new ExpireNothing("x"), "points");
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            poller.pollOnce();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(collection().countDocuments()).isOne();

        scheduled.schedule("failing", T0, new ExpireNothing("x"), "points");
        poller.pollOnce();

        assertThat(attempts).hasValue(MAX_ATTEMPTS + 1);
        assertThat(collection().countDocuments()).isZero();
    }

    @Test
    void anItemThatCannotBeReadIsKeptWithTheCauseAfterItsAttempts() {
        scheduled.schedule("renamed", T0.minus(Duration.ofMinutes(1)), new ReviewGrade(ACCOUNT), "grades");
        // as after a release that renamed the command class
        collection().updateOne(new Document("_id", "renamed"),
                new Document("$set", new Document("payloadType", "io.jangteo.messages.rewards.ReviewGrades")));

        for (int i = 0; i < MAX_ATTEMPTS + 1; i++) {
            poller.pollOnce();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(received).isEmpty();
        Document kept = collection().find().first();
        assertThat(kept).isNotNull();
        assertThat(kept.getInteger("attempts")).isEqualTo(MAX_ATTEMPTS);
        assertThat(kept.getString("lastError")).contains("ReviewGrades");
    }

    @Test
    void scheduledCommandsSurviveARestart() {
        RecordPurchaseConfirmed purchase = new RecordPurchaseConfirmed(ACCOUNT, MemberId.of("member-1"), "order-1",
                Money.won(12_000));
        scheduled.schedule("purchase:1", T0.plus(Duration.ofMinutes(5)), purchase, "orders");

        // a new process: new connection, new store, new poller, nothing shared but the database
        MongoDatabase afterRestart = mongo.reconnect();
        ScheduledCommandPoller restarted = poller(new ScheduledCommands(afterRestart, TestSerializers.likeTheApplication()),
                clock);
        clock.advance(Duration.ofMinutes(5));
        restarted.pollOnce();

        assertThat(receivedPayloads()).containsExactly(purchase);
        assertThat(received.get(0).getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo("system:orders");
    }

    @Test
    void twoNodesNeverClaimTheSameItemAtOnce() {
        ScheduledCommands otherNode = new ScheduledCommands(mongo.database(), serializer);
        scheduled.schedule("review:1", T0.minus(Duration.ofMinutes(1)), new ReviewGrade(ACCOUNT), "grades");

        assertThat(scheduled.claimNext(T0, ScheduledCommandPoller.LEASE, MAX_ATTEMPTS)).isPresent();
        assertThat(otherNode.claimNext(T0, ScheduledCommandPoller.LEASE, MAX_ATTEMPTS)).isEmpty();
        assertThat(otherNode.claimNext(T0.plus(ScheduledCommandPoller.LEASE).minusMillis(1),
                ScheduledCommandPoller.LEASE, MAX_ATTEMPTS)).isEmpty();
        // the first node died without finishing: once its lease ends, another node takes the item over
        assertThat(otherNode.claimNext(T0.plus(ScheduledCommandPoller.LEASE), ScheduledCommandPoller.LEASE,
                MAX_ATTEMPTS)).isPresent();
    }

    @Test
    void finishingAClaimDoesNotDeleteAnItemRescheduledMeanwhile() {
        scheduled.schedule("review:1", T0.minus(Duration.ofMinutes(1)), new ReviewGrade(ACCOUNT), "grades");
        ScheduledCommands.Claim inFlight = scheduled.claimNext(T0, ScheduledCommandPoller.LEASE, MAX_ATTEMPTS)
                .orElseThrow();

        scheduled.schedule("review:1", T0.plus(Duration.ofDays(1)), new ReviewGrade(OTHER_ACCOUNT), "grades");
        scheduled.completed(inFlight);

        Document item = collection().find().first();
        assertThat(item).isNotNull();
        assertThat(item.getDate("dueAt")).isEqualTo(Date.from(T0.plus(Duration.ofDays(1))));
    }

    @Test
    void aStartedPollerSendsDueCommandsOnItsOwnThread() {
        ScheduledCommandPoller live = poller(scheduled, Clock.systemUTC());
        scheduled.schedule("review:1", Instant.now().minusSeconds(1), new ReviewGrade(ACCOUNT), "grades");

        live.start();
        try {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(receivedPayloads()).containsExactly(new ReviewGrade(ACCOUNT)));
            assertThat(live.isRunning()).isTrue();
        } finally {
            live.stop();
        }
        assertThat(live.isRunning()).isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(collection().countDocuments()).isZero());
    }

    @Test
    void theBackOffDoublesUpToAnHour() {
        assertThat(poller.backoff(1)).isEqualTo(RETRY_DELAY);
        assertThat(poller.backoff(2)).isEqualTo(RETRY_DELAY.multipliedBy(2));
        assertThat(poller.backoff(4)).isEqualTo(RETRY_DELAY.multipliedBy(8));
        assertThat(poller.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    /** A command only these tests send. */
    record ExpireNothing(String id) {
    }

    static final class Refused extends DomainRuleViolation {
        Refused(ErrorCode code) {
            super(code, List.of(), code == ErrorCode.CONFLICT ? "conflict" : "not now");
        }
    }
}
