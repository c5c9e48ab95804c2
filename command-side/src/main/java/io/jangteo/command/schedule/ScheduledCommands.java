package io.jangteo.command.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Commands to send at a later time, as a named system actor: one document per key in {@value #COLLECTION}
 * ({@code _id} key, {@code dueAt}, the command serialized by Axon's general serializer as {@code payloadType},
 * {@code revision} and {@code payload}, {@code actorId}, {@code attempts}, {@code lastError}, {@code leaseUntil},
 * {@code claimId}). Kept in the read store's database, so items survive restarts and are shared by every node.
 * <p>
 * {@code leaseUntil} is the time before which nobody claims the item: the claiming node's lease while it sends, or
 * the back-off after a failure. {@code claimId} names one claim, so a node finishing a claim never deletes an item that
 * was rescheduled under the same key meanwhile.
 */
public class ScheduledCommands {

    public static final String COLLECTION = "scheduled_commands";

    private final MongoCollection<Document> items;
    private final Serializer serializer;

    public ScheduledCommands(MongoDatabase database, Serializer serializer) {
        this.items = database.getCollection(COLLECTION);
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        // real MongoDB finds due items through it; the embedded server ignores it and scans, which a small set allows
        items.createIndex(Indexes.ascending("dueAt"));
    }

    /**
     * Sends {@code command} at {@code dueAt} (at once when that has passed) as the system actor
     * {@code system:<systemActorName>}. The same key replaces what it held, with fresh attempts: scheduling is
     * idempotent, so a replayed event schedules nothing twice.
     */
    public void schedule(String key, Instant dueAt, Object command, String systemActorName) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(command, "command");
        String actorId = SystemActor.id(systemActorName);
        SerializedObject<String> serialized = serializer.serialize(command, String.class);
        Document item = new Document("_id", key)
                .append("dueAt", Date.from(dueAt))
                .append("payloadType", serialized.getType().getName())
                .append("revision", serialized.getType().getRevision())
                .append("payload", serialized.getData())
                .append("actorId", actorId)
                .append("attempts", 0)
                .append("lastError", null)
                .append("leaseUntil", null)
                .append("claimId", null);
        items.replaceOne(Filters.eq("_id", key), item, new ReplaceOptions().upsert(true));
    }

    /** Forgets the item; sending it already in flight on some node still completes. */
    public void cancel(String key) {
        items.deleteOne(Filters.eq("_id", key));
    }

    /**
     * Claims the item due longest, unless another claim's lease or a back-off holds it, or it used up its attempts
     * (then it stays, with its last error, for an operator). One atomic update, so two nodes never claim one item at
     * once.
     */
    Optional<Claim> claimNext(Instant now, Duration lease, int maxAttempts) {
        Date at = Date.from(now);
        Bson claimable = Filters.and(
                Filters.lte("dueAt", at),
                Filters.lt("attempts", maxAttempts),
                Filters.or(Filters.eq("leaseUntil", null), Filters.lte("leaseUntil", at)));
        String claimId = UUID.randomUUID().toString();
        Document claimed = items.findOneAndUpdate(claimable,
                Updates.combine(Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.set("claimId", claimId)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        return Optional.of(new Claim(claimed.getString("_id"), claimId, claimed.getDate("dueAt").toInstant(),
                claimed.getString("payloadType"), claimed.getString("revision"), claimed.getString("payload"),
                claimed.getString("actorId"), claimed.getInteger("attempts", 0)));
    }

    /** The command; a type this release does not know (renamed, removed) fails with its name rather than being sent. */
    Object command(Claim claim) {
        Object command = serializer.deserialize(new SimpleSerializedObject<>(claim.payload(), String.class,
                claim.payloadType(), claim.revision()));
        if (command instanceof UnknownSerializedType) {
            throw new IllegalStateException("Unknown command type " + claim.payloadType()
                    + (claim.revision() == null ? "" : " revision " + claim.revision()));
        }
        return command;
    }

    /** Done with (sent, or refused for good): gone, unless rescheduled meanwhile. */
    void completed(Claim claim) {
        items.deleteOne(sameClaim(claim));
    }

    void failed(Claim claim, String error, Instant retryAt) {
        items.updateOne(sameClaim(claim), Updates.combine(
                Updates.inc("attempts", 1),
                Updates.set("lastError", error),
                Updates.set("leaseUntil", Date.from(retryAt)),
                Updates.set("claimId", null)));
    }

    private static Bson sameClaim(Claim claim) {
        return Filters.and(Filters.eq("_id", claim.key()), Filters.eq("claimId", claim.claimId()));
    }

    /** One claim of one item; {@code attempts} counts the failed attempts before this one. */
    record Claim(String key, String claimId, Instant dueAt, String payloadType, String revision, String payload,
                 String actorId, int attempts) {
    }
}
