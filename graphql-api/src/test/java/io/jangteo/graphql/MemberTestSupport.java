package io.jangteo.graphql;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real accounts over HTTP: registration, sign-in, role changes by the configured initial admin. */
public abstract class MemberTestSupport extends GraphQlTestSupport {

    protected static final String PASSWORD = "correct horse 1";

    /** A registered member and a fresh access token of theirs. */
    protected record Account(String memberId, String email, String accessToken, String refreshToken) {
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.jangteo.test";
    }

    protected HttpGraphQlTester bearer(String accessToken) {
        return anonymous().mutate().header("Authorization", "Bearer " + accessToken).build();
    }

    protected String register(String email, String name, String phone) {
        Map<String, Object> input = new HashMap<>();
        input.put("email", email);
        input.put("password", PASSWORD);
        input.put("name", name);
        input.put("phone", phone);
        input.put("emailMarketingConsent", true);
        return anonymous().documentName("registerMember").variable("input", input).execute()
                .path("registerMember.errors").entityList(Object.class).hasSize(0)
                .path("registerMember.member.id").entity(String.class).get();
    }

    protected Account logIn(String email, String password) {
        GraphQlTester.Response response = anonymous().documentName("logIn")
                .variable("input", Map.of("email", email, "password", password)).execute();
        response.path("logIn.errors").entityList(Object.class).hasSize(0);
        return new Account(response.path("logIn.member.id").entity(String.class).get(), email,
                response.path("logIn.accessToken").entity(String.class).get(),
                response.path("logIn.refreshToken").entity(String.class).get());
    }

    protected Account newCustomer(String who) {
        String email = uniqueEmail(who);
        register(email, "고객 " + who, "010-1234-5678");
        return logIn(email, PASSWORD);
    }

    protected Account admin() {
        return logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A member the admin made SUPPORT, ANALYST or ADMIN, signed in again so the token carries the role. */
    protected Account staff(String role) {
        Account account = newCustomer(role.toLowerCase());
        bearer(admin().accessToken()).document("""
                        mutation($input: ChangeMemberRoleInput!) {
                          changeMemberRole(input: $input) { member { id role } errors { code message } }
                        }""")
                .variable("input", Map.of("memberId", account.memberId(), "role", role, "reason", "staff for a test"))
                .execute()
                .path("changeMemberRole.errors").entityList(Object.class).hasSize(0)
                .path("changeMemberRole.member.role").entity(String.class).isEqualTo(role);
        return logIn(account.email(), PASSWORD);
    }

    /** Runs a member mutation and answers its payload's member, failing on user errors. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> mutateMember(HttpGraphQlTester tester, String mutation, String inputType,
                                               Map<String, Object> input) {
        GraphQlTester.Response response = tester.document("mutation($input: " + inputType + "!) { " + mutation
                        + "(input: $input) { member { ...memberFields } errors { code field message } } }")
                .fragmentName("memberFields")
                .variable("input", input).execute();
        List<Object> errors = response.path(mutation + ".errors").entityList(Object.class).get();
        if (!errors.isEmpty()) {
            throw new AssertionError(mutation + " refused: " + errors);
        }
        return response.path(mutation + ".member").entity(Map.class).get();
    }
}
