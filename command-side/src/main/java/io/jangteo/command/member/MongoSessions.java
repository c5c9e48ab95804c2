package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.member.MemberId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * {@link Sessions} in the collection {@code member_sessions}: one document per refresh token ever issued, keyed by the
 * token's SHA-256, grouped in families (one per sign-in). A rotated token stays, marked, until it expires, so that its
 * reuse is recognised and ends the family.
 * <p>
 * Rotation writes the successor first and then marks the presented token rotated with one conditional
 * {@code findOneAndUpdate}: of two refreshes with one token exactly one wins, and a revocation running meanwhile either
 * finds the successor or makes the conditional update fail, so a revoked family never gains a live token.
 */
@Component
class MongoSessions implements Sessions {

    static final String COLLECTION = "member_sessions";

    private final MongoCollection<Document> sessions;
    private final Duration refreshTtl;
    private final Clock clock;

    @Autowired
    MongoSessions(MongoDatabase database, MemberSettings settings) {
        this(database, settings.refreshTtl(), Clock.systemUTC());
    }

    MongoSessions(MongoDatabase database, Duration refreshTtl, Clock clock) {
        this.sessions = database.getCollection(COLLECTION);
        this.refreshTtl = refreshTtl;
        this.clock = clock;
        sessions.createIndex(Indexes.ascending("memberId"));
        sessions.createIndex(Indexes.ascending("family"));
        TokenDocuments.deleteWhenExpired(sessions);
    }

    @Override
    public Issued start(MemberId memberId) {
        return issue(memberId, Secrets.newId(), clock.instant());
    }

    @Override
    public Optional<Issued> rotate(String refreshToken) {
        Document current = find(refreshToken);
        Instant now = clock.instant();
        if (current == null || !isLive(current, now)) {
            return Optional.empty();
        }
        String family = current.getString("family");
        if (current.get("rotatedAt") != null) {
            // used before: one of the two users of this token is not the member, and we cannot tell which
            revokeWhere(Filters.eq("family", family), now);
            return Optional.empty();
        }
        MemberId memberId = MemberId.of(current.getString("memberId"));
        Issued successor = issue(memberId, family, now);
        Document won = sessions.findOneAndUpdate(
                Filters.and(Filters.eq("_id", current.getString("_id")), Filters.eq("rotatedAt", null),
                        Filters.eq("revokedAt", null), Filters.gt("expiresAt", Date.from(now))),
                Updates.set("rotatedAt", Date.from(now)));
        if (won != null) {
            return Optional.of(successor);
        }
        sessions.deleteOne(Filters.eq("_id", TokenDocuments.idOf(successor.refreshToken())));
        Document after = sessions.find(Filters.eq("_id", current.getString("_id"))).first();
        if (after != null && after.get("rotatedAt") != null) {
            // another refresh with this very token got in first: that is a reuse too
            revokeWhere(Filters.eq("family", family), now);
        }
        return Optional.empty();
    }

    @Override
    public Optional<MemberId> revoke(String refreshToken) {
        Document current = find(refreshToken);
        if (current == null) {
            return Optional.empty();
        }
        long revoked = revokeWhere(Filters.eq("family", current.getString("family")), clock.instant());
        return revoked > 0 ? Optional.of(MemberId.of(current.getString("memberId"))) : Optional.empty();
    }

    @Override
    public void revokeAll(MemberId memberId) {
        revokeWhere(Filters.eq("memberId", memberId.value()), clock.instant());
    }

    private Issued issue(MemberId memberId, String family, Instant now) {
        String token = Secrets.newToken();
        Instant expiresAt = now.plus(refreshTtl);
        sessions.insertOne(new Document("_id", TokenDocuments.idOf(token))
                .append("memberId", memberId.value())
                .append("family", family)
                .append("issuedAt", Date.from(now))
                .append("expiresAt", Date.from(expiresAt))
                .append("rotatedAt", null)
                .append("revokedAt", null));
        return new Issued(memberId, token, expiresAt);
    }

    /**
     * Passes until one changes nothing: a successor a rotation wrote while a pass ran may have been missed by it, and
     * the next pass catches it (that rotation's conditional update fails, so no further successor follows).
     */
    private long revokeWhere(Bson filter, Instant now) {
        long total = 0;
        long revoked;
        do {
            revoked = sessions.updateMany(Filters.and(filter, Filters.eq("revokedAt", null)),
                    Updates.set("revokedAt", Date.from(now))).getModifiedCount();
            total += revoked;
        } while (revoked > 0);
        return total;
    }

    private Document find(String refreshToken) {
        return TokenDocuments.idOfPresented(refreshToken)
                .map(id -> sessions.find(Filters.eq("_id", id)).first())
                .orElse(null);
    }

    private static boolean isLive(Document session, Instant now) {
        return session.get("revokedAt") == null && session.getDate("expiresAt").toInstant().isAfter(now);
    }
}
