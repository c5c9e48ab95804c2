package io.jangteo.graphql.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import io.jangteo.graphql.ApiProperties;
import io.jangteo.messages.catalog.CatalogVersion;
import io.jangteo.messages.catalog.FindCatalogVersionQuery;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Storefront traffic is mostly visitors asking the same catalog pages again and again. For an anonymous query that
 * reads only catalog data (products, categories, sellers, shipping quotes) the answer depends on nothing but the
 * document, its variables and the catalog's read models; so the answer is kept with the catalog version it was made
 * at, and served again — without executing the query — for as long as the version read at arrival is the same.
 * The version is read from the read store on every request, so a cached answer is never older than an uncached one
 * would be, on one node or many. Signed-in callers, mutations, subscriptions and answers with errors are never cached.
 * Responses say {@code X-Jangteo-Cache: hit} or {@code miss}.
 */
@Component
// after request identification and the size limit, before Spring Security (-100): a hit needs no authentication
// (only requests without credentials are cached) and repeats the headers the security chain wrote on the miss
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20)
class CatalogResponseCacheFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Jangteo-Cache";
    private static final String KEY = CatalogResponseCacheFilter.class.getName() + ".key";
    private static final String VERSION = CatalogResponseCacheFilter.class.getName() + ".version";
    private static final Set<String> CATALOG_FIELDS = Set.of(
            "products", "product", "categories", "category", "seller", "shippingQuote", "__typename");
    private static final int MAX_DOCUMENTS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FindCatalogVersionQuery VERSION_QUERY = new FindCatalogVersionQuery("response-cache");
    /** Headers that belong to one response only, or that the container sets itself. */
    private static final Set<String> NOT_REPEATED = Set.of("content-length", "content-type", "date",
            "transfer-encoding", "connection", "x-request-id", HEADER.toLowerCase(java.util.Locale.ROOT));

    private final boolean enabled;
    private final long maxBodyBytes;
    private final QueryGateway queryGateway;
    private final CatalogResponseCache cache;
    private final Map<String, Boolean> cacheableDocuments = new ConcurrentHashMap<>();

    CatalogResponseCacheFilter(ApiProperties properties, QueryGateway queryGateway) {
        this.enabled = properties.graphql().responseCache();
        this.maxBodyBytes = properties.graphql().maxRequestSize().toBytes();
        this.queryGateway = queryGateway;
        this.cache = new CatalogResponseCache(properties.graphql().responseCacheSize().toBytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !"/graphql".equals(request.getRequestURI()) || !"POST".equals(request.getMethod())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getContentLengthLong() <= 0 || request.getContentLengthLong() > maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // GraphQL answers on an async dispatch; the answer is stored when that dispatch completes
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            chain.doFilter(request, response);
            storeIfComplete(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest replay = new ReplayedRequest(request, body);
        String text = new String(body, StandardCharsets.UTF_8);
        if (!isCacheableQuery(text)) {
            chain.doFilter(replay, response);
            return;
        }
        // whatever shapes the answer's headers is part of the key: content negotiation and the caller's origin
        String key = request.getHeader(HttpHeaders.ACCEPT) + "\n" + request.getHeader(HttpHeaders.ORIGIN) + "\n" + text;
        // read before the query runs: an answer is filed under a version no newer than what it shows
        String version = queryGateway.query(VERSION_QUERY, CatalogVersion.class).join().token();
        CatalogResponseCache.Entry hit = cache.get(key, version);
        if (hit != null) {
            response.setStatus(HttpServletResponse.SC_OK);
            hit.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(hit.contentType());
            response.setHeader(HEADER, "hit");
            response.setContentLength(hit.body().length);
            response.getOutputStream().write(hit.body());
            return;
        }
        request.setAttribute(KEY, key);
        request.setAttribute(VERSION, version);
        response.setHeader(HEADER, "miss");
        ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
        chain.doFilter(replay, capturing);
        storeIfComplete(request, capturing);
    }

    private void storeIfComplete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isAsyncStarted(request)) {
            return;
        }
        ContentCachingResponseWrapper capturing =
                WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (capturing == null) {
            return;
        }
        String key = (String) request.getAttribute(KEY);
        String version = (String) request.getAttribute(VERSION);
        byte[] body = capturing.getContentAsByteArray();
        if (key != null && version != null && capturing.getStatus() == HttpServletResponse.SC_OK
                && capturing.getContentType() != null && capturing.getHeader(HttpHeaders.SET_COOKIE) == null
                && !hasErrors(body)) {
            cache.put(key, new CatalogResponseCache.Entry(version, capturing.getContentType(),
                    repeatedHeaders(capturing), body));
        }
        capturing.copyBodyToResponse();
    }

    private static Map<String, java.util.List<String>> repeatedHeaders(HttpServletResponse response) {
        Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPEATED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                headers.put(name, java.util.List.copyOf(response.getHeaders(name)));
            }
        }
        return Map.copyOf(headers);
    }

    /** A query (not a mutation or subscription) whose every root field reads catalog data only. */
    private boolean isCacheableQuery(String body) {
        String query;
        JsonNode root;
        try {
            root = JSON.readTree(body);
            query = root.path("query").asText(null);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (query == null || root.has("extensions")) {
            return false;
        }
        String operationName = root.path("operationName").isTextual() ? root.path("operationName").asText() : null;
        String documentKey = operationName + "\n" + query;
        Boolean known = cacheableDocuments.get(documentKey);
        if (known != null) {
            return known;
        }
        boolean cacheable = inspect(query, operationName);
        if (cacheableDocuments.size() < MAX_DOCUMENTS) {
            cacheableDocuments.put(documentKey, cacheable);
        }
        return cacheable;
    }

    private static boolean inspect(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return false; // the GraphQL endpoint reports the syntax error, uncached
        }
        OperationDefinition operation = null;
        for (OperationDefinition candidate : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.equals(candidate.getName())) {
                if (operation != null) {
                    return false;
                }
                operation = candidate;
            }
        }
        if (operation == null || operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return false;
        }
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (!(selection instanceof Field field) || !CATALOG_FIELDS.contains(field.getName())) {
                return false; // fragments at the root or any other field: not worth proving safe
            }
        }
        return true;
    }

    private static boolean hasErrors(byte[] body) {
        try {
            return !JSON.readTree(body).path("errors").isMissingNode();
        } catch (IOException e) {
            return true;
        }
    }

    int size() {
        return cache.size();
    }

    /** The request with its body read once here and handed on unchanged. */
    private static final class ReplayedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
