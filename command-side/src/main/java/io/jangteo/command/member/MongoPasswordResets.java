package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.member.MemberId;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link PasswordResets} in the collection {@code password_resets}, keyed by the token's SHA-256. A token is used up by
 * one conditional {@code findOneAndUpdate}, so two redemptions of one token cannot both succeed.
 */
@Component
class MongoPasswordResets implements PasswordResets {

    static final String COLLECTION = "password_resets";
    private static final int MAX_TOKEN = 256;

    private final MongoCollection<Document> resets;
    private final Duration ttl;
    private final Clock clock;

    @Autowired
    MongoPasswordResets(MongoDatabase database, MemberSettings settings) {
        this(database, settings.passwordResetTtl(), Clock.systemUTC());
    }

    MongoPasswordResets(MongoDatabase database, Duration ttl, Clock clock) {
        this.resets = database.getCollection(COLLECTION);
        this.ttl = ttl;
        this.clock = clock;
        // MongoDB deletes tokens once they have expired; the embedded server ignores this, which costs only space
        resets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public Issued issue(MemberId memberId) {
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(ttl);
        resets.insertOne(new Document("_id", Secrets.sha256Hex(token))
                .append("memberId", memberId.value())
                .append("expiresAt", Date.from(expiresAt))
                .append("usedAt", null));
        return new Issued(token, expiresAt);
    }

    @Override
    public Optional<MemberId> redeem(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Document used = resets.findOneAndUpdate(
                Filters.and(Filters.eq("_id", Secrets.sha256Hex(token)), Filters.eq("usedAt", null),
                        Filters.gt("expiresAt", Date.from(now))),
                Updates.set("usedAt", Date.from(now)));
        return used == null ? Optional.empty() : Optional.of(MemberId.of(used.getString("memberId")));
    }
}
