package io.jangteo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few GraphQL operations the benchmark sends, and what counts as an error in their answers. */
public final class GraphQl {

    static final String LOGIN = "mutation Login($input: DevLoginInput!) { devLogin(input: $input) "
            + "{ token expiresAt errors { code field message } } }";
    static final String CREATE = "mutation Create($input: CreateProductInput!) { createProduct(input: $input) "
            + "{ product { id name version } errors { code field message } } }";
    static final String LIST = "query List { products(first: 20) { totalCount edges { cursor node "
            + "{ id name price { amount currency } } } pageInfo { hasNextPage endCursor } } }";

    /** A storefront catalog page as a shop's front end asks for it: prices, stock, options and the seller. */
    static final String CATALOG = "query Catalog { products(first: 20, sort: NEWEST) { totalCount edges { cursor node "
            + "{ id name status brand price { amount currency } priceRange { min { amount } max { amount } } inStock "
            + "seller { id shopName } variants { id optionValues price { amount currency } stock { available } } } } "
            + "pageInfo { hasNextPage endCursor } } }";

    static final String REGISTER = "mutation Register($input: RegisterMemberInput!) { registerMember(input: $input) "
            + "{ member { id } errors { code field message } } }";
    static final String SIGN_IN = "mutation SignIn($input: LogInInput!) { logIn(input: $input) "
            + "{ accessToken refreshToken errors { code field message } } }";
    /** A member's "my page": profile, grade, points and addresses. */
    static final String MY_PAGE = "query MyPage { me { id email name phone grade { code name } "
            + "points { available pending nextExpiryAt } addresses { id line1 line2 isDefault } "
            + "marketingConsents { email { granted } sms { granted } } } }";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI uri;

    public GraphQl(HttpClient http, URI uri) {
        this.http = http;
        this.uri = uri;
    }

    static String createBody(String name) {
        ObjectNode input = JSON.createObjectNode().put("name", name);
        input.putObject("basePrice").put("amount", 12000).put("currency", "KRW");
        return body(CREATE, input);
    }

    static String registerBody(String email, String password) {
        ObjectNode input = JSON.createObjectNode().put("email", email).put("password", password)
                .put("name", "벤치 회원").put("phone", "010-1234-5678");
        return body(REGISTER, input);
    }

    static String signInBody(String email, String password) {
        return body(SIGN_IN, JSON.createObjectNode().put("email", email).put("password", password));
    }

    static String myPageBody() {
        return body(MY_PAGE, null);
    }

    static String listBody() {
        return body(LIST, null);
    }

    static String catalogBody() {
        return body(CATALOG, null);
    }

    public static String body(String query, ObjectNode input) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        if (input != null) {
            body.putObject("variables").set("input", input);
        }
        return body.toString();
    }

    /** A request body with the given variables. */
    public static String withVariables(String query, ObjectNode variables) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", variables);
        return body.toString();
    }

    /**
     * Null when the answer is a success, else a description to report. Besides HTTP status and top-level
     * GraphQL errors, a mutation payload's user errors count: a rejected create is not a create.
     */
    public static String errorOf(int status, String body) {
        if (status != 200) {
            return "HTTP " + status + ": " + body;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return "not JSON: " + body;
        }
        if (!root.path("errors").isEmpty()) {
            return body;
        }
        if (!root.path("data").isObject()) {
            return "no data: " + body;
        }
        for (JsonNode payload : root.path("data")) {
            if (!payload.path("errors").isEmpty()) {
                return body;
            }
        }
        return null;
    }

    /** Sends one request; null on success, else the error (see {@link #errorOf}). */
    String call(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(body, token);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return errorOf(response.statusCode(), response.body());
    }

    private static final byte[] ERRORS_KEY = "\"errors\"".getBytes(StandardCharsets.UTF_8);

    /**
     * Same verdict as {@link #errorOf(int, String)}, but a 200 answer without the bytes {@code "errors"} anywhere is a
     * success without decoding or parsing it: the load generator shares the machine with the application, so it
     * should not spend more on a 16 KB answer than it must.
     */
    static String errorOf(int status, byte[] body) {
        if (status == 200 && indexOf(body, ERRORS_KEY) < 0 && body.length > 0 && body[0] == '{') {
            return null;
        }
        return errorOf(status, new String(body, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    String devLogin() throws IOException, InterruptedException {
        return devLogin("SELLER", "bench-seller");
    }

    public String devLogin(String role, String sellerId) throws IOException, InterruptedException {
        return devLogin(role, sellerId, "bench-" + role.toLowerCase());
    }

    String devLogin(String role, String sellerId, String subject) throws IOException, InterruptedException {
        ObjectNode input = JSON.createObjectNode().put("role", role).put("subject", subject);
        if (sellerId != null) {
            input.put("sellerId", sellerId);
        }
        HttpResponse<String> response = post(body(LOGIN, input), null);
        String error = errorOf(response.statusCode(), response.body());
        if (error != null) {
            throw new IOException("devLogin failed: " + error);
        }
        String token = JSON.readTree(response.body()).path("data").path("devLogin").path("token").asText("");
        if (token.isBlank()) {
            throw new IOException("devLogin returned no token: " + response.body());
        }
        return token;
    }

    /** Sends one request and answers its body, whatever it says. */
    public String callForBody(String body, String token) throws IOException, InterruptedException {
        return post(body, token).body();
    }

    /** A set-up mutation that must succeed; answers its payload ({@code data.<field>}). */
    public JsonNode mutation(String query, ObjectNode input, String token, String field)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(body(query, input), token);
        String error = errorOf(response.statusCode(), response.body());
        if (error != null) {
            throw new IOException(field + " failed: " + error);
        }
        return JSON.readTree(response.body()).path("data").path(field);
    }

    /** Registers a member and signs them in; answers their access token. */
    String member(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> registered = post(registerBody(email, password), null);
        String error = errorOf(registered.statusCode(), registered.body());
        if (error != null) {
            throw new IOException("registerMember failed: " + error);
        }
        HttpResponse<String> signedIn = post(signInBody(email, password), null);
        error = errorOf(signedIn.statusCode(), signedIn.body());
        if (error != null) {
            throw new IOException("logIn failed: " + error);
        }
        return JSON.readTree(signedIn.body()).path("data").path("logIn").path("accessToken").asText();
    }

    /** totalCount of products once it reaches {@code expected}, or whatever it is when {@code limit} runs out. */
    long awaitProductCount(String token, long expected, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            HttpResponse<String> response = post(listBody(), token);
            String error = errorOf(response.statusCode(), response.body());
            if (error != null) {
                throw new IOException("products query failed: " + error);
            }
            long count = JSON.readTree(response.body()).path("data").path("products").path("totalCount").asLong();
            if (count >= expected || System.nanoTime() > deadline) {
                return count;
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        return http.send(request(body, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
