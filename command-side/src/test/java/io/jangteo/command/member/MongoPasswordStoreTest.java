package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.jangteo.command.shared.EmbeddedMongo;
import io.jangteo.command.shared.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;

import static io.jangteo.command.member.MemberFixtures.MEMBER_ID;
import static io.jangteo.command.member.MemberFixtures.OTHER_MEMBER;
import static io.jangteo.command.member.MemberFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MongoPasswordStoreTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoCollection<Document> rows;
    private MongoPasswordStore store;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        rows = database.getCollection(MongoPasswordStore.COLLECTION);
        store = new MongoPasswordStore(database, new MutableClock(MemberFixtures.NOW));
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        store.set(MEMBER_ID, PASSWORD);

        assertThat(store.matches(MEMBER_ID, PASSWORD)).isTrue();
        assertThat(store.matches(MEMBER_ID, PASSWORD + "!")).isFalse();
        assertThat(store.matches(MEMBER_ID, PASSWORD.toUpperCase())).isFalse();
        assertThat(store.matches(MEMBER_ID, null)).isFalse();
    }

    @Test
    void onlyAnAdaptiveHashIsStoredNeverThePassword() {
        store.set(MEMBER_ID, PASSWORD);

        Document row = rows.find(Filters.eq("_id", MEMBER_ID.value())).first();
        assertThat(row.getString("hash")).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        assertThat(row.getDate("changedAt").toInstant()).isEqualTo(MemberFixtures.NOW);
    }

    @Test
    void aMemberWithoutAPasswordMatchesNothing() {
        assertThat(store.matches(OTHER_MEMBER, PASSWORD)).isFalse();
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        store.set(MEMBER_ID, PASSWORD);

        store.set(MEMBER_ID, "tangerine orchard 2026");

        assertThat(store.matches(MEMBER_ID, PASSWORD)).isFalse();
        assertThat(store.matches(MEMBER_ID, "tangerine orchard 2026")).isTrue();
        assertThat(rows.countDocuments()).isEqualTo(1);
    }

    @Test
    void aLongHangulPasswordIsHashedWholeNotCutAtBcryptsSeventyTwoBytes() {
        // 128 characters of three UTF-8 bytes each; the two differ only in their last character
        String longPassword = "가".repeat(127) + "나";
        String sameStart = "가".repeat(127) + "다";

        assertThatCode(() -> store.set(MEMBER_ID, longPassword)).doesNotThrowAnyException();

        assertThat(store.matches(MEMBER_ID, longPassword)).isTrue();
        assertThat(store.matches(MEMBER_ID, sameStart)).isFalse();
    }

    @Test
    void aHashInAnOlderFormatIsReplacedAtTheNextMatch() {
        // the delegating encoder reads any {id} it knows; noop stands in for a retired scheme
        String prehashed = Base64.getEncoder().encodeToString(Secrets.sha256(PASSWORD));
        rows.insertOne(new Document("_id", MEMBER_ID.value()).append("hash", "{noop}" + prehashed));

        assertThat(store.matches(MEMBER_ID, PASSWORD)).isTrue();

        String upgraded = rows.find(Filters.eq("_id", MEMBER_ID.value())).first().getString("hash");
        assertThat(upgraded).startsWith("{bcrypt}");
        assertThat(store.matches(MEMBER_ID, PASSWORD)).isTrue();
    }

    @Test
    void aRemovedPasswordMatchesNothing() {
        store.set(MEMBER_ID, PASSWORD);

        store.remove(MEMBER_ID);

        assertThat(store.matches(MEMBER_ID, PASSWORD)).isFalse();
        assertThat(rows.countDocuments()).isZero();
    }

    @Test
    void matchingNothingAcceptsAnyInput() {
        assertThatCode(() -> {
            store.matchNothing(PASSWORD);
            store.matchNothing(null);
            store.matchNothing("");
        }).doesNotThrowAnyException();
        assertThat(rows.countDocuments()).isZero();
    }
}
