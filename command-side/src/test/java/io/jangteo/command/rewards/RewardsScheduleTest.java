package io.jangteo.command.rewards;

import com.mongodb.client.MongoCollection;
import io.jangteo.command.schedule.ScheduledCommands;
import io.jangteo.command.schedule.TestPoller;
import io.jangteo.command.schedule.TestSerializers;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
import io.jangteo.messages.rewards.AdjustPoints;
import io.jangteo.messages.rewards.ExpirePoints;
import io.jangteo.messages.rewards.MakePointsAvailable;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsBecameAvailable;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PointsExpired;
import io.jangteo.messages.rewards.PointsSpent;
import io.jangteo.messages.rewards.RefundPoints;
import io.jangteo.messages.rewards.ReviewGrade;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.jangteo.command.rewards.RewardsFixtures.ACCOUNT;
import static io.jangteo.command.rewards.RewardsFixtures.GRADES;
import static io.jangteo.command.rewards.RewardsFixtures.MEMBER;
import static io.jangteo.command.rewards.RewardsFixtures.PENDING;
import static io.jangteo.command.rewards.RewardsFixtures.POLICY;
import static io.jangteo.command.rewards.RewardsFixtures.T0;
import static io.jangteo.command.rewards.RewardsFixtures.VALIDITY;
import static io.jangteo.command.rewards.RewardsFixtures.WINDOW;
import static io.jangteo.command.rewards.RewardsFixtures.admin;
import static io.jangteo.command.rewards.RewardsFixtures.id;
import static io.jangteo.command.rewards.RewardsFixtures.purchase;
import static io.jangteo.command.rewards.RewardsFixtures.system;
import static io.jangteo.command.rewards.RewardsFixtures.theMember;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewards schedule end to end: a real account behind a real command bus, its events handed to the schedule, the
 * items stored in a real MongoDB wire-protocol server, and the poller sending them when the test's clock says so.
 */
class RewardsScheduleTest {

    private final MutableClock clock = new MutableClock(T0);
    private final Serializer serializer = TestSerializers.likeTheApplication();
    private Clock axonClock;
    private EmbeddedMongo mongo;
    private RewardsBus bus;
    private ScheduledCommands scheduled;
    private AnnotationEventHandlerAdapter schedule;
    private TestPoller poller;
    private int delivered;

    @BeforeEach
    void setUp() {
        // the aggregate takes "now" from Axon's event clock: the poller and the account share the test's clock
        axonClock = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
        mongo = new EmbeddedMongo();
        bus = RewardsBus.of(GRADES, POLICY);
        scheduled = new ScheduledCommands(mongo.database(), serializer);
        schedule = new AnnotationEventHandlerAdapter(new RewardsSchedule(scheduled, GRADES));
        poller = new TestPoller(scheduled, bus.gateway(), clock);
    }

    @AfterEach
    void tearDown() {
        GenericEventMessage.clock = axonClock;
        bus.eventStore().shutDown();
        mongo.close();
    }

    private void send(Object command, Map<String, Object> actor) {
        bus.gateway().sendAndWait(command, MetaData.from(actor));
    }

    /** What the rewards-schedule processor does: handle each new event of the account once, in order. */
    private void processNewEvents() {
        List<DomainEventMessage<?>> events = bus.events(ACCOUNT);
        for (DomainEventMessage<?> event : events.subList(delivered, events.size())) {
            handle(event);
        }
        delivered = events.size();
    }

    private void handle(DomainEventMessage<?> event) {
        try {
            schedule.handle(event);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void at(Instant instant) {
        clock.set(instant);
        poller.pollOnce();
        processNewEvents();
    }

    private MongoCollection<Document> items() {
        return mongo.database().getCollection(ScheduledCommands.COLLECTION);
    }

    private Document item(String key) {
        return items().find(new Document("_id", key)).first();
    }

    private Object commandOf(Document item) {
        return serializer.deserialize(new SimpleSerializedObject<>(item.getString("payload"), String.class,
                item.getString("payloadType"), item.getString("revision")));
    }

    private PointsEarned earnedIn(List<Object> payloads, int nth) {
        return payloads.stream().filter(PointsEarned.class::isInstance).map(PointsEarned.class::cast)
                .skip(nth).findFirst().orElseThrow();
    }

    @Test
    void aConfirmedPurchaseSchedulesAvailabilityExpiryAndAGradeReview() {
        send(purchase("order-1", 100_000), system());
        processNewEvents();

        PointsEarned earned = earnedIn(bus.payloads(ACCOUNT), 0);
        Document available = item(RewardsSchedule.availabilityKey(ACCOUNT, earned.entryId()));
        Document expiry = item(RewardsSchedule.expiryKey(ACCOUNT, earned.entryId()));
        Document review = item(RewardsSchedule.gradeReviewKey(ACCOUNT, "order-1"));
        assertThat(available.getDate("dueAt")).isEqualTo(Date.from(T0.plus(PENDING).plusSeconds(1)));
        assertThat(commandOf(available)).isEqualTo(new MakePointsAvailable(ACCOUNT, earned.entryId()));
        assertThat(available.getString("actorId")).isEqualTo("system:points");
        assertThat(expiry.getDate("dueAt")).isEqualTo(Date.from(T0.plus(VALIDITY).plusSeconds(1)));
        assertThat(commandOf(expiry)).isEqualTo(new ExpirePoints(ACCOUNT, earned.entryId()));
        assertThat(review.getDate("dueAt")).isEqualTo(Date.from(T0.plus(WINDOW).plusSeconds(1)));
        assertThat(commandOf(review)).isEqualTo(new ReviewGrade(ACCOUNT));
        assertThat(review.getString("actorId")).isEqualTo("system:grades");
    }

    @Test
    void onlyAPositiveAdjustmentHasAnExpiryToSchedule() {
        send(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 1_000, "goodwill"), admin());
        send(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ2"), -300, "given by mistake"), admin());
        processNewEvents();

        assertThat(items().find().map(item -> item.getString("_id")).into(new ArrayList<>()))
                .containsExactly(RewardsSchedule.expiryKey(ACCOUNT, id("ADJ1")));
        assertThat(item(RewardsSchedule.expiryKey(ACCOUNT, id("ADJ1"))).getDate("dueAt"))
                .isEqualTo(Date.from(T0.plus(VALIDITY).plusSeconds(1)));
    }

    @Test
    void earnedPointsBecomeSpendableWhenTheScheduleMakesThemAvailable() {
        send(purchase("order-1", 100_000), system());
        processNewEvents();

        at(T0.plus(Duration.ofDays(1)));
        assertThat(bus.payloads(ACCOUNT)).noneMatch(PointsBecameAvailable.class::isInstance);

        at(T0.plus(PENDING).plusSeconds(1));
        DomainEventMessage<?> madeAvailable = bus.events(ACCOUNT).get(bus.events(ACCOUNT).size() - 1);
        assertThat(madeAvailable.getPayload()).isInstanceOf(PointsBecameAvailable.class);
        assertThat(madeAvailable.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo("system:points");
        assertThat(madeAvailable.getMetaData().get(AuditKeys.ACTOR_ROLE)).isEqualTo("SYSTEM");

        send(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 1_000, "order-2"), theMember());
        assertThat(bus.payloads(ACCOUNT).get(bus.payloads(ACCOUNT).size() - 1))
                .isInstanceOf(PointsSpent.class);
    }

    @Test
    void pointsExpireOldestFirstAndOnlyWhatRemains() {
        send(purchase("order-1", 100_000), system());
        clock.advance(Duration.ofDays(1));
        send(purchase("order-2", 200_000), system());
        processNewEvents();
        at(T0.plus(Duration.ofDays(9)));
        send(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 500, "order-3"), theMember());
        processNewEvents();

        at(T0.plus(VALIDITY).plus(Duration.ofDays(2)));

        PointsEarned first = earnedIn(bus.payloads(ACCOUNT), 0);
        PointsEarned second = earnedIn(bus.payloads(ACCOUNT), 1);
        List<Object> expired = bus.payloads(ACCOUNT).stream().filter(PointsExpired.class::isInstance).toList();
        // 1,000 + 2,000 earned a day apart; the spending took 500 of the first, which expires first
        assertThat(expired).containsExactly(new PointsExpired(ACCOUNT, MEMBER, first.entryId(), 500),
                new PointsExpired(ACCOUNT, MEMBER, second.entryId(), 2_000));
        assertThat(items().countDocuments()).isZero();
    }

    @Test
    void handlingTheEventsAgainChangesNothing() {
        send(purchase("order-1", 400_000), system());
        processNewEvents();
        at(T0.plus(PENDING).plusSeconds(1));
        at(T0.plus(VALIDITY).plusSeconds(1));
        int eventsBefore = bus.events(ACCOUNT).size();

        // a redelivery, or a reset of the processor to rebuild a lost schedule
        bus.events(ACCOUNT).forEach(this::handle);
        poller.pollOnce();

        assertThat(bus.events(ACCOUNT)).hasSize(eventsBefore);
        assertThat(items().countDocuments()).isZero();
    }

    @Test
    void theGradeFallsOnceThePurchaseLeavesTheWindow() {
        send(purchase("order-1", 400_000), system());
        processNewEvents();
        assertThat(bus.payloads(ACCOUNT)).contains(new MemberGradeChanged(ACCOUNT, MEMBER, "BASIC", "SILVER",
                "SILVER (실버): purchases of at least 300,000 KRW within P365D; total 400,000 KRW",
                RewardsFixtures.won(400_000), T0.minus(WINDOW), null));

        at(T0.plus(WINDOW).plusSeconds(1));

        DomainEventMessage<?> last = bus.events(ACCOUNT).stream()
                .filter(e -> e.getPayload() instanceof MemberGradeChanged).reduce((a, b) -> b).orElseThrow();
        assertThat(((MemberGradeChanged) last.getPayload()).grade()).isEqualTo("BASIC");
        assertThat(((MemberGradeChanged) last.getPayload()).purchaseTotal()).isEqualTo(RewardsFixtures.won(0));
        assertThat(last.getMetaData().get(AuditKeys.ACTOR_ID)).isEqualTo("system:grades");
    }

    @Test
    void pointsRefundedToAnExpiredEarningExpireAgain() {
        send(new AdjustPoints(ACCOUNT, MEMBER, id("ADJ1"), 1_000, "goodwill"), admin());
        processNewEvents();
        send(new SpendPoints(ACCOUNT, MEMBER, id("S1"), 600, "order-3"), theMember());
        processNewEvents();
        at(T0.plus(VALIDITY).plusSeconds(1));
        assertThat(bus.payloads(ACCOUNT)).contains(new PointsExpired(ACCOUNT, MEMBER, id("ADJ1"), 400));

        clock.advance(Duration.ofDays(1));
        send(new RefundPoints(ACCOUNT, MEMBER, id("S1"), 600, "order cancelled"), system());
        processNewEvents();
        at(clock.instant().plus(RewardsSchedule.MARGIN));

        assertThat(bus.payloads(ACCOUNT).get(bus.payloads(ACCOUNT).size() - 1))
                .isEqualTo(new PointsExpired(ACCOUNT, MEMBER, id("ADJ1"), 600));
        assertThat(bus.gateway().<Long>sendAndWait(new ExpirePoints(ACCOUNT, id("ADJ1")), MetaData.from(system())))
                .isEqualTo(bus.events(ACCOUNT).size() - 1L);
    }
}
