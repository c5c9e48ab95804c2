package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.member.MemberId;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Base64;
import java.util.Date;

/**
 * {@link PasswordStore} in the collection {@code member_passwords}, one document per member. Hashes go through Spring
 * Security's delegating encoder: bcrypt today, and the {@code {id}} prefix of each stored hash lets a stronger default
 * take over later, each hash being re-encoded at its member's next successful sign-in.
 * <p>
 * The encoder sees a SHA-256 of the password (base64, 44 ASCII bytes), not the password: bcrypt reads only 72 bytes
 * and Spring Security refuses longer input, while we accept 128 characters, and a Hangul character takes three bytes.
 */
@Component
class MongoPasswordStore implements PasswordStore {

    static final String COLLECTION = "member_passwords";

    private final MongoCollection<Document> passwords;
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final Clock clock;

    @Autowired
    MongoPasswordStore(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    MongoPasswordStore(MongoDatabase database, Clock clock) {
        this.passwords = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public void set(MemberId memberId, String rawPassword) {
        passwords.replaceOne(Filters.eq("_id", memberId.value()),
                new Document("_id", memberId.value())
                        .append("hash", ENCODER.encode(prehashed(rawPassword)))
                        .append("changedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean matches(MemberId memberId, String rawPassword) {
        Document row = passwords.find(Filters.eq("_id", memberId.value())).first();
        if (row == null || rawPassword == null) {
            matchNothing(rawPassword);
            return false;
        }
        String hash = row.getString("hash");
        String prehashed = prehashed(rawPassword);
        if (!ENCODER.matches(prehashed, hash)) {
            return false;
        }
        if (ENCODER.upgradeEncoding(hash)) {
            // conditional on the old hash, so a password changed meanwhile is not overwritten with the old one
            passwords.updateOne(Filters.and(Filters.eq("_id", memberId.value()), Filters.eq("hash", hash)),
                    Updates.set("hash", ENCODER.encode(prehashed)));
        }
        return true;
    }

    @Override
    public void matchNothing(String rawPassword) {
        ENCODER.matches(prehashed(rawPassword == null ? "" : rawPassword), Dummy.HASH);
    }

    @Override
    public void remove(MemberId memberId) {
        passwords.deleteOne(Filters.eq("_id", memberId.value()));
    }

    private static String prehashed(String rawPassword) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(rawPassword));
    }

    /** Hashed once, with the current default, so a check against it costs what a real one does. */
    private static final class Dummy {
        static final String HASH = ENCODER.encode(prehashed(Secrets.newToken()));
    }
}
