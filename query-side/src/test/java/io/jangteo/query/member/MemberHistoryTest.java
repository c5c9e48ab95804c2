package io.jangteo.query.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.FindMemberHistoryQuery;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.FindPointsLedgerQuery;
import io.jangteo.messages.member.HistoryEntryView;
import io.jangteo.messages.member.MemberHistoryPage;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PointsLedgerEntryView;
import io.jangteo.messages.member.PointsMovement;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.rewards.PurchaseRecorded;
import io.jangteo.messages.rewards.RewardsClosed;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.EmbeddedReadStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jangteo.query.member.MemberFixtures.entry;
import static io.jangteo.query.member.MemberFixtures.id;
import static io.jangteo.query.member.MemberFixtures.registered;
import static io.jangteo.query.member.MemberFixtures.rewards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class MemberHistoryTest {

    private static final Instant T0 = MemberFeed.T0;

    private static EmbeddedReadStore readStore;

    private EmbeddedEventStore eventStore;
    private MemberHistory history;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        history = new MemberHistory(eventStore, new ObjectMapper());
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void mergesTheMemberAndRewardsStreamsByTimeWithTheMemberStreamFirstOnATie() {
        storeALife("m-1");
        eventStore.publish(member("m-2", 0, registered("m-2"), T0));

        MemberHistoryPage page = history.page(id("m-1"), 10, null);

        assertThat(page.items()).extracting(HistoryEntryView::aggregateType, HistoryEntryView::aggregateId,
                        HistoryEntryView::sequenceNumber, HistoryEntryView::eventType, HistoryEntryView::occurredAt)
                .containsExactly(
                        tuple("Member", "m-1", 0L, "MemberRegistered", T0),
                        tuple("Rewards", "rewards-m-1", 0L, "PurchaseRecorded", minutes(1)),
                        tuple("Member", "m-1", 1L, "MemberNameChanged", minutes(2)),
                        tuple("Rewards", "rewards-m-1", 1L, "PointsEarned", minutes(2)),
                        tuple("Member", "m-1", 2L, "MemberWithdrawn", minutes(5)),
                        tuple("Rewards", "rewards-m-1", 2L, "RewardsClosed", minutes(5)));
        assertThat(page).extracting(MemberHistoryPage::totalCount, MemberHistoryPage::hasNextPage)
                .containsExactly(6L, false);
    }

    @Test
    void eachEntryCarriesTheAuditMetadataOfItsEvent() {
        DomainEventMessage<?> stored = member("m-1", 0, registered("m-1"), T0);
        eventStore.publish(stored);

        HistoryEntryView entry = history.page(id("m-1"), 1, null).items().get(0);

        assertThat(entry).isEqualTo(new HistoryEntryView(stored.getIdentifier(), "Member", "m-1", 0,
                "MemberRegistered", T0, "actor-m-1", "SUPPORT", "203.0.113.7", "Mozilla/5.0", "req-m-1-0", "corr-1",
                "cause-m-1-0", entry.payloadJson()));
    }

    @Test
    void thePayloadIsTheEventAsJsonWithIsoTimesAndNothingButItsComponents() throws Exception {
        storeALife("m-1");

        List<HistoryEntryView> items = history.page(id("m-1"), 10, null).items();
        ObjectMapper reader = new ObjectMapper();

        assertThat(reader.readTree(items.get(0).payloadJson())).isEqualTo(reader.readTree("""
                {"memberId":{"value":"m-1"},"email":"m-1@example.kr","name":"김회원","phone":"010-0000-0000",
                 "role":"CUSTOMER","emailMarketingConsent":true,"smsMarketingConsent":false}"""));
        assertThat(reader.readTree(items.get(1).payloadJson()).get("amount")).isEqualTo(reader.readTree("""
                {"amount":120000,"currency":"KRW"}"""));
        assertThat(reader.readTree(items.get(3).payloadJson()).get("expiresAt").asText())
                .isEqualTo("2026-03-01T09:00:00Z");
    }

    @Test
    void anErasedMembersPersonalFieldsReadAsJsonNull() throws Exception {
        eventStore.publish(member("m-1", 0, MemberFixtures.erased(registered("m-1")), T0));

        String json = history.page(id("m-1"), 1, null).items().get(0).payloadJson();

        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("email").isNull()).isTrue();
        assertThat(tree.get("name").isNull()).isTrue();
        assertThat(tree.get("role").asText()).isEqualTo("CUSTOMER");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsEvenWhileTheStreamsGrow() {
        storeALife("m-1");
        List<String> seen = new ArrayList<>();
        String after = null;
        MemberHistoryPage page;

        page = history.page(id("m-1"), 4, after);
        page.items().forEach(item -> seen.add(item.eventId()));
        after = page.cursors().get(3);
        assertThat(page.hasNextPage()).isTrue();

        eventStore.publish(member("m-1", 3, new MemberNameChanged(id("m-1"), null, "erased"), minutes(9)));

        page = history.page(id("m-1"), 4, after);
        page.items().forEach(item -> seen.add(item.eventId()));

        assertThat(page.items()).extracting(HistoryEntryView::eventType)
                .containsExactly("MemberWithdrawn", "RewardsClosed", "MemberNameChanged");
        assertThat(page).extracting(MemberHistoryPage::totalCount, MemberHistoryPage::hasNextPage)
                .containsExactly(7L, false);
        assertThat(seen).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void aSnapshotIsNotPartOfTheHistory() {
        storeALife("m-1");
        eventStore.storeSnapshot(new GenericDomainEventMessage<>("Member", "m-1", 1,
                Map.of("state", "snapshot")));

        assertThat(history.page(id("m-1"), 10, null).items()).extracting(HistoryEntryView::eventType)
                .containsExactly("MemberRegistered", "PurchaseRecorded", "MemberNameChanged", "PointsEarned",
                        "MemberWithdrawn", "RewardsClosed");
    }

    @Test
    void anUnknownMemberHasAnEmptyHistory() {
        assertThat(history.page(id("nobody"), 10, null))
                .isEqualTo(new MemberHistoryPage(List.of(), List.of(), 0, false));
    }

    @Test
    void refusesAHistoryCursorItDidNotHandOut() {
        assertThatIllegalArgumentException().isThrownBy(() -> history.page(id("m-1"), 10, "12"));
        assertThatIllegalArgumentException().isThrownBy(() -> history.page(id("m-1"), 10, "1.-2"));
    }

    @Test
    void leavesTheApplicationsObjectMapperAsItWas() {
        ObjectMapper application = new ObjectMapper();
        new MemberHistory(eventStore, application);

        assertThat(application.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isTrue();
        assertThat(application.getRegisteredModuleIds()).isEmpty();
    }

    @Test
    void aTrackingProcessorOverTheEventStoreFeedsTheDirectoryAndTheLedgerWhileTheHistoryReadsTheStore() {
        MongoDatabase database = readStore.freshDatabase();
        MemberDirectoryProjection projection = new MemberDirectoryProjection(database,
                SimpleQueryUpdateEmitter.builder().build(), () -> T0);
        MemberQueryHandler members = new MemberQueryHandler(database, history, () -> T0);
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(MemberDirectoryProjection.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projection).build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        processor.start();
        try {
            storeALife("m-1");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(members.find(new FindMemberQuery(id("m-1")))).hasValueSatisfying(view ->
                            assertThat(view).extracting(MemberView::status, MemberView::name, MemberView::version,
                                    MemberView::rewardsVersion).containsExactly(MemberStatus.WITHDRAWN, null, 2L, 2L)));
            assertThat(members.find(new FindPointsLedgerQuery(id("m-1"), 10, null)).items())
                    .extracting(PointsLedgerEntryView::movement).containsExactly(PointsMovement.FORFEITED,
                            PointsMovement.EARNED);
            assertThat(members.find(new FindMemberHistoryQuery(id("m-1"), 10, null)).totalCount()).isEqualTo(6);
        } finally {
            processor.shutDown();
        }
    }

    /** Three member events and three rewards events, two pairs of them at the same moment. */
    private void storeALife(String memberId) {
        eventStore.publish(
                member(memberId, 0, registered(memberId), T0),
                rewardsEvent(memberId, 0, new PurchaseRecorded(rewards(memberId), id(memberId), "o-1",
                        Money.won(120_000)), minutes(1)),
                member(memberId, 1, new MemberNameChanged(id(memberId), "이회원", null), minutes(2)),
                rewardsEvent(memberId, 1, new PointsEarned(rewards(memberId), id(memberId), entry("e-1"), 1_200,
                        "o-1", "BASIC", 10, minutes(60), Instant.parse("2026-03-01T09:00:00Z")), minutes(2)),
                member(memberId, 2, new MemberWithdrawn(id(memberId), "탈퇴"), minutes(5)),
                rewardsEvent(memberId, 2, new RewardsClosed(rewards(memberId), id(memberId), 1_200, "탈퇴"),
                        minutes(5)));
    }

    private static Instant minutes(long n) {
        return T0.plusSeconds(60 * n);
    }

    private static DomainEventMessage<?> member(String memberId, long sequence, Object event, Instant at) {
        return message("Member", memberId, sequence, event, at);
    }

    private static DomainEventMessage<?> rewardsEvent(String memberId, long sequence, Object event, Instant at) {
        return message("Rewards", rewards(memberId).value(), sequence, event, at);
    }

    private static DomainEventMessage<?> message(String type, String aggregateId, long sequence, Object event,
                                                 Instant at) {
        String memberId = aggregateId.replace("rewards-", "");
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AuditKeys.ACTOR_ID, "actor-" + memberId);
        metaData.put(AuditKeys.ACTOR_ROLE, "SUPPORT");
        metaData.put(AuditKeys.CLIENT_IP, "203.0.113.7");
        metaData.put(AuditKeys.USER_AGENT, "Mozilla/5.0");
        metaData.put(AuditKeys.REQUEST_ID, "req-" + aggregateId + "-" + sequence);
        metaData.put(AuditKeys.CORRELATION_ID, "corr-1");
        metaData.put(AuditKeys.CAUSATION_ID, "cause-" + aggregateId + "-" + sequence);
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, event, metaData,
                UUID.randomUUID().toString(), at);
    }
}
