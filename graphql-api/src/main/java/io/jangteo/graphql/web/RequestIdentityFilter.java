package io.jangteo.graphql.web;

import io.jangteo.graphql.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a fresh one), echoes it in the
 * response, and records the client's address and user agent for the audit trail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdentityFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ClientAddressResolver addresses;

    RequestIdentityFilter(ApiProperties properties) {
        this.addresses = new ClientAddressResolver(properties.http().trustedProxies());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(REQUEST_ID_HEADER);
        String requestId = offered != null && SANE_REQUEST_ID.matcher(offered).matches()
                ? offered : UUID.randomUUID().toString();
        String clientIp = addresses.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        String userAgent = RequestContext.userAgent(request.getHeader("User-Agent"));
        request.setAttribute(RequestContext.ATTRIBUTE, new RequestContext(requestId, clientIp, userAgent));
        response.setHeader(REQUEST_ID_HEADER, requestId);
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
