package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.command.member.PasswordResets.Issued;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
import io.jangteo.messages.member.MemberId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class MongoPasswordResetsTest {

    private static final Duration TTL = Duration.ofMinutes(30);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoCollection<Document> rows;
    private MutableClock clock;
    private MongoPasswordResets resets;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        rows = database.getCollection(MongoPasswordResets.COLLECTION);
        clock = new MutableClock(NOW);
        resets = new MongoPasswordResets(database, TTL, clock);
    }

    @Test
    void aTokenIsIssuedForTheTtlAndStoredOnlyAsItsDigest() {
        Issued issued = resets.issue(MEMBER_ID);

        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(TTL));
        Document row = rows.find().first();
        assertThat(row.getString("_id")).isEqualTo(Secrets.sha256Hex(issued.token()));
        assertThat(row.toJson()).doesNotContain(issued.token());
        assertThat(row.getString("memberId")).isEqualTo(MEMBER_ID.value());
        assertThat(row.get("usedAt")).isNull();
    }

    @Test
    void aTokenRedeemsOnceForItsMember() {
        Issued issued = resets.issue(MEMBER_ID);

        assertThat(resets.redeem(issued.token())).contains(MEMBER_ID);
        assertThat(resets.redeem(issued.token())).isEmpty();
    }

    @Test
    void anExpiredTokenDoesNotRedeem() {
        Issued issued = resets.issue(MEMBER_ID);
        clock.advance(TTL);

        assertThat(resets.redeem(issued.token())).isEmpty();
    }

    @Test
    void aTokenJustBeforeExpiryRedeems() {
        Issued issued = resets.issue(MEMBER_ID);
        clock.advance(TTL.minusSeconds(1));

        assertThat(resets.redeem(issued.token())).contains(MEMBER_ID);
    }

    @Test
    void unknownOrMalformedTokensDoNotRedeem() {
        resets.issue(MEMBER_ID);

        assertThat(resets.redeem("unknown")).isEmpty();
        assertThat(resets.redeem(null)).isEmpty();
        assertThat(resets.redeem(" ")).isEmpty();
    }

    @RepeatedTest(20)
    void ofTwoConcurrentRedemptionsOfOneTokenExactlyOneSucceeds() throws Exception {
        Issued issued = resets.issue(MEMBER_ID);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<MemberId>>> redemptions = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                redemptions.add(threads.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return resets.redeem(issued.token());
                }));
            }
            boolean first = redemptions.get(0).get(10, TimeUnit.SECONDS).isPresent();
            boolean second = redemptions.get(1).get(10, TimeUnit.SECONDS).isPresent();

            assertThat(first ^ second).as("exactly one redemption succeeds").isTrue();
        } finally {
            threads.shutdownNow();
        }
    }
}
