package io.jangteo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.audit.FindMemberTimelineQuery;
import io.jangteo.messages.audit.MemberTimelinePage;
import io.jangteo.messages.audit.TimelineCategory;
import io.jangteo.messages.audit.TimelineEntryView;
import io.jangteo.messages.audit.TimelineFilter;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.query.shared.DomainEventFeed;
import io.jangteo.query.shared.EmbeddedReadStore;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static io.jangteo.query.audit.AuditFeed.by;
import static io.jangteo.query.audit.AuditFixtures.DETAIL;
import static io.jangteo.query.audit.AuditFixtures.EMAIL;
import static io.jangteo.query.audit.AuditFixtures.NAME;
import static io.jangteo.query.audit.AuditFixtures.NEW_EMAIL;
import static io.jangteo.query.audit.AuditFixtures.NEW_NAME;
import static io.jangteo.query.audit.AuditFixtures.NEW_PHONE;
import static io.jangteo.query.audit.AuditFixtures.PHONE;
import static io.jangteo.query.audit.AuditFixtures.POSTCODE;
import static io.jangteo.query.audit.AuditFixtures.ROAD;
import static io.jangteo.query.audit.AuditFixtures.addressAdded;
import static io.jangteo.query.audit.AuditFixtures.cartItemAdded;
import static io.jangteo.query.audit.AuditFixtures.couponRedeemed;
import static io.jangteo.query.audit.AuditFixtures.emailChanged;
import static io.jangteo.query.audit.AuditFixtures.gradeChanged;
import static io.jangteo.query.audit.AuditFixtures.guestCartItemAdded;
import static io.jangteo.query.audit.AuditFixtures.guestCartMerged;
import static io.jangteo.query.audit.AuditFixtures.id;
import static io.jangteo.query.audit.AuditFixtures.identityVerified;
import static io.jangteo.query.audit.AuditFixtures.nameChanged;
import static io.jangteo.query.audit.AuditFixtures.orderPlaced;
import static io.jangteo.query.audit.AuditFixtures.paymentApproved;
import static io.jangteo.query.audit.AuditFixtures.phoneChanged;
import static io.jangteo.query.audit.AuditFixtures.pointsEarned;
import static io.jangteo.query.audit.AuditFixtures.refund;
import static io.jangteo.query.audit.AuditFixtures.registered;
import static io.jangteo.query.audit.AuditFixtures.returnRequested;
import static io.jangteo.query.audit.AuditFixtures.rewards;
import static io.jangteo.query.audit.AuditFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class MemberTimelineTest {

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private EmbeddedEventStore eventStore;
    private AuditFeed feed;
    private AuditQueryHandler handler;

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
        database = readStore.freshDatabase();
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        feed = new AuditFeed(eventStore, new MemberTimelineProjection(database));
        handler = new AuditQueryHandler(database, eventStore, new ObjectMapper(), () -> {
            throw new AssertionError("the timeline needs no state changes");
        });
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    @Test
    void aMembersMemberRewardsCartAndOrderEventsFormOneChronologicalTimelineWithoutAGuestsCart() {
        storeALife();

        MemberTimelinePage page = forward("m-1", TimelineFilter.none(), 50, null);

        assertThat(page.items()).extracting(TimelineEntryView::aggregateType, TimelineEntryView::aggregateId,
                        TimelineEntryView::eventType, TimelineEntryView::category, TimelineEntryView::occurredAt)
                .containsExactly(
                        tuple("Member", "m-1", "MemberRegistered", TimelineCategory.ACCOUNT, DomainEventFeed.at(0)),
                        tuple("Cart", "cart-m-1", "CartItemAdded", TimelineCategory.CART, DomainEventFeed.at(2)),
                        tuple("Order", "o-1", "OrderPlaced", TimelineCategory.ORDER, DomainEventFeed.at(4)),
                        tuple("Coupon", "WELCOME10", "CouponRedeemed", TimelineCategory.ORDER, DomainEventFeed.at(5)),
                        tuple("Order", "o-1", "PaymentApproved", TimelineCategory.PAYMENT, DomainEventFeed.at(6)),
                        tuple("Rewards", "rewards-m-1", "PointsEarned", TimelineCategory.POINTS,
                                DomainEventFeed.at(7)),
                        tuple("Member", "m-1", "MemberPhoneChanged", TimelineCategory.PROFILE, DomainEventFeed.at(8)),
                        tuple("Cart", "gcart-" + AuditFixtures.GUEST_TOKEN, "GuestCartMerged",
                                TimelineCategory.CART, DomainEventFeed.at(9)));
        assertThat(page.items()).extracting(TimelineEntryView::summary).containsExactly(
                "Registered as CUSTOMER by the member",
                "Added to cart: 2 × default of product p-1",
                "Order o-1 placed: 3 items, 98,500 KRW to pay",
                "Coupon WELCOME10 used on order o-1: 5,000 KRW off",
                "Payment approved (KAKAO_PAY, 98,500 KRW)",
                "Points earned: 1,104",
                "Phone changed by SUPPORT support-17: reason 'customer call'",
                "Guest cart handed over to the member's cart: 1 line");
        assertThat(page.items().get(6)).extracting(TimelineEntryView::actorId, TimelineEntryView::actorRole,
                        TimelineEntryView::clientIp, TimelineEntryView::userAgent, TimelineEntryView::correlationId)
                .containsExactly("support-17", "SUPPORT", "203.0.113.9", "Mozilla/5.0", "corr-support-17");
        assertThat(page.items().get(0).eventId()).isEqualTo(feed.delivered().get(0).getIdentifier());
        assertThat(page).extracting(MemberTimelinePage::totalCount, MemberTimelinePage::hasPreviousPage,
                MemberTimelinePage::hasNextPage).containsExactly(8L, false, false);
        assertThat(forward("m-2", TimelineFilter.none(), 50, null).items()).extracting(TimelineEntryView::eventType)
                .containsExactly("MemberRegistered");
        assertThat(forward("nobody", TimelineFilter.none(), 50, null))
                .isEqualTo(new MemberTimelinePage(List.of(), List.of(), 0, false, false));
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        storeALife();
        MemberTimelinePage before = forward("m-1", TimelineFilter.none(), 50, null);

        for (EventMessage<?> message : feed.delivered()) {
            feed.deliver(message);
        }

        assertThat(forward("m-1", TimelineFilter.none(), 50, null)).isEqualTo(before);
        assertThat(database.getCollection(MemberTimeline.ENTRIES).countDocuments()).isEqualTo(9);
    }

    @Test
    void pagingForwardFromTheOldestGivesEveryEntryOnceInOrder() {
        List<String> all = fortyFiveEntries();

        List<String> seen = new ArrayList<>();
        List<List<Object>> flags = new ArrayList<>();
        String after = null;
        MemberTimelinePage page;
        do {
            page = forward("m-1", TimelineFilter.none(), 20, after);
            page.items().forEach(item -> seen.add(item.eventId()));
            flags.add(List.of(page.items().size(), page.hasPreviousPage(), page.hasNextPage(), page.totalCount()));
            after = page.cursors().get(page.cursors().size() - 1);
        } while (page.hasNextPage());

        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(flags).containsExactly(List.of(20, false, true, 45L), List.of(20, true, true, 45L),
                List.of(5, true, false, 45L));
    }

    @Test
    void pagingBackwardFromTheNewestGivesEveryEntryOnceEachPageOldestFirst() {
        List<String> all = fortyFiveEntries();

        List<List<String>> pages = new ArrayList<>();
        List<List<Object>> flags = new ArrayList<>();
        String before = null;
        MemberTimelinePage page;
        do {
            page = backward("m-1", TimelineFilter.none(), 20, before);
            pages.add(page.items().stream().map(TimelineEntryView::eventId).toList());
            flags.add(List.of(page.items().size(), page.hasPreviousPage(), page.hasNextPage()));
            before = page.cursors().get(0);
        } while (page.hasPreviousPage());

        Collections.reverse(pages);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(all);
        assertThat(pages.get(2)).containsExactlyElementsOf(all.subList(25, 45));
        assertThat(flags).containsExactly(List.of(20, true, false), List.of(20, true, true),
                List.of(5, false, true));
    }

    @Test
    void gapsInThePositionsAreSkippedInBothDirections() {
        for (int i = 0; i < 5; i++) {
            feed.publish("Member", "m-1", signedIn("m-1"), by("m-1", "CUSTOMER"));
        }
        // two positions taken by deliveries that crashed before writing their entries
        database.getCollection(MemberTimeline.HEADS).updateOne(eq("_id", "m-1"), Updates.inc(MemberTimeline.LAST, 2L));
        for (int i = 0; i < 5; i++) {
            feed.publish("Member", "m-1", signedIn("m-1"), by("m-1", "CUSTOMER"));
        }
        // and one entry lost in the middle of the first run
        database.getCollection(MemberTimeline.ENTRIES).deleteOne(new Document("_id", MemberTimeline.id("m-1", 3)));
        List<String> expected = new ArrayList<>(feed.delivered().stream().map(EventMessage::getIdentifier).toList());
        expected.remove(2);

        MemberTimelinePage first = forward("m-1", TimelineFilter.none(), 4, null);
        MemberTimelinePage second = forward("m-1", TimelineFilter.none(), 4, last(first.cursors()));
        MemberTimelinePage third = forward("m-1", TimelineFilter.none(), 4, last(second.cursors()));
        List<String> seen = new ArrayList<>();
        for (MemberTimelinePage page : List.of(first, second, third)) {
            page.items().forEach(item -> seen.add(item.eventId()));
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(first.cursors()).containsExactly("1", "2", "4", "5");
        assertThat(second.cursors()).containsExactly("8", "9", "10", "11");
        assertThat(List.of(first.hasNextPage(), second.hasNextPage(), third.hasNextPage()))
                .containsExactly(true, true, false);
        MemberTimelinePage newest = backward("m-1", TimelineFilter.none(), 6, null);
        assertThat(newest.items()).extracting(TimelineEntryView::eventId)
                .containsExactlyElementsOf(expected.subList(3, 9));
        assertThat(newest.cursors()).containsExactly("5", "8", "9", "10", "11", "12");
        assertThat(newest.hasPreviousPage()).isTrue();
    }

    @Test
    void aCategoryFilterWalksPastOtherEntriesAndPagesOverTheMatches() {
        storeALife();
        for (int i = 0; i < 30; i++) {
            feed.publish("Member", "m-1", signedIn("m-1"), by("m-1", "CUSTOMER"));
        }
        feed.publish("Member", "m-1", new LoginFailed(id("m-1"), LoginFailure.BAD_CREDENTIALS, 1),
                by("m-1", "ANONYMOUS"));
        feed.publish("Rewards", rewards("m-1"), gradeChanged("m-1"), by("system:rewards", "SYSTEM"));
        feed.publish("Member", "m-1", signedIn("m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Member", "m-1", signedIn("m-1"), by("m-1", "CUSTOMER"));
        TimelineFilter money = new TimelineFilter(Set.of(TimelineCategory.PAYMENT, TimelineCategory.GRADE), null,
                null);

        MemberTimelinePage first = forward("m-1", money, 1, null);
        MemberTimelinePage second = forward("m-1", money, 1, last(first.cursors()));
        MemberTimelinePage newest = backward("m-1", money, 1, null);

        assertThat(first.items()).extracting(TimelineEntryView::eventType).containsExactly("PaymentApproved");
        assertThat(List.of(first.hasPreviousPage(), first.hasNextPage())).containsExactly(false, true);
        assertThat(second.items()).extracting(TimelineEntryView::summary)
                .containsExactly("Grade changed BASIC → SILVER");
        assertThat(List.of(second.hasPreviousPage(), second.hasNextPage())).containsExactly(true, false);
        assertThat(newest.items()).isEqualTo(second.items());
        assertThat(List.of(newest.hasPreviousPage(), newest.hasNextPage())).containsExactly(true, false);
        assertThat(first.totalCount()).isEqualTo(8 + 34);
        // past the grade change and before the payment only other categories lie: no page in either direction
        MemberTimelinePage beforeTheLast = backward("m-1", money, 5, "42");
        assertThat(beforeTheLast.items()).extracting(TimelineEntryView::eventType)
                .containsExactly("PaymentApproved", "MemberGradeChanged");
        assertThat(List.of(beforeTheLast.hasPreviousPage(), beforeTheLast.hasNextPage())).containsExactly(false, false);
        MemberTimelinePage afterTheFirst = forward("m-1", money, 5, "1");
        assertThat(afterTheFirst.items()).isEqualTo(beforeTheLast.items());
        assertThat(List.of(afterTheFirst.hasPreviousPage(), afterTheFirst.hasNextPage()))
                .containsExactly(false, false);
    }

    @Test
    void aTimeFilterIncludesItsStartAndExcludesItsEnd() {
        storeALife();
        TimelineFilter window = new TimelineFilter(Set.of(), DomainEventFeed.at(4), DomainEventFeed.at(7));

        MemberTimelinePage page = forward("m-1", window, 10, null);

        assertThat(page.items()).extracting(TimelineEntryView::eventType)
                .containsExactly("OrderPlaced", "CouponRedeemed", "PaymentApproved");
        assertThat(List.of(page.hasPreviousPage(), page.hasNextPage())).containsExactly(false, false);
        assertThat(backward("m-1", new TimelineFilter(Set.of(TimelineCategory.ORDER), DomainEventFeed.at(5), null),
                10, null).items()).extracting(TimelineEntryView::eventType).containsExactly("CouponRedeemed");
    }

    @Test
    void noSummaryOfAMemberHoldsTheirPersonalData() {
        feed.publish("Member", "m-1", registered("m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Member", "m-1", nameChanged("m-1"), by("support-17", "SUPPORT"));
        feed.publish("Member", "m-1", phoneChanged("m-1", null), by("m-1", "CUSTOMER"));
        feed.publish("Member", "m-1", emailChanged("m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Member", "m-1", addressAdded("m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Member", "m-1", identityVerified("m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Order", "o-1", orderPlaced("o-1", "m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Order", "o-1", returnRequested("o-1", "m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Member", "m-1", new MemberWithdrawn(id("m-1"), "전화번호 " + PHONE + " 로 연락 주세요"),
                by("m-1", "CUSTOMER"));

        List<String> summaries = forward("m-1", TimelineFilter.none(), 50, null).items().stream()
                .map(TimelineEntryView::summary).toList();

        assertThat(summaries).hasSize(9).allSatisfy(summary -> assertThat(summary)
                .doesNotContain(NAME, NEW_NAME, PHONE, NEW_PHONE, "01012345678", EMAIL, NEW_EMAIL, ROAD, DETAIL,
                        POSTCODE, "1990", "ci-hash-secret", "연락"));
        assertThat(summaries).contains("Name changed by SUPPORT support-17", "Address added by the member",
                "Identity verified with PASS", "Return requested for 1 line", "Account withdrawn by the member");
    }

    @Test
    void aReplayAfterAResetGivesTheSameTimeline() {
        storeALife();
        fortyFiveEntries();
        MemberTimelinePage before = forward("m-1", TimelineFilter.none(), 100, null);

        feed.replay();

        assertThat(forward("m-1", TimelineFilter.none(), 100, null)).isEqualTo(before);
        assertThat(before.items()).hasSize(53);
    }

    @Test
    void aTrackingProcessorOverTheEventStoreFeedsTheTimelineAndTheAuditIndex() {
        MongoDatabase fresh = readStore.freshDatabase();
        AuditQueryHandler queries = new AuditQueryHandler(fresh, eventStore, new ObjectMapper(), () -> events ->
                java.util.Map.of());
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(MemberTimelineProjection.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new MemberTimelineProjection(fresh), new AuditIndexProjection(fresh)).build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        processor.start();
        try {
            storeALife();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(queries.find(new FindMemberTimelineQuery(id("m-1"), TimelineFilter.none(), 50, null,
                            0, null)).items()).hasSize(8));
            assertThat(queries.find(new io.jangteo.messages.audit.FindAuditLogQuery(
                    io.jangteo.messages.audit.AuditFilter.none(), 100)).cursors())
                    .containsExactly("9", "8", "7", "6", "5", "4", "3", "2", "1", "0");
        } finally {
            processor.shutDown();
        }
    }

    /**
     * m-1's life (8 entries at minutes 0, 2, 4–9) with m-2's registration (minute 1) and a guest's cart (minute 3)
     * in between.
     */
    private void storeALife() {
        feed.publish("Member", "m-1", registered("m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Member", "m-2", registered("m-2"), by("m-2", "CUSTOMER"));
        feed.publish("Cart", "cart-m-1", cartItemAdded("m-1", "p-1", 2), by("m-1", "CUSTOMER"));
        feed.publish("Cart", "gcart-" + AuditFixtures.GUEST_TOKEN, guestCartItemAdded("p-9"),
                by("anonymous", "ANONYMOUS"));
        feed.publish("Order", "o-1", orderPlaced("o-1", "m-1"), by("m-1", "CUSTOMER"));
        feed.publish("Coupon", "WELCOME10", couponRedeemed("m-1", "o-1"), by("system:checkout", "SYSTEM"));
        feed.publish("Order", "o-1", paymentApproved("o-1", "m-1"), by("system:checkout", "SYSTEM"));
        feed.publish("Rewards", rewards("m-1"), pointsEarned("m-1", 1_104), by("system:rewards", "SYSTEM"));
        feed.publish("Member", "m-1", phoneChanged("m-1", "customer call"), by("support-17", "SUPPORT"));
        feed.publish("Cart", "gcart-" + AuditFixtures.GUEST_TOKEN, guestCartMerged("m-1", "p-9"),
                by("m-1", "CUSTOMER"));
    }

    /** 45 entries of m-1 (with refunds of m-2 between them); returns their event ids in order. */
    private List<String> fortyFiveEntries() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ids.add(feed.publish("Order", "o-" + i, refund("o-" + i, "m-1", "RF" + i, 1_000 + i),
                    by("system:refunds", "SYSTEM")).getIdentifier());
            if (i % 7 == 0) {
                feed.publish("Order", "x-" + i, refund("x-" + i, "m-2", "RX" + i, 10), by("system:refunds", "SYSTEM"));
            }
        }
        return ids;
    }

    private MemberTimelinePage forward(String memberId, TimelineFilter filter, int first, String after) {
        return handler.find(new FindMemberTimelineQuery(id(memberId), filter, first, after, 0, null));
    }

    private MemberTimelinePage backward(String memberId, TimelineFilter filter, int last, String before) {
        return handler.find(new FindMemberTimelineQuery(id(memberId), filter, 0, null, last, before));
    }

    private static String last(List<String> cursors) {
        return cursors.get(cursors.size() - 1);
    }
}
