package io.jangteo.graphql.web;

import io.jangteo.graphql.MemberTestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The support console's page is public and locked down; the data it shows still needs a staff token. */
class SupportConsolePageIT extends MemberTestSupport {

    private static final String MEMBERS = "{\"query\":\"{ members(first: 1) { totalCount } }\"}";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageIsServedAtSupportWithAndWithoutTheSlashUnderAStrictContentSecurityPolicy() throws Exception {
        for (String path : new String[] {"/support", "/support/"}) {
            HttpResponse<String> page = get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(page.body()).contains("data-testid=\"sign-in-form\"", "src=\"/support/support.js\"")
                    .doesNotContain("<script>");
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                            "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void theAssetsAreServedWithoutATokenAndNothingButReadingIsAllowed() throws Exception {
        HttpResponse<String> script = get("/support/support.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().contains("javascript");
        assertThat(script.body()).contains("'/graphql'").doesNotContain("innerHTML =");
        assertThat(get("/support/support.css").statusCode()).isEqualTo(200);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/support/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(401, 403, 405);
    }

    @Test
    void theDataBehindThePageStillNeedsAStaffToken() throws Exception {
        HttpResponse<String> anonymous = graphql(null);
        assertThat(anonymous.body()).contains("\"errors\"", "UNAUTHENTICATED").doesNotContain("totalCount\":");

        HttpResponse<String> customer = graphql(newCustomer("console-page").accessToken());
        assertThat(customer.body()).contains("\"errors\"", "FORBIDDEN").doesNotContain("totalCount\":");

        HttpResponse<String> support = graphql(staff("SUPPORT").accessToken());
        assertThat(support.statusCode()).isEqualTo(200);
        assertThat(support.body()).contains("\"totalCount\":").doesNotContain("\"errors\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graphql(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(MEMBERS));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
