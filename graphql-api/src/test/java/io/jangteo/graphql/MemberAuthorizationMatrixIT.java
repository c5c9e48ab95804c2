package io.jangteo.graphql;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every member query and mutation, called anonymously and with each role, against one target customer. Each call's
 * outcome is compared with the access rules of issue 4: a customer reads and changes only their own data; support
 * reads anyone (personal fields too) and changes contact data with a reason, never passwords or points; admins also
 * adjust points, grades and roles; analysts read members without personal fields; sellers see no member. "ALLOWED"
 * means the rules let the call through (it may still end in a business-rule user error, e.g. a missing reason);
 * the other outcomes are the GraphQL error codes the caller gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberAuthorizationMatrixIT extends MemberTestSupport {

    enum Caller { ANONYMOUS, SELF, OTHER_CUSTOMER, SELLER, SUPPORT, ANALYST, ADMIN }

    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    private final Map<Caller, HttpGraphQlTester> callers = new EnumMap<>(Caller.class);
    private Account target;

    @BeforeAll
    void signIn() {
        target = newCustomer("target");
        callers.put(Caller.ANONYMOUS, anonymous());
        callers.put(Caller.SELF, bearer(target.accessToken()));
        callers.put(Caller.OTHER_CUSTOMER, bearer(newCustomer("other").accessToken()));
        callers.put(Caller.SELLER, seller(uniqueSeller()));
        callers.put(Caller.SUPPORT, bearer(staff("SUPPORT").accessToken()));
        callers.put(Caller.ANALYST, bearer(staff("ANALYST").accessToken()));
        callers.put(Caller.ADMIN, bearer(admin().accessToken()));
    }

    private record Operation(String name, String document, Map<String, Object> variables,
                             Map<Caller, Outcome> expected) {
    }

    private static Map<Caller, Outcome> expect(Outcome anonymous, Outcome self, Outcome other, Outcome seller,
                                               Outcome support, Outcome analyst, Outcome admin) {
        Map<Caller, Outcome> map = new EnumMap<>(Caller.class);
        map.put(Caller.ANONYMOUS, anonymous);
        map.put(Caller.SELF, self);
        map.put(Caller.OTHER_CUSTOMER, other);
        map.put(Caller.SELLER, seller);
        map.put(Caller.SUPPORT, support);
        map.put(Caller.ANALYST, analyst);
        map.put(Caller.ADMIN, admin);
        return map;
    }

    private static final Outcome A = Outcome.ALLOWED;
    private static final Outcome U = Outcome.UNAUTHENTICATED;
    private static final Outcome F = Outcome.FORBIDDEN;

    private List<Operation> operations() {
        String t = target.memberId();
        List<Operation> ops = new ArrayList<>();
        // queries
        ops.add(new Operation("me", "{ me { id } }", Map.of(), expect(A, A, A, A, A, A, A)));
        ops.add(new Operation("memberGrades", "{ memberGrades { code } }", Map.of(), expect(A, A, A, A, A, A, A)));
        ops.add(new Operation("member (non-personal fields)",
                "query($id: ID!) { member(id: $id) { id status role grade { code } points { available } } }",
                Map.of("id", t), expect(U, A, F, F, A, A, A)));
        for (String field : List.of("email", "name", "phone", "addresses { id }", "identityVerification { name }",
                "paymentMethods { last4 }", "history { totalCount }")) {
            ops.add(new Operation("member." + field, "query($id: ID!) { member(id: $id) { id " + field + " } }",
                    Map.of("id", t), expect(U, A, F, F, A, F, A)));
        }
        ops.add(new Operation("member.pointsLedger",
                "query($id: ID!) { member(id: $id) { pointsLedger { totalCount } } }",
                Map.of("id", t), expect(U, A, F, F, A, A, A)));
        ops.add(new Operation("members (non-personal)", "{ members(first: 5) { totalCount edges { node { id } } } }",
                Map.of(), expect(U, F, F, F, A, A, A)));
        ops.add(new Operation("members (personal)", "{ members(first: 2) { edges { node { id email } } } }",
                Map.of(), expect(U, F, F, F, A, F, A)));
        // mutations on the target's contact data: self, or support/admin (with a reason)
        Map<Caller, Outcome> contact = expect(U, A, F, F, A, F, A);
        ops.add(mutation("changeMemberName", "ChangeMemberNameInput",
                Map.of("memberId", t, "name", "바뀐 이름", "reason", "matrix"), contact));
        ops.add(mutation("changeMemberPhone", "ChangeMemberPhoneInput",
                Map.of("memberId", t, "phone", "010-3030-4040", "reason", "matrix"), contact));
        ops.add(mutation("changeMarketingConsent", "ChangeMarketingConsentInput",
                Map.of("memberId", t, "channel", "SMS", "granted", true, "reason", "matrix"), contact));
        ops.add(mutation("addAddress", "AddAddressInput", Map.of("memberId", t, "reason", "matrix",
                "address", Map.of("recipient", "수령인", "phone", "010-1234-5678", "country", "KR",
                        "postcode", "04524", "line1", "서울특별시 중구 세종대로 110")), contact));
        ops.add(mutation("removeAddress", "RemoveAddressInput",
                Map.of("memberId", t, "addressId", "no-such-address", "reason", "matrix"), contact));
        ops.add(mutation("removePaymentMethod", "RemovePaymentMethodInput",
                Map.of("memberId", t, "paymentMethodId", "no-such-method", "reason", "matrix"), contact));
        // withdrawal without password or reason: allowed callers get a user error and nothing happens
        ops.add(mutation("withdrawMember", "WithdrawMemberInput", Map.of("memberId", t), contact));
        // staff-only and admin-only
        ops.add(mutation("unlockMember", "UnlockMemberInput", Map.of("memberId", t, "reason", "matrix"),
                expect(U, F, F, F, A, F, A)));
        ops.add(mutation("changeMemberRole", "ChangeMemberRoleInput",
                Map.of("memberId", t, "role", "CUSTOMER", "reason", "matrix"), expect(U, F, F, F, F, F, A)));
        ops.add(mutation("adjustPoints", "AdjustPointsInput",
                Map.of("memberId", t, "delta", 10, "reason", "matrix"), expect(U, F, F, F, F, F, A)));
        ops.add(mutation("changeMemberGrade", "ChangeMemberGradeInput",
                Map.of("memberId", t, "grade", "BASIC", "reason", "matrix"), expect(U, F, F, F, F, F, A)));
        // the member's own: nobody can name another member here, so anyone signed in acts on themselves
        ops.add(mutation("changePassword", "ChangePasswordInput",
                Map.of("currentPassword", "wrong password 1", "newPassword", "another password 2"),
                expect(U, A, A, A, A, A, A)));
        ops.add(new Operation("requestIdentityVerification", """
                mutation { requestIdentityVerification(input: {name: "홍길동", birthDate: "1990-01-01", carrier: KT,
                  phone: "010-5555-0000"}) { errors { code } } }""", Map.of(), expect(U, A, A, A, A, A, A)));
        ops.add(mutation("registerPaymentMethod", "RegisterPaymentMethodInput",
                Map.of("provider", "TOSS", "authKey", "sandbox_declined"), expect(U, A, A, A, A, A, A)));
        // open to everyone
        ops.add(mutation("registerMember", "RegisterMemberInput", Map.of("email", "not-an-email",
                "password", "short", "name", "x", "phone", "1"), expect(A, A, A, A, A, A, A)));
        ops.add(new Operation("logIn", "mutation { logIn(input: {email: \"nobody@it.jangteo.test\", password: \"x\"})"
                + " { errors { code } } }", Map.of(), expect(A, A, A, A, A, A, A)));
        return ops;
    }

    private static Operation mutation(String name, String inputType, Map<String, Object> input,
                                      Map<Caller, Outcome> expected) {
        String payload = name.equals("changePassword") || name.startsWith("register") ? "errors { code }"
                : "member { id } errors { code }";
        return new Operation(name, "mutation($input: " + inputType + "!) { " + name + "(input: $input) { "
                + payload + " } }", Map.of("input", input), expected);
    }

    @Test
    void everyOperationAnswersEachCallerAsTheRulesSay() {
        Map<String, Map<Caller, Outcome>> actual = new LinkedHashMap<>();
        Map<String, Map<Caller, Outcome>> expected = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            Map<Caller, Outcome> outcomes = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                outcomes.put(caller, call(callers.get(caller), operation));
            }
            actual.put(operation.name(), outcomes);
            expected.put(operation.name(), operation.expected());
        }
        assertThat(actual).as("outcome per operation and caller").isEqualTo(expected);
    }

    private static Outcome call(HttpGraphQlTester tester, Operation operation) {
        AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.ALLOWED);
        var request = tester.document(operation.document());
        for (Map.Entry<String, Object> variable : operation.variables().entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        request.execute().errors().satisfy(errors -> {
            for (ResponseError error : errors) {
                Object code = error.getExtensions().get("code");
                if ("UNAUTHENTICATED".equals(code)) {
                    outcome.set(Outcome.UNAUTHENTICATED);
                } else if ("FORBIDDEN".equals(code) && outcome.get() == Outcome.ALLOWED) {
                    outcome.set(Outcome.FORBIDDEN);
                } else if (!"FORBIDDEN".equals(code)) {
                    throw new AssertionError(operation.name() + ": unexpected error " + error);
                }
            }
        });
        return outcome.get();
    }
}
