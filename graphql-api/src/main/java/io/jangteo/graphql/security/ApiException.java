package io.jangteo.graphql.security;

/**
 * A failure that is not a business rule: shown as a GraphQL error with {@code extensions.code}, not as a user error in
 * a payload.
 */
public class ApiException extends RuntimeException {

    public enum Code { UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, TIMEOUT }

    private final Code code;

    public ApiException(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
