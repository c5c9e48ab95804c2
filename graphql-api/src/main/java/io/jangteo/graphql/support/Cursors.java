package io.jangteo.graphql.support;

import io.jangteo.graphql.security.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Opaque Relay cursors: clients must not build them, so they are encoded, and refused when they were tampered with. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** @param keyShape what a key of this kind looks like; anything else was not issued by us */
    public static String decode(String kind, String cursor, String argument, Pattern keyShape) {
        if (cursor == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ":") && keyShape.matcher(decoded.substring(kind.length() + 1)).matches()) {
                return decoded.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException ignored) {
            // fall through to the same answer as for a cursor of another kind
        }
        throw new ApiException(ApiException.Code.BAD_USER_INPUT, "'" + argument + "' is not a cursor of this list");
    }
}
