package io.jangteo.graphql.web;

/**
 * Where a request came from: established once per HTTP request by {@link RequestIdentityFilter}, before security, so
 * that even a refused request has an id to quote.
 */
public record RequestContext(String requestId, String clientIp, String userAgent) {
    public static final String ATTRIBUTE = RequestContext.class.getName();
    /** Key in the GraphQL context, for {@code @ContextValue(RequestContext.CONTEXT_KEY)}. */
    public static final String CONTEXT_KEY = "requestContext";
}
