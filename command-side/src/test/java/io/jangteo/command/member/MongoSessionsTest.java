package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.jangteo.command.member.Sessions.Issued;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
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
import static io.jangteo.command.member.MemberFixtures.OTHER_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class MongoSessionsTest {

    private static final Duration TTL = Duration.ofDays(14);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoCollection<Document> rows;
    private MutableClock clock;
    private MongoSessions sessions;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        rows = database.getCollection(MongoSessions.COLLECTION);
        clock = new MutableClock(NOW);
        sessions = new MongoSessions(database, TTL, clock);
    }

    @Test
    void aSessionStartsWithAnOpaqueTokenStoredOnlyAsItsDigest() {
        Issued issued = sessions.start(MEMBER_ID);

        assertThat(issued.memberId()).isEqualTo(MEMBER_ID);
        assertThat(issued.refreshToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(TTL));
        Document row = rows.find().first();
        assertThat(row.getString("_id")).isEqualTo(Secrets.sha256Hex(issued.refreshToken()));
        assertThat(row.toJson()).doesNotContain(issued.refreshToken());
        assertThat(row.getString("memberId")).isEqualTo(MEMBER_ID.value());
        assertThat(row.getString("family")).isNotBlank();
        assertThat(row.getDate("issuedAt").toInstant()).isEqualTo(NOW);
        assertThat(row.get("rotatedAt")).isNull();
        assertThat(row.get("revokedAt")).isNull();
    }

    @Test
    void tokensAreNeverRepeated() {
        assertThat(sessions.start(MEMBER_ID).refreshToken()).isNotEqualTo(sessions.start(MEMBER_ID).refreshToken());
    }

    @Test
    void aRefreshTradesTheTokenForANewOneThatLivesAFullTtl() {
        Issued first = sessions.start(MEMBER_ID);
        clock.advance(Duration.ofDays(3));

        Optional<Issued> second = sessions.rotate(first.refreshToken());

        assertThat(second).hasValueSatisfying(next -> {
            assertThat(next.memberId()).isEqualTo(MEMBER_ID);
            assertThat(next.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(next.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(3)).plus(TTL));
        });
        assertThat(sessions.rotate(second.get().refreshToken())).isPresent();
    }

    @Test
    void reusingARotatedTokenEndsTheWholeFamily() {
        Issued first = sessions.start(MEMBER_ID);
        Issued second = sessions.rotate(first.refreshToken()).orElseThrow();

        assertThat(sessions.rotate(first.refreshToken())).as("the replayed token").isEmpty();

        assertThat(sessions.rotate(second.refreshToken())).as("its successor, the thief's or the member's").isEmpty();
        assertThat(rows.countDocuments(Filters.eq("revokedAt", null))).isZero();
    }

    @Test
    void reuseEndsOnlyThatFamily() {
        Issued phone = sessions.start(MEMBER_ID);
        Issued laptop = sessions.start(MEMBER_ID);
        sessions.rotate(phone.refreshToken()).orElseThrow();

        sessions.rotate(phone.refreshToken());

        assertThat(sessions.rotate(laptop.refreshToken())).isPresent();
    }

    @Test
    void anExpiredTokenCannotBeRefreshed() {
        Issued issued = sessions.start(MEMBER_ID);
        clock.advance(TTL);

        assertThat(sessions.rotate(issued.refreshToken())).isEmpty();
    }

    @Test
    void aTokenJustBeforeExpiryCanBeRefreshed() {
        Issued issued = sessions.start(MEMBER_ID);
        clock.advance(TTL.minusSeconds(1));

        assertThat(sessions.rotate(issued.refreshToken())).isPresent();
    }

    @Test
    void unknownOrMalformedTokensAreRefused() {
        assertThat(sessions.rotate("not-a-token")).isEmpty();
        assertThat(sessions.rotate(null)).isEmpty();
        assertThat(sessions.rotate("")).isEmpty();
        assertThat(sessions.rotate("x".repeat(10_000))).isEmpty();
    }

    @Test
    void revokingATokenEndsItsFamilyAndNamesTheMember() {
        Issued first = sessions.start(MEMBER_ID);
        Issued second = sessions.rotate(first.refreshToken()).orElseThrow();

        assertThat(sessions.revoke(first.refreshToken())).contains(MEMBER_ID);

        assertThat(sessions.rotate(second.refreshToken())).isEmpty();
    }

    @Test
    void revokingAnUnknownOrAlreadyRevokedTokenNamesNobody() {
        Issued issued = sessions.start(MEMBER_ID);
        sessions.revoke(issued.refreshToken());

        assertThat(sessions.revoke(issued.refreshToken())).isEmpty();
        assertThat(sessions.revoke("unknown")).isEmpty();
        assertThat(sessions.revoke(null)).isEmpty();
    }

    @Test
    void revokingAllEndsEveryFamilyOfTheMemberOnly() {
        Issued phone = sessions.start(MEMBER_ID);
        Issued laptop = sessions.start(MEMBER_ID);
        Issued laptopNext = sessions.rotate(laptop.refreshToken()).orElseThrow();
        Issued someoneElse = sessions.start(OTHER_MEMBER);

        sessions.revokeAll(MEMBER_ID);

        assertThat(sessions.rotate(phone.refreshToken())).isEmpty();
        assertThat(sessions.rotate(laptopNext.refreshToken())).isEmpty();
        assertThat(sessions.rotate(someoneElse.refreshToken())).isPresent();
    }

    @RepeatedTest(20)
    void ofTwoConcurrentRefreshesWithOneTokenExactlyOneWins() throws Exception {
        Issued issued = sessions.start(MEMBER_ID);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Issued>>> refreshes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                refreshes.add(threads.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return sessions.rotate(issued.refreshToken());
                }));
            }
            Optional<Issued> first = refreshes.get(0).get(10, TimeUnit.SECONDS);
            Optional<Issued> second = refreshes.get(1).get(10, TimeUnit.SECONDS);

            assertThat(first.isPresent() ^ second.isPresent()).as("exactly one refresh wins").isTrue();
            // the loser presented a rotated token, which is reuse: the family ends, the winner's token with it
            Issued winner = first.orElseGet(second::get);
            assertThat(sessions.rotate(winner.refreshToken())).isEmpty();
            assertThat(rows.countDocuments(Filters.eq("revokedAt", null))).isZero();
        } finally {
            threads.shutdownNow();
        }
    }
}
