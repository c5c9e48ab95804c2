package io.jangteo.query.member;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code member_lookup} collection: which members have an e-mail or a phone, found by {@code _id}
 * ({@code email:<lower-case e-mail>}, {@code phone:<digits>}), because the embedded server answers only {@code _id} and
 * unique-index lookups without scanning. A key lists member ids: a phone may be shared (a family line), and an e-mail
 * freed by one member may be taken by another before the first one's change reaches this read model. A key nobody
 * holds any more is deleted, so the collection never remembers an erased member's e-mail or phone.
 * <p>
 * Keys change by compare-and-set on {@code {_id, revision}} (a unique index, for the same reason as member documents),
 * and every change is idempotent, so a redelivered event leaves the same keys.
 */
final class MemberLookup {

    static final String COLLECTION = "member_lookup";
    static final String MEMBER_IDS = "memberIds";
    private static final String REVISION = "revision";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> lookup;

    MemberLookup(MongoDatabase database) {
        this.lookup = database.getCollection(COLLECTION);
        lookup.createIndex(Indexes.ascending("_id", REVISION), new IndexOptions().unique(true).name("id_revision"));
    }

    /** The key of an e-mail, compared case-insensitively; null for none. */
    static String emailKey(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return "email:" + email.trim().toLowerCase(Locale.ROOT);
    }

    /** The key of a phone, by its digits only ("010-1234-5678" and "01012345678" are one); null for none. */
    static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : "phone:" + digits;
    }

    /** Moves {@code memberId} from {@code oldKey} to {@code newKey}; either may be null. */
    void move(String memberId, String oldKey, String newKey) {
        if (oldKey != null && oldKey.equals(newKey)) {
            add(newKey, memberId);
            return;
        }
        if (oldKey != null) {
            remove(oldKey, memberId);
        }
        if (newKey != null) {
            add(newKey, memberId);
        }
    }

    /** The members holding {@code key}, in the order they took it. */
    List<String> find(String key) {
        Document document = lookup.find(eq("_id", key)).first();
        return document == null ? List.of() : BsonValues.strings(document, MEMBER_IDS);
    }

    void reset() {
        lookup.deleteMany(new Document());
    }

    private void add(String key, String memberId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = lookup.find(eq("_id", key)).first();
            if (current == null) {
                try {
                    lookup.insertOne(new Document("_id", key).append(MEMBER_IDS, List.of(memberId))
                            .append(REVISION, 0L));
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            Set<String> ids = new LinkedHashSet<>(BsonValues.strings(current, MEMBER_IDS));
            if (!ids.add(memberId) || replaced(current, ids)) {
                return;
            }
        }
        throw new IllegalStateException("lookup key kept changing; giving up");
    }

    private void remove(String key, String memberId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = lookup.find(eq("_id", key)).first();
            if (current == null) {
                return;
            }
            Set<String> ids = new LinkedHashSet<>(BsonValues.strings(current, MEMBER_IDS));
            if (!ids.remove(memberId)) {
                return;
            }
            if (ids.isEmpty() ? lookup.deleteOne(guard(current)).getDeletedCount() == 1 : replaced(current, ids)) {
                return;
            }
        }
        throw new IllegalStateException("lookup key kept changing; giving up");
    }

    private boolean replaced(Document current, Set<String> ids) {
        Document next = new Document("_id", current.get("_id")).append(MEMBER_IDS, new ArrayList<>(ids))
                .append(REVISION, BsonValues.number(current, REVISION) + 1);
        return lookup.replaceOne(guard(current), next).getMatchedCount() == 1;
    }

    private static Document guard(Document current) {
        return new Document("_id", current.get("_id")).append(REVISION, BsonValues.number(current, REVISION));
    }
}
