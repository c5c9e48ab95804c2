package io.jangteo.query.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.jangteo.messages.member.MemberFilter;
import io.jangteo.messages.member.MemberPage;
import io.jangteo.messages.member.MemberStatus;
import io.jangteo.messages.member.MemberView;
import io.jangteo.query.shared.BsonValues;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reads of the member directory. A member is found by {@code _id}; a list filtered by e-mail or phone goes through the
 * lookup keys and reads those few members by {@code _id}; any other list is a query in registration order
 * ({@code position}, which is also the cursor), served by the indexes a real MongoDB has for it.
 */
final class MemberDirectory {

    private final MongoCollection<Document> members;
    private final MemberLookup lookup;

    MemberDirectory(MongoDatabase database) {
        this.members = MemberDocument.collection(database);
        this.lookup = new MemberLookup(database);
    }

    /** The member's document, also one of rewards events that arrived before the registration; null for none. */
    Document document(String memberId) {
        return members.find(eq("_id", memberId)).first();
    }

    Optional<MemberView> find(String memberId, Instant now) {
        Document document = document(memberId);
        return MemberDocument.isRegistered(document)
                ? Optional.of(MemberDocument.toView(document, now)) : Optional.empty();
    }

    MemberPage page(MemberFilter filter, int first, String after, Instant now) {
        long afterPosition = after == null ? 0 : cursor(after);
        if (filter.email() != null || filter.phone() != null) {
            return pageOfKeys(filter, first, afterPosition, now);
        }
        Bson narrowed = narrowed(filter, now);
        long total = members.countDocuments(narrowed);
        List<Document> found = members.find(Filters.and(narrowed, Filters.gt(MemberDocument.POSITION, afterPosition)))
                .sort(Sorts.ascending(MemberDocument.POSITION))
                .limit(first + 1)
                .into(new ArrayList<>());
        return page(found, first, total, now);
    }

    private MemberPage pageOfKeys(MemberFilter filter, int first, long afterPosition, Instant now) {
        Set<String> ids = null;
        if (filter.email() != null) {
            ids = holders(MemberLookup.emailKey(filter.email()));
        }
        if (filter.phone() != null) {
            Set<String> byPhone = holders(MemberLookup.phoneKey(filter.phone()));
            if (ids == null) {
                ids = byPhone;
            } else {
                ids.retainAll(byPhone);
            }
        }
        List<Document> matching = new ArrayList<>();
        if (!ids.isEmpty()) {
            // by _id alone, so the embedded server reads them through the _id index; the rest is checked here
            for (Document document : members.find(Filters.in("_id", ids))) {
                if (MemberDocument.isRegistered(document)
                        && matches(filter, MemberDocument.toView(document, now))) {
                    matching.add(document);
                }
            }
        }
        matching.sort(Comparator.comparingLong(document -> BsonValues.number(document, MemberDocument.POSITION)));
        List<Document> afterCursor = matching.stream()
                .filter(document -> BsonValues.number(document, MemberDocument.POSITION) > afterPosition)
                .limit(first + 1L)
                .toList();
        return page(afterCursor, first, matching.size(), now);
    }

    private Set<String> holders(String key) {
        return key == null ? new LinkedHashSet<>() : new LinkedHashSet<>(lookup.find(key));
    }

    private static boolean matches(MemberFilter filter, MemberView view) {
        return (filter.status() == null || filter.status() == view.status())
                && (filter.role() == null || filter.role() == view.role())
                && (filter.grade() == null || filter.grade().equals(view.grade()));
    }

    /** The filter's status, role and grade as a query; the same rules as {@link #matches}. */
    private static Bson narrowed(MemberFilter filter, Instant now) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.gt(MemberDocument.POSITION, 0L));
        if (filter.status() != null) {
            conditions.add(status(filter.status(), BsonValues.millis(now)));
        }
        if (filter.role() != null) {
            conditions.add(eq(MemberDocument.ROLE, filter.role().name()));
        }
        if (filter.grade() != null) {
            conditions.add(eq(MemberDocument.GRADE, filter.grade()));
        }
        return Filters.and(conditions);
    }

    private static Bson status(MemberStatus status, long now) {
        return switch (status) {
            case WITHDRAWN -> eq(MemberDocument.STATUS, MemberDocument.WITHDRAWN);
            case LOCKED -> Filters.and(eq(MemberDocument.STATUS, MemberDocument.ACTIVE),
                    Filters.gt(MemberDocument.LOCKED_UNTIL, now));
            case ACTIVE -> Filters.and(eq(MemberDocument.STATUS, MemberDocument.ACTIVE),
                    Filters.or(eq(MemberDocument.LOCKED_UNTIL, null), Filters.lte(MemberDocument.LOCKED_UNTIL, now)));
        };
    }

    private static MemberPage page(List<Document> found, int first, long total, Instant now) {
        List<MemberView> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (Document document : found.subList(0, Math.min(first, found.size()))) {
            items.add(MemberDocument.toView(document, now));
            cursors.add(Long.toString(BsonValues.number(document, MemberDocument.POSITION)));
        }
        return new MemberPage(items, cursors, total, found.size() > first);
    }

    private static long cursor(String cursor) {
        try {
            long position = Long.parseLong(cursor);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a member cursor: " + cursor);
        }
    }
}
