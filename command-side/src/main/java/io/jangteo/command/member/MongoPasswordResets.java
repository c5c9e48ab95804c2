package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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

/**
 * {@link PasswordResets} in the collection {@code password_resets}, keyed by the token's SHA-256. A token is used up by
 * one conditional {@code findOneAndUpdate}, so two redemptions of one token cannot both succeed.
 */
@Component
class MongoPasswordResets implements PasswordResets {

    static final String COLLECTION = "password_resets";

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
        TokenDocuments.deleteWhenExpired(resets);
    }

    @Override
    public Issued issue(MemberId memberId) {
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(ttl);
        resets.insertOne(new Document("_id", TokenDocuments.idOf(token))
                .append("memberId", memberId.value())
                .append("expiresAt", Date.from(expiresAt))
                .append("usedAt", null));
        return new Issued(token, expiresAt);
    }

    @Override
    public Optional<MemberId> redeem(String token) {
        Optional<String> id = TokenDocuments.idOfPresented(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Document used = resets.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id.get()), Filters.eq("usedAt", null),
                        Filters.gt("expiresAt", Date.from(now))),
                Updates.set("usedAt", Date.from(now)));
        return used == null ? Optional.empty() : Optional.of(MemberId.of(used.getString("memberId")));
    }
}
