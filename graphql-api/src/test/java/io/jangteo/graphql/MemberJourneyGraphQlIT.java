package io.jangteo.graphql;

import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.command.identity.SandboxIdentityVerifier;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.RecordPurchaseConfirmed;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.rewards.SpendPoints;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's whole life over HTTP — register, sign in, change the phone, keep addresses, verify identity, store a
 * payment method, earn and spend points, withdraw — and then what support sees: who did each step, and personal data
 * erased everywhere, also after the member read model is rebuilt from the events.
 */
class MemberJourneyGraphQlIT extends MemberTestSupport {

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    SandboxIdentityVerifier identityProvider;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @SuppressWarnings("unchecked")
    void aMembersLifeIsInItsHistoryAndWithdrawalErasesItsPersonalData() {
        String email = uniqueEmail("journey");
        register(email, "김장터", "010-2222-3333");
        Account member = logIn(email, PASSWORD);
        HttpGraphQlTester self = bearer(member.accessToken());

        Map<String, Object> me = self.documentName("me").fragmentName("memberFields").execute()
                .path("me").entity(Map.class).get();
        assertThat(me).containsEntry("email", email).containsEntry("name", "김장터")
                .containsEntry("phone", "01022223333").containsEntry("status", "ACTIVE")
                .containsEntry("role", "CUSTOMER");
        assertThat((Map<String, Object>) me.get("grade")).containsEntry("code", "BASIC");

        Map<String, Object> changed = mutateMember(self, "changeMemberPhone", "ChangeMemberPhoneInput",
                Map.of("phone", "010-4444-5555"));
        assertThat(changed).containsEntry("phone", "01044445555");

        mutateMember(self, "addAddress", "AddAddressInput", Map.of("address", Map.of(
                "label", "집", "recipient", "김장터", "phone", "010-4444-5555", "country", "KR",
                "postcode", "06236", "line1", "서울특별시 강남구 테헤란로 152", "line2", "12층")));
        Map<String, Object> withTwo = mutateMember(self, "addAddress", "AddAddressInput", Map.of(
                "makeDefault", true, "address", Map.of("label", "office", "recipient", "Jangteo Kim",
                        "phone", "+14155550100", "country", "us", "postcode", "94105",
                        "line1", "1 Market St", "city", "San Francisco", "region", "CA")));
        List<Map<String, Object>> addresses = (List<Map<String, Object>>) withTwo.get("addresses");
        assertThat(addresses).hasSize(2);
        assertThat(addresses).filteredOn(a -> Boolean.TRUE.equals(a.get("isDefault")))
                .extracting(a -> a.get("country")).containsExactly("US");

        String verificationId = self.document("""
                        mutation { requestIdentityVerification(input: {name: "김장터", birthDate: "1990-03-01",
                          carrier: SKT, phone: "010-4444-5555"}) { verificationId errors { code message } } }""")
                .execute()
                .path("requestIdentityVerification.errors").entityList(Object.class).hasSize(0)
                .path("requestIdentityVerification.verificationId").entity(String.class).get();
        String code = identityProvider.lastCodeSentTo("01044445555").orElseThrow();
        self.document("mutation($input: ConfirmIdentityVerificationInput!) { confirmIdentityVerification(input: $input)"
                        + " { verified failureReason member { identityVerification { name birthDate adult } }"
                        + " errors { code message } } }")
                .variable("input", Map.of("verificationId", verificationId, "code", code))
                .execute()
                .path("confirmIdentityVerification.errors").entityList(Object.class).hasSize(0)
                .path("confirmIdentityVerification.verified").entity(Boolean.class).isEqualTo(true)
                .path("confirmIdentityVerification.member.identityVerification.birthDate").entity(String.class)
                .isEqualTo("1990-03-01")
                .path("confirmIdentityVerification.member.identityVerification.adult").entity(Boolean.class)
                .isEqualTo(true);

        Map<String, Object> withCard = mutateMember(self, "registerPaymentMethod", "RegisterPaymentMethodInput",
                Map.of("provider", "TOSS", "authKey", "sandbox_VISA_4242_1230"));
        assertThat((List<Map<String, Object>>) withCard.get("paymentMethods")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("last4", "4242").containsEntry("isDefault", true));

        // orders (a later issue) confirm purchases and spend points through these commands; here the test sends them
        MemberId memberId = MemberId.of(member.memberId());
        RewardsId rewards = RewardsId.of(memberId);
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new RecordPurchaseConfirmed(rewards, memberId, "order-" + UUID.randomUUID(), new Money(120_000, "KRW")))
                .andMetaData(AuditMetaData.system("checkout").toMetaData()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(points(self))
                .containsEntry("available", 1_200).containsEntry("pending", 0));
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                new SpendPoints(rewards, memberId, PointsEntryId.random(), 500, "order-2"))
                .andMetaData(new AuditMetaData(member.memberId(), ActorRole.CUSTOMER, null, "203.0.113.7",
                        "journey-test", "req-" + UUID.randomUUID()).toMetaData()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(points(self))
                .containsEntry("available", 700));

        Account support = staff("SUPPORT");
        HttpGraphQlTester supportApi = bearer(support.accessToken());
        mutateMember(supportApi, "changeMemberPhone", "ChangeMemberPhoneInput",
                Map.of("memberId", member.memberId(), "phone", "010-7777-8888", "reason", "customer call"));

        Map<String, Object> withdrawn = mutateMember(self, "withdrawMember", "WithdrawMemberInput",
                Map.of("currentPassword", PASSWORD, "reason", "moving abroad"));
        assertThat(withdrawn).containsEntry("status", "WITHDRAWN").containsEntry("erased", true)
                .containsEntry("email", null).containsEntry("name", null).containsEntry("phone", null);

        // what support sees afterwards: every step with its actor, and no personal data left in any event
        List<Map<String, Object>> history = historyOf(supportApi, member.memberId());
        assertThat(actorOf(history, "MemberRegistered")).containsExactly("anonymous");
        assertThat(actorOf(history, "MemberPhoneChanged")).containsExactly(member.memberId(), support.memberId());
        assertThat(actorOf(history, "AddressAdded")).containsExactly(member.memberId(), member.memberId());
        assertThat(actorOf(history, "IdentityVerified")).containsExactly(member.memberId());
        assertThat(actorOf(history, "PaymentMethodRegistered")).containsExactly(member.memberId());
        assertThat(actorOf(history, "PurchaseRecorded")).containsExactly("system:checkout");
        assertThat(actorOf(history, "PointsSpent")).containsExactly(member.memberId());
        assertThat(actorOf(history, "MemberWithdrawn")).containsExactly(member.memberId());
        assertThat(history).filteredOn(e -> "PointsSpent".equals(e.get("eventType")))
                .extracting(e -> e.get("clientIp")).containsExactly("203.0.113.7");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> erased = historyOf(supportApi, member.memberId());
            assertThat(erased).extracting(e -> (String) e.get("payload"))
                    .noneMatch(payload -> payload.contains("김장터") || payload.contains(email)
                            || payload.contains("01044445555") || payload.contains("01077778888")
                            || payload.contains("테헤란로"));
        });
        assertThat(history).filteredOn(e -> "MemberPhoneChanged".equals(e.get("eventType")))
                .extracting(e -> (String) e.get("payload")).last().asString().contains("customer call");

        // the e-mail is free again
        String again = register(email, "새 회원", "010-9999-0000");
        assertThat(again).isNotEqualTo(member.memberId());

        // rebuild the member read model from the events: the withdrawn member stays erased
        StreamingEventProcessor directory = processing.eventProcessor("member-directory", StreamingEventProcessor.class)
                .orElseThrow();
        directory.shutDown();
        directory.resetTokens();
        directory.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> rebuilt = supportApi.documentName("member").fragmentName("memberFields")
                    .variable("id", member.memberId()).execute()
                    .path("member").hasValue() // an AssertionError until the rebuilt model has the member again
                    .path("member").entity(Map.class).get();
            assertThat(rebuilt).containsEntry("status", "WITHDRAWN").containsEntry("email", null)
                    .containsEntry("name", null).containsEntry("phone", null);
            assertThat((List<Map<String, Object>>) rebuilt.get("addresses"))
                    .allSatisfy(a -> assertThat(a).containsEntry("line1", null).containsEntry("recipient", null));
            assertThat((Map<String, Object>) rebuilt.get("identityVerification")).satisfiesAnyOf(
                    identity -> assertThat(identity).isNull(),
                    identity -> assertThat(identity).containsEntry("name", null).containsEntry("phone", null));
        });
        supportApi.document("query($email: String) { members(filter: {email: $email}) { edges { node { id } } } }")
                .variable("email", email.toUpperCase()).execute()
                .path("members.edges[*].node.id").entityList(String.class).containsExactly(again);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> points(HttpGraphQlTester self) {
        return self.document("{ me { points { available pending } } }").execute()
                .path("me.points").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> historyOf(HttpGraphQlTester staff, String memberId) {
        GraphQlTester.Response response = staff.documentName("memberHistory")
                .variable("id", memberId).variable("first", 200).execute();
        return (List<Map<String, Object>>) (List<?>) response.path("member.history.edges[*].node")
                .entityList(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<String> actorOf(List<Map<String, Object>> history, String eventType) {
        return history.stream().filter(e -> eventType.equals(e.get("eventType")))
                .map(e -> (String) ((Map<String, Object>) e.get("actor")).get("id")).toList();
    }
}
