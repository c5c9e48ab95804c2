package io.jangteo.graphql;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.jangteo.graphql.AuditQueries.errorCode;
import static io.jangteo.graphql.AuditQueries.event;
import static io.jangteo.graphql.AuditQueries.iso;
import static io.jangteo.graphql.AuditQueries.ok;
import static io.jangteo.graphql.AuditQueries.run;
import static io.jangteo.graphql.AuditQueries.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may read history: support and admins all of it; a member their own streams; other customers, sellers and
 * analysts none of anyone's (analysts see no personal data, and every member event may hold some); anonymous callers
 * are asked to sign in. And no mutation can rewrite history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAuthorizationGraphQlIT extends MemberTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Account target;
    private HttpGraphQlTester self;
    private HttpGraphQlTester otherCustomer;
    private HttpGraphQlTester seller;
    private HttpGraphQlTester analyst;
    private HttpGraphQlTester support;

    @BeforeAll
    void callers() {
        target = newCustomer("audited");
        self = bearer(target.accessToken());
        otherCustomer = bearer(newCustomer("nosy").accessToken());
        seller = seller(uniqueSeller());
        analyst = bearer(staff("ANALYST").accessToken());
        support = as("SUPPORT", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemberReadsTheirOwnTimelineAuditEntriesAndStoredEvents() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(AuditQueries.timeline(self, target.memberId(), 50))
                .extracting(e -> e.get("eventType")).contains("MemberRegistered"));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(AuditQueries.auditLog(self, Map.of("aggregateId", target.memberId()), 50))
                        .extracting(e -> event(e).get("eventType")).contains("MemberRegistered"));
        assertThat(errorCode(run(self, "auditLog",
                vars("filter", Map.of("aggregateId", "rewards-" + target.memberId()), "first", 10)))).isNull();
        // a timeline entry's stored event is read when asked for
        Map<String, Object> withEvents = ok(run(self, "memberTimelineWithEvents",
                vars("memberId", target.memberId(), "first", 50)), "memberTimeline");
        assertThat((List<Map<String, Map<String, Object>>>) withEvents.get("edges"))
                .extracting(edge -> edge.get("node"))
                .filteredOn(node -> "MemberRegistered".equals(node.get("eventType")))
                .singleElement()
                .satisfies(node -> assertThat((Map<String, Object>) node.get("event"))
                        .containsEntry("eventType", "MemberRegistered").containsEntry("sequenceNumber", 0)
                        .containsKey("payload"));
        Map<String, Object> first = ok(run(self, "storedEvent",
                vars("aggregateId", target.memberId(), "sequenceNumber", 0)), "storedEvent");
        assertThat(first).containsEntry("eventType", "MemberRegistered").containsEntry("aggregateId", target.memberId());
    }

    @Test
    void customersReadNoOtherMembersHistory() {
        assertRefused(otherCustomer, "FORBIDDEN");
        // and without naming a stream of their own, not the audit log at large
        assertThat(errorCode(run(otherCustomer, "auditLog", vars("first", 10)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run(self, "auditLog", vars("first", 10)))).isEqualTo("FORBIDDEN");
        // nor what changed, even in their own streams: that is a support tool
        assertThat(errorCode(run(self, "changes", vars("aggregateId", target.memberId(),
                "from", iso(Instant.now().minusSeconds(3600)), "to", iso(Instant.now()))))).isEqualTo("FORBIDDEN");
    }

    @Test
    void sellersReadNoMembersTimelineOrAuditEntries() {
        assertRefused(seller, "FORBIDDEN");
    }

    @Test
    void analystsAreRefusedAllHistoryBecauseItHoldsPersonalData() {
        assertRefused(analyst, "FORBIDDEN");
        assertThat(errorCode(run(analyst, "auditLog", vars("first", 10)))).isEqualTo("FORBIDDEN");
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        assertRefused(anonymous(), "UNAUTHENTICATED");
    }

    @Test
    void supportReadsAnyMembersHistory() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(AuditQueries.timeline(support, target.memberId(), 50))
                .extracting(e -> e.get("eventType")).contains("MemberRegistered"));
        assertThat(errorCode(run(support, "auditLog",
                vars("filter", Map.of("aggregateId", target.memberId()), "first", 10)))).isNull();
        Map<String, Object> registered = ok(run(support, "storedEvent",
                vars("aggregateId", target.memberId(), "sequenceNumber", 0)), "storedEvent");
        assertThat(registered).containsEntry("eventType", "MemberRegistered");
    }

    @Test
    void badPagingAndInstantsAreTheCallersMistake() {
        assertThat(errorCode(run(support, "auditLog", vars("first", 10, "after", "bm90LWEtY3Vyc29y"))))
                .isEqualTo("BAD_USER_INPUT");
        assertThat(errorCode(run(support, "auditLog", vars("first", 1000)))).isEqualTo("BAD_USER_INPUT");
        assertThat(errorCode(run(support, "memberTimeline",
                vars("memberId", target.memberId(), "first", 10, "after", "garbage!")))).isEqualTo("BAD_USER_INPUT");
        assertThat(errorCode(run(support, "memberTimeline",
                vars("memberId", target.memberId(), "first", 5, "last", 5)))).isEqualTo("BAD_USER_INPUT");
        Instant now = Instant.now();
        assertThat(errorCode(run(support, "changes", vars("aggregateId", target.memberId(),
                "from", iso(now), "to", iso(now.minusSeconds(60)))))).isEqualTo("BAD_USER_INPUT");
        assertThat(errorCode(run(support, "changes", vars("aggregateId", "no-such-aggregate-" + now.toEpochMilli(),
                "from", iso(now.minusSeconds(60)), "to", iso(now))))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(run(support, "memberAsOf", vars("id", target.memberId(),
                "asOf", iso(Instant.parse("2020-01-01T00:00:00Z")))))).isEqualTo("NOT_FOUND");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noMutationEditsOrDeletesHistory() {
        List<String> mutations = anonymous().document("{ __schema { mutationType { fields { name } } } }").execute()
                .path("__schema.mutationType.fields[*].name").entityList(String.class).get();
        assertThat(mutations).isNotEmpty();
        assertThat(mutations)
                .filteredOn(name -> name.matches("(?i)^(delete|edit|update|remove|erase|purge|rewrite).*"))
                .noneMatch(name -> name.matches("(?i).*(event|history|audit|timeline).*"));
        assertThat(mutations).noneMatch(name -> name.matches("(?i).*(event|history|auditlog|timeline).*"));
    }

    private void assertRefused(HttpGraphQlTester caller, String code) {
        String member = target.memberId();
        assertThat(errorCode(run(caller, "memberTimeline", vars("memberId", member, "first", 10))))
                .as("memberTimeline").isEqualTo(code);
        assertThat(errorCode(run(caller, "auditLog", vars("filter", Map.of("aggregateId", member), "first", 10))))
                .as("auditLog").isEqualTo(code);
        assertThat(errorCode(run(caller, "auditLog",
                vars("filter", Map.of("aggregateId", "rewards-" + member), "first", 10)))).as("auditLog rewards")
                .isEqualTo(code);
        assertThat(errorCode(run(caller, "storedEvent", vars("aggregateId", member, "sequenceNumber", 0))))
                .as("storedEvent").isEqualTo(code);
        assertThat(errorCode(run(caller, "changes", vars("aggregateId", member,
                "from", iso(Instant.now().minusSeconds(3600)), "to", iso(Instant.now()))))).as("changes")
                .isEqualTo(code);
    }
}
