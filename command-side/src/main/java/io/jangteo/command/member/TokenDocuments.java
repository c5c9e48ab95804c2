package io.jangteo.command.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the collections of issued tokens (sessions, password resets) share: one document per token, stored under the
 * token's SHA-256 (see {@link Secrets}) and carrying an {@code expiresAt} after which MongoDB deletes it.
 */
final class TokenDocuments {

    // a real token has 43 characters; anything much longer is not worth hashing
    private static final int MAX_TOKEN = 256;

    private TokenDocuments() {
    }

    /** MongoDB deletes tokens once they have expired; the embedded server ignores this, which costs only space. */
    static void deleteWhenExpired(MongoCollection<Document> tokens) {
        tokens.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** The {@code _id} of a token we issue. */
    static String idOf(String token) {
        return Secrets.sha256Hex(token);
    }

    /** The {@code _id} to look a presented token up by; empty when it cannot be one we issued. */
    static Optional<String> idOfPresented(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return Optional.of(idOf(token));
    }
}
