package io.jangteo.graphql.security;

/**
 * A failure that is not a business rule: shown as a GraphQL error with {@code extensions.code}, not as a user error in
 * a payload.
 */
public class ApiException extends RuntimeException {

    /**
     * {@code NOT_FOUND} is for questions that name something which must exist to be answered, such as an aggregate
     * asked for as of an instant before its first event; a plain lookup keeps answering null.
     */
    public enum Code { UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, TIMEOUT }

    private final Code code;

    public ApiException(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
