package io.jangteo.command.member;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.jangteo.messages.member.MemberId;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * {@link EmailRegistry} in the collection {@code member_emails}: one document per e-mail in use, keyed by the
 * normalised e-mail. The unique {@code _id} decides every race: of two concurrent claims exactly one insert succeeds,
 * on a real MongoDB as on the embedded server, without transactions.
 */
@Component
class MongoEmailRegistry implements EmailRegistry {

    static final String COLLECTION = "member_emails";
    // a claim that loses to a release in between is tried again; more rounds than this means a hot contest, not a race
    private static final int ATTEMPTS = 3;

    private final MongoCollection<Document> emails;
    private final Clock clock;

    @Autowired
    MongoEmailRegistry(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    MongoEmailRegistry(MongoDatabase database, Clock clock) {
        this.emails = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public void claim(String email, MemberId memberId) {
        String key = EmailRegistry.normalized(email);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                emails.insertOne(new Document("_id", key)
                        .append("memberId", memberId.value())
                        .append("claimedAt", Date.from(clock.instant())));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Optional<MemberId> holder = holderOf(key);
            if (holder.isPresent()) {
                if (holder.get().equals(memberId)) {
                    return;
                }
                throw new EmailAlreadyRegistered();
            }
        }
        throw new EmailAlreadyRegistered();
    }

    @Override
    public void release(String email, MemberId memberId) {
        if (email == null) {
            return;
        }
        // only the holder's own row: a late release must not free an e-mail someone else has claimed since
        emails.deleteOne(Filters.and(Filters.eq("_id", EmailRegistry.normalized(email)),
                Filters.eq("memberId", memberId.value())));
    }

    @Override
    public Optional<MemberId> holder(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return holderOf(EmailRegistry.normalized(email));
    }

    private Optional<MemberId> holderOf(String key) {
        Document row = emails.find(Filters.eq("_id", key)).first();
        return row == null ? Optional.empty() : Optional.of(MemberId.of(row.getString("memberId")));
    }
}
