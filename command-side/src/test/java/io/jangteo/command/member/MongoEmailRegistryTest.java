package io.jangteo.command.member;

import com.mongodb.client.MongoDatabase;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
import io.jangteo.messages.member.MemberId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.OTHER_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoEmailRegistryTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoDatabase database;
    private MongoEmailRegistry registry;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        registry = new MongoEmailRegistry(database, new MutableClock(MemberFixtures.NOW));
    }

    @Test
    void aClaimedEmailIsHeldByItsMemberWhateverItsCaseAndSpacing() {
        registry.claim(" Minji@Example.COM ", MEMBER_ID);

        assertThat(registry.holder("minji@example.com")).contains(MEMBER_ID);
        assertThat(registry.holder("MINJI@EXAMPLE.COM")).contains(MEMBER_ID);
        Document row = database.getCollection(MongoEmailRegistry.COLLECTION).find().first();
        assertThat(row.getString("_id")).isEqualTo("minji@example.com");
        assertThat(row.getString("memberId")).isEqualTo(MEMBER_ID.value());
        assertThat(row.getDate("claimedAt").toInstant()).isEqualTo(MemberFixtures.NOW);
    }

    @Test
    void anUnclaimedEmailHasNoHolder() {
        assertThat(registry.holder("nobody@example.com")).isEmpty();
        assertThat(registry.holder(null)).isEmpty();
        assertThat(registry.holder(" ")).isEmpty();
    }

    @Test
    void claimingAgainForTheSameMemberIsFine() {
        registry.claim("minji@example.com", MEMBER_ID);

        assertThatCode(() -> registry.claim("MINJI@example.com", MEMBER_ID)).doesNotThrowAnyException();
        assertThat(registry.holder("minji@example.com")).contains(MEMBER_ID);
    }

    @Test
    void anotherMemberCannotClaimAHeldEmail() {
        registry.claim("minji@example.com", MEMBER_ID);

        assertThatThrownBy(() -> registry.claim("Minji@example.com", OTHER_MEMBER))
                .isInstanceOf(EmailAlreadyRegistered.class);
        assertThat(registry.holder("minji@example.com")).contains(MEMBER_ID);
    }

    @Test
    void aReleasedEmailCanBeClaimedByAnotherMember() {
        registry.claim("minji@example.com", MEMBER_ID);

        registry.release("MINJI@example.com", MEMBER_ID);
        registry.claim("minji@example.com", OTHER_MEMBER);

        assertThat(registry.holder("minji@example.com")).contains(OTHER_MEMBER);
    }

    @Test
    void onlyTheHolderReleasesAnEmail() {
        registry.claim("minji@example.com", MEMBER_ID);

        registry.release("minji@example.com", OTHER_MEMBER);

        assertThat(registry.holder("minji@example.com")).contains(MEMBER_ID);
    }

    @RepeatedTest(20)
    void ofTwoConcurrentClaimsForTwoMembersExactlyOneWins() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (MemberId member : List.of(MEMBER_ID, OTHER_MEMBER)) {
                Callable<Boolean> claim = () -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        registry.claim("race@example.com", member);
                        return true;
                    } catch (EmailAlreadyRegistered lost) {
                        return false;
                    }
                };
                claims.add(threads.submit(claim));
            }
            boolean first = claims.get(0).get(10, TimeUnit.SECONDS);
            boolean second = claims.get(1).get(10, TimeUnit.SECONDS);

            assertThat(first ^ second).as("exactly one claim wins").isTrue();
            assertThat(registry.holder("race@example.com")).contains(first ? MEMBER_ID : OTHER_MEMBER);
            assertThat(database.getCollection(MongoEmailRegistry.COLLECTION).countDocuments()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
