package io.jangteo.command.order;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * Which effects of an event a policy has caused, for commands that are not idempotent themselves (receiving stock,
 * refunding points): one document per effect, {@code _id} its key, {@code state} SENDING while the command is on its
 * way, DONE once it went through, REFUSED when it was refused for good.
 * <p>
 * An effect is begun before its command is sent and finished after, so a redelivered event finds one of three things:
 * nothing (send), DONE or REFUSED (skip), or SENDING: an earlier run stopped between sending and finishing, and only
 * the target's own history can tell whether its command arrived. The unique {@code _id} makes beginning atomic.
 */
final class EffectLedger {

    enum State {
        SENDING, DONE, REFUSED
    }

    private final MongoCollection<Document> effects;
    private final Clock clock;

    EffectLedger(MongoDatabase database, String collection, Clock clock) {
        this.effects = database.getCollection(collection);
        this.clock = clock;
    }

    /** Empty when this run begins the effect; else the state an earlier run left. */
    Optional<State> begin(String key, Document details) {
        try {
            effects.insertOne(new Document("_id", key).append("state", State.SENDING.name())
                    .append("details", details).append("begunAt", Date.from(clock.instant())));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = effects.find(Filters.eq("_id", key)).first();
        return Optional.of(earlier == null ? State.SENDING : State.valueOf(earlier.getString("state")));
    }

    void finish(String key, State state) {
        effects.updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("state", state.name()),
                Updates.set("finishedAt", Date.from(clock.instant()))));
    }
}
