package io.jangteo.graphql;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jangteo.graphql.AuditQueries.auditLog;
import static io.jangteo.graphql.AuditQueries.changes;
import static io.jangteo.graphql.AuditQueries.event;
import static io.jangteo.graphql.AuditQueries.iso;
import static io.jangteo.graphql.AuditQueries.ok;
import static io.jangteo.graphql.AuditQueries.run;
import static io.jangteo.graphql.AuditQueries.timeline;
import static io.jangteo.graphql.AuditQueries.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member who withdrew is erased everywhere, the past included: their state as of before the withdrawal shows no
 * personal data, the audit log marks their personal fields erased instead of showing them, and the timeline still
 * tells what happened in the same words as before (its summaries never held personal data).
 */
class ErasedMemberHistoryGraphQlIT extends MemberTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> PERSONAL = Set.of("name", "phone", "email");

    @Test
    void anErasedMembersPastShowsNoPersonalDataButTheSameStory() {
        Account member = newCustomer("erased");
        HttpGraphQlTester self = bearer(member.accessToken());
        Map<String, Object> address = new HashMap<>(Map.of("recipient", "김지움", "phone", "010-3333-4444",
                "country", "KR", "postcode", "04524", "line1", "서울특별시 중구 세종대로 110"));
        mutateMember(self, "addAddress", "AddAddressInput", Map.of("address", address));
        mutateMember(self, "changeMemberPhone", "ChangeMemberPhoneInput", Map.of("phone", "010-5555-6666"));
        List<? extends DomainEventMessage<?>> events = eventsOf(member.memberId());
        Instant beforeWithdrawal = events.get(events.size() - 1).getTimestamp();

        List<Map<String, Object>> told = awaitTimeline(self, member.memberId(), "MemberPhoneChanged");

        mutateMember(self, "withdrawMember", "WithdrawMemberInput", Map.of("currentPassword", PASSWORD));
        HttpGraphQlTester support = as("SUPPORT", null);

        // as they were, without what they asked us to forget
        Map<String, Object> then = ok(run(support, "memberAsOf",
                vars("id", member.memberId(), "asOf", iso(beforeWithdrawal))), "member");
        assertThat(then).containsEntry("id", member.memberId()).containsEntry("erased", true)
                .containsEntry("email", null).containsEntry("name", null).containsEntry("phone", null);
        assertThat(OrderTestKit.list(then, "addresses")).allSatisfy(a -> assertThat(a)
                .containsEntry("recipient", null).containsEntry("line1", null));

        // the same story, in the same words, with the withdrawal at its end
        List<Map<String, Object>> after = awaitTimeline(support, member.memberId(), "MemberWithdrawn");
        assertThat(after.subList(0, told.size())).extracting(e -> e.get("eventId") + " " + e.get("summary"))
                .containsExactlyElementsOf(told.stream().map(e -> e.get("eventId") + " " + e.get("summary")).toList());

        // the audit log names the personal fields that changed but shows neither side
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> log = auditLog(support, Map.of("aggregateId", member.memberId()), 50);
            List<Map<String, Object>> personal = log.stream().flatMap(e -> changes(e).stream())
                    .filter(c -> PERSONAL.contains(c.get("field")) || ((String) c.get("field")).startsWith("addresses"))
                    .toList();
            assertThat(personal).isNotEmpty();
            assertThat(personal).allSatisfy(c -> assertThat(c).containsEntry("erased", true)
                    .containsEntry("before", null).containsEntry("after", null));
            Map<String, Object> phone = AuditQueries.newest(log, "MemberPhoneChanged");
            assertThat(changes(phone)).anySatisfy(c -> assertThat(c).containsEntry("field", "phone")
                    .containsEntry("erased", true));
            assertThat((String) event(phone).get("payload")).doesNotContain("010-5555-6666");
        });
    }

    private static List<Map<String, Object>> awaitTimeline(HttpGraphQlTester caller, String memberId, String last) {
        List<List<Map<String, Object>>> seen = new java.util.ArrayList<>(List.of(List.of()));
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> entries = timeline(caller, memberId, 200);
            seen.set(0, entries);
            assertThat(entries).extracting(e -> e.get("eventType")).contains(last);
        });
        return seen.get(0);
    }
}
