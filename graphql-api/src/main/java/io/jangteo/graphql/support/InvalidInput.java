package io.jangteo.graphql.support;

import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * Input the API refuses before any command is sent (an id that cannot be one, a malformed amount); a mutation turns it
 * into a user error in its payload, so nothing changes and the caller learns which field to fix.
 */
public final class InvalidInput extends RuntimeException {

    private final transient UserError error;

    public InvalidInput(ErrorCode code, List<String> field, String message) {
        super(message, null, false, false);
        this.error = new UserError(code, field, message);
    }

    public UserError error() {
        return error;
    }
}
