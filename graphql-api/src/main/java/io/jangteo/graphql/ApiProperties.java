package io.jangteo.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the API layer.
 *
 * @param graphql  request limits and read-your-writes
 * @param security token signing and the development login
 * @param http     request identification and trusted proxies
 */
@ConfigurationProperties("jangteo.api")
public record ApiProperties(@DefaultValue Graphql graphql, @DefaultValue Security security, @DefaultValue Http http) {

    /**
     * @param maxDepth           deepest selection nesting a query may have
     * @param maxComplexity      graphql-java complexity (fields counted, lists weighted) a query may have
     * @param maxAliases         aliased fields per document (aliases multiply work for the same price)
     * @param maxRequestSize     largest request body accepted on the GraphQL endpoint
     * @param timeout            execution time limit of a query or mutation (not of subscriptions)
     * @param consistencyTimeout how long a mutation waits for its read model before answering with what it has
     * @param responseCache      answer repeated anonymous catalog queries from memory while the catalog is unchanged
     * @param responseCacheSize  memory the cached answers may take
     */
    public record Graphql(@DefaultValue("12") int maxDepth,
                          @DefaultValue("1000") int maxComplexity,
                          @DefaultValue("30") int maxAliases,
                          @DefaultValue("64KB") DataSize maxRequestSize,
                          @DefaultValue("10s") Duration timeout,
                          @DefaultValue("5s") Duration consistencyTimeout,
                          @DefaultValue("true") boolean responseCache,
                          @DefaultValue("16MB") DataSize responseCacheSize) {
    }

    /**
     * @param jwtSecret        base64 HMAC key (at least 256 bits) signing access tokens; in embedded mode generated
     *                         once into the data directory when empty; required in scale-out mode
     * @param devLoginEnabled  whether {@code devLogin} issues tokens for fixed roles without an account (off by
     *                         default: anyone could make themselves an admin; tests and local experiments turn it on)
     * @param tokenTtl         lifetime of an access token (short: a refresh token renews it)
     */
    public record Security(String jwtSecret,
                           @DefaultValue("false") boolean devLoginEnabled,
                           @DefaultValue("15m") Duration tokenTtl) {
    }

    /** @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed */
    public record Http(@DefaultValue List<String> trustedProxies) {
    }
}
