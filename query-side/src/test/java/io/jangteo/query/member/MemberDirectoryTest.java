package io.jangteo.query.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.AccountUnlocked;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressChanged;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.AddressRemoved;
import io.jangteo.messages.member.AddressView;
import io.jangteo.messages.member.ConsentView;
import io.jangteo.messages.member.DefaultAddressChosen;
import io.jangteo.messages.member.DefaultPaymentMethodChosen;
import io.jangteo.messages.member.FindMemberQuery;
import io.jangteo.messages.member.FindMembersQuery;
import io.jangteo.messages.member.IdentityView;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.LoginSucceeded;
import io.jangteo.messages.member.MarketingChannel;
import io.jangteo.messages.member.MarketingConsentChanged;
import io.jangteo.messages.member.MemberEmailChanged;
import io.jangteo.messages.member.MemberFilter;
import io.jangteo.messages.member.MemberLoggedOut;
import io.jangteo.messages.member.MemberNameChanged;
import io.jangteo.messages.member.MemberPage;
import io.jangteo.messages.member.MemberPhoneChanged;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.MemberRoleChanged;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PasswordChanged;
import io.jangteo.messages.member.PasswordReset;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PaymentMethodRemoved;
import io.jangteo.messages.member.PaymentMethodView;
import io.jangteo.messages.member.PersonalDataAccessed;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.PointsBalance;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.rewards.MemberGradeChanged;
import io.jangteo.messages.rewards.PointsEarned;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.serialization.Revision;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.jangteo.query.member.MemberFeed.at;
import static io.jangteo.query.member.MemberFixtures.HOME;
import static io.jangteo.query.member.MemberFixtures.OFFICE;
import static io.jangteo.query.member.MemberFixtures.addressAdded;
import static io.jangteo.query.member.MemberFixtures.cardRegistered;
import static io.jangteo.query.member.MemberFixtures.id;
import static io.jangteo.query.member.MemberFixtures.identityVerified;
import static io.jangteo.query.member.MemberFixtures.registered;
import static io.jangteo.query.member.MemberFixtures.rewards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class MemberDirectoryTest {

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private SimpleQueryUpdateEmitter emitter;
    private MemberDirectoryProjection projection;
    private MemberFeed feed;
    private MemberQueryHandler members;
    private final AtomicReference<Instant> clock = new AtomicReference<>(MemberFeed.T0);

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
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new MemberDirectoryProjection(database, emitter, clock::get);
        feed = new MemberFeed(projection);
        members = new MemberQueryHandler(database, null, clock::get);
    }

    @Test
    void aRegisteredMemberShowsEverythingItRegisteredWith() {
        feed.member("m-1", new MemberRegistered(id("m-1"), "Kim@Example.kr", "김회원", "010-1234-5678",
                ActorRole.CUSTOMER, true, false));

        assertThat(find("m-1")).isEqualTo(new MemberView(id("m-1"), MemberStatus.ACTIVE, ActorRole.CUSTOMER, null,
                "Kim@Example.kr", "김회원", "010-1234-5678", new ConsentView(true, at(0)), new ConsentView(false, at(0)),
                List.of(), null, List.of(), null, PointsBalance.none(), null, at(0), null, 0, -1));
    }

    @Test
    void profileChangesReplaceTheDetailsAndConsentsKeepWhenTheyChanged() {
        feed.member("m-1", registered("m-1", "kim@example.kr", "010-1234-5678"));
        feed.member("m-1", new MemberNameChanged(id("m-1"), "이회원", null));
        feed.member("m-1", new MemberEmailChanged(id("m-1"), "lee@example.kr", "고객 요청"));
        feed.member("m-1", new MemberPhoneChanged(id("m-1"), "010-9999-8888", null));
        feed.member("m-1", new MarketingConsentChanged(id("m-1"), MarketingChannel.SMS, true, null));
        feed.member("m-1", new MarketingConsentChanged(id("m-1"), MarketingChannel.EMAIL, false, null));

        assertThat(find("m-1")).extracting(MemberView::name, MemberView::email, MemberView::phone,
                        MemberView::smsConsent, MemberView::emailConsent, MemberView::registeredAt,
                        MemberView::version)
                .containsExactly("이회원", "lee@example.kr", "010-9999-8888", new ConsentView(true, at(4)),
                        new ConsentView(false, at(5)), at(0), 5L);
    }

    @Test
    void theAddressBookKeepsExactlyOneDefault() {
        feed.member("m-1", registered("m-1"));
        feed.member("m-1", addressAdded("m-1", "a-1", HOME, true));
        feed.member("m-1", addressAdded("m-1", "a-2", OFFICE, false));
        assertThat(find("m-1").addresses()).containsExactly(new AddressView(AddressId.of("a-1"), HOME, true),
                new AddressView(AddressId.of("a-2"), OFFICE, false));

        feed.member("m-1", new DefaultAddressChosen(id("m-1"), AddressId.of("a-2"), null));
        feed.member("m-1", addressAdded("m-1", "a-3", HOME, true));
        assertThat(find("m-1").addresses()).extracting(a -> a.addressId().value(), AddressView::isDefault)
                .containsExactly(tuple("a-1", false), tuple("a-2", false), tuple("a-3", true));

        Address moved = new Address("회사", "김회원", "010-1234-5678", "US", "94105",
                "1 Market St", "Suite 300", "San Francisco", "CA");
        feed.member("m-1", new AddressChanged(id("m-1"), AddressId.of("a-2"), moved, "상담원 수정"));
        feed.member("m-1", new AddressRemoved(id("m-1"), AddressId.of("a-3"), AddressId.of("a-2"), null));

        assertThat(find("m-1").addresses()).containsExactly(new AddressView(AddressId.of("a-1"), HOME, false),
                new AddressView(AddressId.of("a-2"), moved, true));
    }

    @Test
    void storedPaymentMethodsShowWithoutTheirBillingKeyAndKeepOneDefault() {
        feed.member("m-1", registered("m-1"));
        feed.member("m-1", cardRegistered("m-1", "pm-1", true));
        feed.member("m-1", cardRegistered("m-1", "pm-2", false));
        feed.member("m-1", new DefaultPaymentMethodChosen(id("m-1"), PaymentMethodId.of("pm-2")));
        feed.member("m-1", cardRegistered("m-1", "pm-3", false));
        feed.member("m-1", new PaymentMethodRemoved(id("m-1"), PaymentMethodId.of("pm-2"),
                PaymentMethodId.of("pm-3"), null));

        assertThat(find("m-1").paymentMethods()).containsExactly(
                new PaymentMethodView(PaymentMethodId.of("pm-1"), "toss", "SHINHAN", "4321", 2029, 12, false, at(1)),
                new PaymentMethodView(PaymentMethodId.of("pm-3"), "toss", "SHINHAN", "4321", 2029, 12, true, at(4)));
        assertThat(storedDocument("m-1").toJson()).doesNotContain(MemberFixtures.BILLING_KEY);
    }

    @Test
    void aVerifiedIdentityShowsWhoTheMemberIs() {
        feed.member("m-1", registered("m-1"));
        feed.member("m-1", identityVerified("m-1"));

        assertThat(find("m-1").identity()).isEqualTo(new IdentityView(VerificationId.of("v-1"), "PASS", "김회원",
                LocalDate.of(1990, 5, 17), PhoneCarrier.SKT, "01012345678", true, at(1)));
        assertThat(storedDocument("m-1").toJson()).doesNotContain("ci-hash-1");
    }

    @Test
    void anApprovedShopMakesTheMemberASellerOfIt() {
        feed.member("m-1", registered("m-1"));
        feed.member("m-1", new MemberRoleChanged(id("m-1"), ActorRole.SELLER, "s-7", null));

        assertThat(find("m-1")).extracting(MemberView::role, MemberView::sellerId)
                .containsExactly(ActorRole.SELLER, "s-7");
    }

    @Test
    void aMemberIsLockedWhileTheLockLiesAheadAndUnlockedByASuccessfulLoginAResetOrStaff() {
        feed.member("m-1", registered("m-1"));
        Instant until = at(1).plus(Duration.ofMinutes(30));
        feed.member("m-1", new AccountLocked(id("m-1"), until, 5));

        clock.set(at(2));
        assertThat(find("m-1")).extracting(MemberView::status, MemberView::lockedUntil)
                .containsExactly(MemberStatus.LOCKED, until);
        clock.set(until);
        assertThat(find("m-1").status()).isEqualTo(MemberStatus.ACTIVE);

        clock.set(at(2));
        for (Object unlocking : List.of(new LoginSucceeded(id("m-1")), new PasswordReset(id("m-1")),
                new AccountUnlocked(id("m-1"), "본인 확인"))) {
            feed.member("m-1", new AccountLocked(id("m-1"), until, 5));
            assertThat(find("m-1").status()).isEqualTo(MemberStatus.LOCKED);
            feed.member("m-1", unlocking);
            assertThat(find("m-1")).as(unlocking.getClass().getSimpleName())
                    .extracting(MemberView::status, MemberView::lockedUntil)
                    .containsExactly(MemberStatus.ACTIVE, null);
        }
    }

    @Test
    void eventsThatChangeNothingShownStillMoveTheVersionACallerWaitsFor() {
        feed.member("m-1", registered("m-1"));
        MemberView before = find("m-1");
        feed.member("m-1", new LoginFailed(id("m-1"), LoginFailure.BAD_CREDENTIALS, 1));
        feed.member("m-1", new MemberLoggedOut(id("m-1")));
        feed.member("m-1", new PasswordChanged(id("m-1")));
        long last = feed.member("m-1", new PersonalDataAccessed(id("m-1"), List.of("phone"), "배송 문의"));

        assertThat(find("m-1")).isEqualTo(new MemberView(before.memberId(), before.status(), before.role(),
                before.sellerId(), before.email(), before.name(), before.phone(), before.emailConsent(),
                before.smsConsent(), before.addresses(), before.identity(), before.paymentMethods(), before.grade(),
                before.points(), before.lockedUntil(), before.registeredAt(), before.withdrawnAt(), last, -1));
    }

    @Test
    void everyEventOfTheMemberAndRewardsStreamsHasAHandler() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<String> events = new ArrayList<>();
        for (String pkg : List.of("io.jangteo.messages.member", "io.jangteo.messages.rewards")) {
            scanner.findCandidateComponents(pkg).forEach(candidate -> events.add(candidate.getBeanClassName()));
        }
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);

        assertThat(events).hasSizeGreaterThan(30).allSatisfy(event ->
                assertThat(adapter.canHandleType(Class.forName(event))).as(event).isTrue());
    }

    @Test
    void theGradeFollowsTheRewardsAccount() {
        feed.member("m-1", registered("m-1"));
        assertThat(find("m-1").grade()).isNull();

        feed.rewards("m-1", gradeChanged("m-1", null, "BASIC"));
        feed.rewards("m-1", gradeChanged("m-1", "BASIC", "GOLD"));

        assertThat(find("m-1")).extracting(MemberView::grade, MemberView::rewardsVersion, MemberView::version)
                .containsExactly("GOLD", 1L, 0L);
    }

    @Test
    void rewardsEventsBeforeTheRegistrationWaitInvisiblyAndShowOnceTheMemberIsRegistered() {
        feed.rewards("m-1", gradeChanged("m-1", null, "BASIC"));
        assertThat(members.find(new FindMemberQuery(id("m-1")))).isEmpty();
        assertThat(members.find(new FindMembersQuery(null, 10, null)).items()).isEmpty();

        feed.member("m-1", registered("m-1"));

        assertThat(find("m-1")).extracting(MemberView::grade, MemberView::version, MemberView::rewardsVersion)
                .containsExactly("BASIC", 0L, 0L);
        assertThat(members.find(new FindMembersQuery(null, 10, null)).totalCount()).isEqualTo(1);
    }

    @Test
    void aRedeliveredOrReplayedEventChangesNothing() {
        List<DomainEventMessage<?>> history = aFullLife("m-1");
        Document before = storedDocument("m-1");
        List<Document> lookupsBefore = lookups();

        history.forEach(feed::deliver);

        assertThat(storedDocument("m-1")).isEqualTo(before);
        assertThat(lookups()).isEqualTo(lookupsBefore);
    }

    @Test
    void replayAfterAResetRebuildsTheSameDirectory() {
        List<DomainEventMessage<?>> history = aFullLife("m-1");
        feed.member("m-2", registered("m-2"));
        MemberPage before = members.find(new FindMembersQuery(null, 10, null));
        List<DomainEventMessage<?>> everything = feed.delivered();

        projection.reset();
        assertThat(members.find(new FindMembersQuery(null, 10, null)).items()).isEmpty();
        everything.forEach(feed::deliver);

        assertThat(members.find(new FindMembersQuery(null, 10, null))).isEqualTo(before);
        assertThat(history).isNotEmpty();
    }

    @Test
    void withdrawalErasesEveryPersonalFieldAndLookupButKeepsTheFacts() {
        aFullLife("m-1");
        assertThat(members.find(new FindMembersQuery(new MemberFilter("kim@example.kr", null, null, null, null),
                10, null)).items()).hasSize(1);

        feed.member("m-1", new MemberWithdrawn(id("m-1"), "탈퇴 요청"));

        MemberView erased = find("m-1");
        assertThat(erased).extracting(MemberView::status, MemberView::email, MemberView::name, MemberView::phone,
                        MemberView::withdrawnAt)
                .containsExactly(MemberStatus.WITHDRAWN, null, null, null, feed.delivered().get(
                        feed.delivered().size() - 1).getTimestamp());
        assertThat(erased.addresses()).containsExactly(new AddressView(AddressId.of("a-1"), null, true));
        assertThat(erased.identity()).isEqualTo(new IdentityView(VerificationId.of("v-1"), "PASS", null, null,
                PhoneCarrier.SKT, null, true, at(2)));
        assertThat(erased.paymentMethods()).extracting(PaymentMethodView::last4).containsExactly("4321");
        assertThat(erased).extracting(MemberView::role, MemberView::grade, MemberView::registeredAt)
                .containsExactly(ActorRole.CUSTOMER, "GOLD", at(0));
        assertThat(lookups()).isEmpty();
        assertThat(storedDocument("m-1").toJson()).doesNotContain("김회원", "kim@example.kr", "010-1234-5678",
                "01012345678", "테헤란로", "1990-05-17");
        assertThat(members.find(new FindMembersQuery(new MemberFilter("kim@example.kr", null, null, null, null),
                10, null)).items()).isEmpty();
    }

    @Test
    void aRebuildFromEventsWhoseMemberWasErasedGivesTheErasedView() {
        aFullLife("m-1");
        feed.member("m-1", new MemberWithdrawn(id("m-1"), "탈퇴 요청"));
        MemberView erasedLive = find("m-1");
        List<DomainEventMessage<?>> stored = feed.delivered();

        projection.reset();
        for (DomainEventMessage<?> message : stored) {
            feed.deliver(new GenericDomainEventMessage<>(message.getType(), message.getAggregateIdentifier(),
                    message.getSequenceNumber(), MemberFixtures.erased(message.getPayload()), message.getMetaData(),
                    message.getIdentifier(), message.getTimestamp()));
        }

        assertThat(find("m-1")).isEqualTo(erasedLive);
        assertThat(lookups()).isEmpty();
    }

    @Test
    void listsMembersInRegistrationOrderPageByPage() {
        for (String memberId : List.of("m-9", "m-2", "m-7", "m-1", "m-5")) {
            feed.member(memberId, registered(memberId));
        }

        MemberPage first = members.find(new FindMembersQuery(null, 2, null));
        MemberPage second = members.find(new FindMembersQuery(null, 2, first.cursors().get(1)));
        MemberPage last = members.find(new FindMembersQuery(null, 2, second.cursors().get(1)));

        assertThat(ids(first)).containsExactly("m-9", "m-2");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(ids(second)).containsExactly("m-7", "m-1");
        assertThat(ids(last)).containsExactly("m-5");
        assertThat(last.hasNextPage()).isFalse();
        assertThat(List.of(first.totalCount(), second.totalCount(), last.totalCount())).containsOnly(5L);
    }

    @Test
    void findsMembersByEMailWhateverItsCaseAndByPhoneDigitsWhateverTheirPunctuation() {
        feed.member("m-1", registered("m-1", "Kim@Example.KR", "010-1234-5678"));
        feed.member("m-2", registered("m-2", "lee@example.kr", "01012345678"));
        feed.member("m-3", registered("m-3", "park@example.kr", "010-5555-6666"));

        assertThat(ids(byFilter(new MemberFilter(" kim@EXAMPLE.kr ", null, null, null, null))))
                .containsExactly("m-1");
        assertThat(ids(byFilter(new MemberFilter(null, "010 1234 5678", null, null, null))))
                .containsExactly("m-1", "m-2");
        assertThat(ids(byFilter(new MemberFilter("lee@example.kr", "010-1234-5678", null, null, null))))
                .containsExactly("m-2");
        assertThat(ids(byFilter(new MemberFilter("lee@example.kr", "010-5555-6666", null, null, null)))).isEmpty();
        assertThat(ids(byFilter(new MemberFilter("nobody@example.kr", null, null, null, null)))).isEmpty();
    }

    @Test
    void aChangedEMailOrPhoneIsFoundByItsNewValueOnly() {
        feed.member("m-1", registered("m-1", "kim@example.kr", "010-1234-5678"));
        feed.member("m-1", new MemberEmailChanged(id("m-1"), "KIM2@example.kr", null));
        feed.member("m-1", new MemberPhoneChanged(id("m-1"), "010-2222-3333", null));
        feed.member("m-2", registered("m-2", "kim@example.kr", "010-4444-5555"));

        assertThat(ids(byFilter(new MemberFilter("kim2@example.kr", null, null, null, null))))
                .containsExactly("m-1");
        assertThat(ids(byFilter(new MemberFilter("kim@example.kr", null, null, null, null))))
                .containsExactly("m-2");
        assertThat(ids(byFilter(new MemberFilter(null, "01012345678", null, null, null)))).isEmpty();
        assertThat(ids(byFilter(new MemberFilter(null, "01022223333", null, null, null)))).containsExactly("m-1");
    }

    @Test
    void narrowsByStatusRoleAndGradeAlsoTogetherWithALookup() {
        for (String memberId : List.of("m-1", "m-2", "m-3", "m-4")) {
            feed.member(memberId, registered(memberId, memberId + "@example.kr", "010-7777-0000"));
        }
        clock.set(at(10));
        feed.member("m-2", new AccountLocked(id("m-2"), at(100), 5));
        feed.member("m-3", new MemberWithdrawn(id("m-3"), null));
        feed.member("m-4", new MemberRoleChanged(id("m-4"), ActorRole.ADMIN, null, "운영자 지정"));
        feed.rewards("m-4", gradeChanged("m-4", null, "VIP"));
        feed.member("m-1", new AccountLocked(id("m-1"), at(5), 5)); // already over

        assertThat(ids(byFilter(new MemberFilter(null, null, MemberStatus.ACTIVE, null, null))))
                .containsExactly("m-1", "m-4");
        assertThat(ids(byFilter(new MemberFilter(null, null, MemberStatus.LOCKED, null, null))))
                .containsExactly("m-2");
        assertThat(ids(byFilter(new MemberFilter(null, null, MemberStatus.WITHDRAWN, null, null))))
                .containsExactly("m-3");
        assertThat(ids(byFilter(new MemberFilter(null, null, null, ActorRole.CUSTOMER, null))))
                .containsExactly("m-1", "m-2", "m-3");
        assertThat(ids(byFilter(new MemberFilter(null, null, null, null, "VIP")))).containsExactly("m-4");
        assertThat(ids(byFilter(new MemberFilter(null, "01077770000", MemberStatus.ACTIVE, null, null))))
                .containsExactly("m-1", "m-4");
        assertThat(ids(byFilter(new MemberFilter(null, "01077770000", MemberStatus.LOCKED, null, null))))
                .containsExactly("m-2");
        assertThat(ids(byFilter(new MemberFilter(null, "01077770000", null, ActorRole.ADMIN, "VIP"))))
                .containsExactly("m-4");

        MemberPage firstActive = members.find(new FindMembersQuery(
                new MemberFilter(null, null, MemberStatus.ACTIVE, null, null), 1, null));
        assertThat(firstActive).extracting(MemberPage::totalCount, MemberPage::hasNextPage).containsExactly(2L, true);
        MemberPage byPhone = members.find(new FindMembersQuery(
                new MemberFilter(null, "010-7777-0000", null, null, null), 2, null));
        MemberPage byPhoneNext = members.find(new FindMembersQuery(
                new MemberFilter(null, "010-7777-0000", null, null, null), 2, byPhone.cursors().get(1)));
        assertThat(ids(byPhone)).containsExactly("m-1", "m-2");
        assertThat(ids(byPhoneNext)).containsExactly("m-4");
        assertThat(byPhoneNext).extracting(MemberPage::totalCount, MemberPage::hasNextPage).containsExactly(3L, false);
    }

    @Test
    void subscribersReceiveEachNewViewForMemberAndRewardsEventsAndNothingForStaleOnes() {
        List<MemberView> updates = Subscriptions.subscribe(emitter, new FindMemberQuery(id("m-1")), MemberView.class);
        List<MemberView> others = Subscriptions.subscribe(emitter, new FindMemberQuery(id("m-2")), MemberView.class);

        feed.member("m-1", registered("m-1"));
        feed.member("m-1", new MemberNameChanged(id("m-1"), "이회원", null));
        feed.rewards("m-1", gradeChanged("m-1", null, "BASIC"));
        feed.deliver(MemberFeed.message("Member", "m-1", 1, new MemberNameChanged(id("m-1"), "박회원", null),
                at(9)));

        assertThat(updates).extracting(MemberView::version, MemberView::rewardsVersion, MemberView::name)
                .containsExactly(tuple(0L, -1L, "김회원"), tuple(1L, -1L, "이회원"), tuple(1L, 0L, "이회원"));
        assertThat(others).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownMember() {
        assertThat(members.find(new FindMemberQuery(id("nobody")))).isEmpty();
        assertThat(byFilter(new MemberFilter(null, null, null, null, null))).extracting(MemberPage::totalCount,
                MemberPage::hasNextPage).containsExactly(0L, false);
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatIllegalArgumentException().isThrownBy(() -> members.find(new FindMembersQuery(null, 2, "xyz")));
    }

    /** A registration and a change of nearly everything a member has, in both streams. */
    private List<DomainEventMessage<?>> aFullLife(String memberId) {
        feed.member(memberId, registered(memberId, "Kim@Example.kr", "010-1234-5678"));
        feed.member(memberId, addressAdded(memberId, "a-1", HOME, true));
        feed.member(memberId, identityVerified(memberId));
        feed.member(memberId, cardRegistered(memberId, "pm-1", true));
        feed.member(memberId, new MarketingConsentChanged(id(memberId), MarketingChannel.SMS, true, null));
        feed.rewards(memberId, new PointsEarned(rewards(memberId), id(memberId), MemberFixtures.entry("e-1"), 500,
                "o-1", "BASIC", 10, at(20), at(400)));
        feed.rewards(memberId, gradeChanged(memberId, null, "GOLD"));
        return feed.delivered();
    }

    private static MemberGradeChanged gradeChanged(String memberId, String from, String to) {
        return new MemberGradeChanged(rewards(memberId), id(memberId), from, to, to + ": purchases", Money.won(0),
                MemberFeed.T0, null);
    }

    private MemberView find(String memberId) {
        return members.find(new FindMemberQuery(id(memberId))).orElseThrow();
    }

    private MemberPage byFilter(MemberFilter filter) {
        return members.find(new FindMembersQuery(filter, 10, null));
    }

    private Document storedDocument(String memberId) {
        return database.getCollection(MemberDocument.COLLECTION).find(new Document("_id", memberId)).first();
    }

    private List<Document> lookups() {
        return database.getCollection(MemberLookup.COLLECTION).find().into(new ArrayList<>());
    }

    private static List<String> ids(MemberPage page) {
        return page.items().stream().map(view -> view.memberId().value()).toList();
    }
}
