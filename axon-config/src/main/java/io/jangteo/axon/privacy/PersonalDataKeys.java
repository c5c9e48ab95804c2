package io.jangteo.axon.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * Each member's data key, kept outside the event store in the read store's {@value #COLLECTION} collection as
 * {@code {_id: subject, key: <wrapped by the master key>, createdAt, destroyedAt}}. Destroying a key is the erasure:
 * the document stays as a tombstone (no key, {@code destroyedAt} set) so that events written later for the same
 * subject are stored with their personal data already erased, and a new key is never made for them.
 */
public final class PersonalDataKeys {

    static final String COLLECTION = "personal_data_keys";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeys.class);

    private final MongoCollection<Document> keys;
    private final MasterKey masterKey;
    private final KeyCache cache;
    private final Clock clock;

    PersonalDataKeys(MongoDatabase readStore, MasterKey masterKey, KeyCache cache, Clock clock) {
        // a key acknowledged by the primary alone could be rolled back by a fail-over after events were sealed with
        // it, erasing them by accident: a key is only used once a majority holds it
        this.keys = readStore.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        this.masterKey = masterKey;
        this.cache = cache;
        this.clock = clock;
    }

    /** Erases the subject's personal data from every event, past and future. Idempotent; cannot be undone. */
    public void destroy(String subject) {
        destroy(subject, clock.instant());
    }

    /** Whether the subject's key was destroyed; asks the store, not the cache, so it also sees other nodes' erasures. */
    public boolean isErased(String subject) {
        Document document = keys.find(Filters.eq("_id", subject)).first();
        return document != null && state(subject, document) == KeyState.ERASED;
    }

    /**
     * Keeps the first erasure's time, so replaying the withdrawal (or a second one) changes nothing. Upserted: a
     * subject without a key yet gets its tombstone now, before anything of theirs is written.
     */
    void destroy(String subject, Instant at) {
        Date when = Date.from(at);
        keys.updateOne(Filters.eq("_id", subject),
                Updates.combine(Updates.unset("key"), Updates.min("destroyedAt", when),
                        Updates.setOnInsert("createdAt", when)),
                new UpdateOptions().upsert(true));
        cache.put(subject, KeyState.ERASED);
    }

    /** The key to seal a new event's personal data with, made on first need; {@link KeyState#ERASED} for none. */
    KeyState forWriting(String subject) {
        KeyState state = cache.get(subject);
        if (state == null || state == KeyState.ABSENT) {
            state = load(subject);
            if (state == KeyState.ABSENT) {
                state = create(subject);
            }
            cache.put(subject, state);
        }
        return state;
    }

    /** The key to open stored personal data with; never makes one. */
    KeyState forReading(String subject) {
        KeyState state = cache.get(subject);
        if (state == null) {
            state = load(subject);
            if (state == KeyState.ABSENT) {
                // every sealed value had a key first; its absence means the collection was lost or tampered with
                log.warn("No personal data key for {} although its events hold sealed personal data; they read as "
                        + "erased", subject);
            }
            cache.put(subject, state);
        }
        return state;
    }

    private KeyState load(String subject) {
        Document document = keys.find(Filters.eq("_id", subject)).first();
        return document == null ? KeyState.ABSENT : state(subject, document);
    }

    private KeyState state(String subject, Document document) {
        Binary wrapped = document.get("key", Binary.class);
        if (document.get("destroyedAt") != null || wrapped == null) {
            return KeyState.ERASED;
        }
        return new KeyState.Live(new SecretKeySpec(masterKey.unwrap(subject, wrapped.getData()), "AES"));
    }

    private KeyState create(String subject) {
        byte[] dataKey = AesGcm.randomKey();
        Document document = new Document("_id", subject)
                .append("key", new Binary(masterKey.wrap(subject, dataKey)))
                .append("createdAt", Date.from(clock.instant()));
        try {
            keys.insertOne(document);
            return new KeyState.Live(new SecretKeySpec(dataKey, "AES"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node (or thread) made one first, or the subject was erased meanwhile: theirs is the key
            KeyState theirs = load(subject);
            if (theirs == KeyState.ABSENT) {
                throw new IllegalStateException("The personal data key of " + subject + " clashed on insert but "
                        + "cannot be read back", e);
            }
            return theirs;
        }
    }
}
