package io.jangteo.graphql.web;

/**
 * Where a request came from: established once per HTTP request by {@link RequestIdentityFilter}, before security, so
 * that even a refused request has an id to quote.
 */
public record RequestContext(String requestId, String clientIp, String userAgent) {
    public static final String ATTRIBUTE = RequestContext.class.getName();
    /** Key in the GraphQL context, for {@code @ContextValue(RequestContext.CONTEXT_KEY)}. */
    public static final String CONTEXT_KEY = "requestContext";

    private static final int MAX_USER_AGENT = 512;

    /** A user agent as the audit trail keeps it: bounded, since any client can send any header. */
    public static String userAgent(String header) {
        return header == null || header.length() <= MAX_USER_AGENT ? header : header.substring(0, MAX_USER_AGENT);
    }
}
