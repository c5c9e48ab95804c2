package io.jangteo.graphql;

import io.jangteo.graphql.OrderTestKit.Buyer;
import io.jangteo.graphql.OrderTestKit.Listing;
import io.jangteo.graphql.OrderTestKit.Policy;
import io.jangteo.graphql.OrderTestKit.Shop;
import io.jangteo.graphql.OrderTestKit.VariantSpec;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jangteo.graphql.AuditQueries.actor;
import static io.jangteo.graphql.AuditQueries.auditLog;
import static io.jangteo.graphql.AuditQueries.changes;
import static io.jangteo.graphql.AuditQueries.errorCode;
import static io.jangteo.graphql.AuditQueries.event;
import static io.jangteo.graphql.AuditQueries.iso;
import static io.jangteo.graphql.AuditQueries.newest;
import static io.jangteo.graphql.AuditQueries.ok;
import static io.jangteo.graphql.AuditQueries.run;
import static io.jangteo.graphql.AuditQueries.timeline;
import static io.jangteo.graphql.AuditQueries.vars;
import static io.jangteo.graphql.OrderTestKit.amount;
import static io.jangteo.graphql.OrderTestKit.line;
import static io.jangteo.graphql.OrderTestKit.list;
import static io.jangteo.graphql.OrderTestKit.map;
import static io.jangteo.graphql.OrderTestKit.orderInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispute, scripted: a member moves (changes their address) and orders from a shop whose shipping fee is
 * 3,000; support changes the member's phone on a call, with a reason; the shop then raises its fee to 4,500; the
 * member disputes the fee ("the seller raised it after I ordered") and says they never changed their address. Support
 * settles both from the audit trail: who changed the address from where, the timeline in order, the order and the
 * shop as they were at placement, and every event of the request that raised the fee. Support's own reads of the
 * member's data end up on the member's timeline.
 */
class SupportDisputeGraphQlIT extends MemberTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MEMBER_IP = "198.51.100.23";
    private static final String MEMBER_AGENT = "JangteoApp/3.2 (dispute; Android 14)";

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void supportSettlesAnAddressAndShippingFeeDisputeFromTheAuditTrail() {
        OrderTestKit kit = new OrderTestKit(port);
        Shop shop = kit.shop("분쟁상점 " + tag, new Policy(3_000, null, 3_000, 5_000, 5_000));
        Listing lamp = kit.product(shop, "스탠드 " + tag, 20_000, List.of("색상"),
                new VariantSpec(List.of("아이보리"), 0, 10));
        Buyer buyer = kit.buyer("dispute");
        // the member's phone app, behind the trusted proxy
        HttpGraphQlTester app = buyer.api().mutate()
                .header("X-Forwarded-For", MEMBER_IP)
                .header("User-Agent", MEMBER_AGENT)
                .build();

        // 1. the member's address book: one address, then they move
        Map<String, Object> added = mutateMember(app, "addAddress", "AddAddressInput",
                Map.of("address", address("04524", "서울특별시 중구 세종대로 110")));
        String addressId = (String) list(added, "addresses").get(0).get("id");
        Instant beforeMove = lastEventTime(buyer.memberId());
        mutateMember(app, "changeAddress", "ChangeAddressInput",
                Map.of("addressId", addressId, "address", address("48058", "부산광역시 해운대구 센텀중앙로 79")));

        // 2. the order, with the shop's fee as it was (3,000)
        Map<String, Object> placed = kit.change(app, "placeOrder", orderInput("dispute-" + tag,
                List.of(line(lamp, lamp.variant("아이보리"), 1)), OrderTestKit.seoulAddress(), null, 0,
                OrderTestKit.bankTransfer()));
        String orderId = (String) placed.get("id");
        assertThat(amount(placed.get("shippingTotal"))).isEqualTo(3_000);
        Instant placement = eventsOf(orderId).get(0).getTimestamp();

        // 3. support changes the phone on a call
        Account support = staff("SUPPORT");
        HttpGraphQlTester supportApi = bearer(support.accessToken());
        mutateMember(supportApi, "changeMemberPhone", "ChangeMemberPhoneInput",
                Map.of("memberId", buyer.memberId(), "phone", "010-9876-5432", "reason", "customer call 2026-12"));

        // 4. the shop raises its fee, in a request whose id we know
        int oldVersion = shopVersion(supportApi, shop.sellerId(), null);
        String feeRequest = "dispute-fee-" + tag;
        Map<String, Object> raised = new HashMap<>(Map.of("baseFee", OrderTestKit.won(4_500),
                "bundleShipping", true, "jejuSurcharge", OrderTestKit.won(3_000),
                "remoteIslandSurcharge", OrderTestKit.won(5_000), "returnFee", OrderTestKit.won(5_000),
                "exchangeFee", OrderTestKit.won(5_000)));
        shop.api().mutate().header("X-Request-Id", feeRequest).build()
                .documentName("changeShippingPolicy").variable("input", Map.of("policy", raised)).execute()
                .path("changeShippingPolicy.errors").entityList(Object.class).hasSize(0);

        // --- what support finds ---

        // the address change was the member's own, from their phone; the phone change was support's, with a reason
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> log = auditLog(supportApi, Map.of("aggregateId", buyer.memberId()), 50);
            Map<String, Object> move = newest(log, "AddressChanged");
            assertThat(actor(event(move))).containsEntry("id", buyer.memberId()).containsEntry("role", "CUSTOMER");
            assertThat(event(move)).containsEntry("clientIp", MEMBER_IP).containsEntry("userAgent", MEMBER_AGENT);
            assertThat(changes(move)).anySatisfy(change -> {
                assertThat((String) change.get("field")).startsWith("addresses");
                assertThat((String) change.get("before")).contains("세종대로");
                assertThat((String) change.get("after")).contains("센텀중앙로");
                assertThat(change.get("erased")).isEqualTo(false);
            });

            Map<String, Object> phone = newest(log, "MemberPhoneChanged");
            assertThat(actor(event(phone))).containsEntry("id", support.memberId()).containsEntry("role", "SUPPORT");
            assertThat((String) event(phone).get("payload")).contains("customer call 2026-12");
            assertThat(changes(phone)).anySatisfy(change -> {
                assertThat(change.get("field")).isEqualTo("phone");
                assertThat(digits(change.get("before"))).contains("01023456789");
                assertThat(digits(change.get("after"))).contains("01098765432");
            });
        });

        // the member's timeline tells it in order, in sentences, with support's reads of it at the end
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> entries = timeline(supportApi, buyer.memberId(), 200);
            List<String> types = entries.stream().map(e -> (String) e.get("eventType")).toList();
            assertThat(types).containsSubsequence("AddressAdded", "AddressChanged", "OrderPlaced",
                    "MemberPhoneChanged", "PersonalDataAccessed");
            assertThat(entries).extracting(e -> Instant.parse((String) e.get("occurredAt"))).isSorted();
            assertThat(summary(entries, "AddressChanged")).startsWith("Address changed by the member");
            assertThat(summary(entries, "OrderPlaced")).contains(orderId);
            assertThat(summary(entries, "MemberPhoneChanged"))
                    .contains("Phone changed by SUPPORT " + support.memberId()).contains("customer call 2026-12");
            Map<String, Object> read = entries.stream()
                    .filter(e -> "PersonalDataAccessed".equals(e.get("eventType"))).reduce((a, b) -> b).orElseThrow();
            assertThat(read.get("category")).isEqualTo("PRIVACY");
            assertThat(actor(read)).containsEntry("id", support.memberId()).containsEntry("role", "SUPPORT");
            assertThat(entries).filteredOn(e -> "MemberPhoneChanged".equals(e.get("eventType")))
                    .allSatisfy(e -> assertThat(e.get("category")).isEqualTo("PROFILE"));
        });

        // the order as it was just after placement; before it, there was none
        Map<String, Object> then = ok(run(supportApi, "orderAsOf", vars("id", orderId, "asOf", iso(placement))),
                "order");
        assertThat(then).containsEntry("id", orderId).containsEntry("buyerId", buyer.memberId());
        assertThat(amount(then.get("shippingTotal"))).isEqualTo(3_000);
        Map<String, Object> buyersView = ok(run(app, "orderAsOf", vars("id", orderId, "asOf", iso(placement))),
                "order");
        assertThat(buyersView).containsEntry("id", orderId);
        assertThat(errorCode(run(supportApi, "orderAsOf",
                vars("id", orderId, "asOf", iso(placement.minusMillis(1)))))).isEqualTo("NOT_FOUND");

        // the shop's fee at placement was the old one; now it is the new one
        Map<String, Object> shopThen = ok(run(supportApi, "sellerAsOf",
                vars("id", shop.sellerId(), "asOf", iso(placement))), "seller");
        assertThat(((Number) shopThen.get("shippingPolicyVersion")).intValue()).isEqualTo(oldVersion);
        assertThat(amount(map(map(shopThen, "shippingPolicy"), "baseFee"))).isEqualTo(3_000);
        Map<String, Object> shopNow = ok(run(supportApi, "sellerAsOf", vars("id", shop.sellerId())), "seller");
        assertThat(((Number) shopNow.get("shippingPolicyVersion")).intValue()).isGreaterThan(oldVersion);
        assertThat(amount(map(map(shopNow, "shippingPolicy"), "baseFee"))).isEqualTo(4_500);

        // the member's address as it was before they moved
        Map<String, Object> memberThen = ok(run(supportApi, "memberAsOf",
                vars("id", buyer.memberId(), "asOf", iso(beforeMove))), "member");
        assertThat(list(memberThen, "addresses")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("line1", "서울특별시 중구 세종대로 110"));
        Map<String, Object> memberNow = ok(run(supportApi, "memberAsOf", vars("id", buyer.memberId())), "member");
        assertThat(list(memberNow, "addresses")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("line1", "부산광역시 해운대구 센텀중앙로 79"));

        // what changed in the shop since the order: its shipping policy
        Map<String, Object> sinceOrder = ok(run(supportApi, "changes", vars("aggregateId", shop.sellerId(),
                "from", iso(placement), "to", iso(Instant.now()))), "changes");
        assertThat(((Number) sinceOrder.get("eventCount")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(changes(sinceOrder)).anySatisfy(c -> {
            assertThat((String) c.get("field")).containsIgnoringCase("shippingPolicy");
            assertThat((String) c.get("before")).contains("3000");
            assertThat((String) c.get("after")).contains("4500");
        });

        // the lamp as it was when ordered
        Map<String, Object> lampThen = ok(run(app, "productAsOf",
                vars("id", lamp.productId(), "asOf", iso(placement))), "product");
        assertThat(lampThen).containsEntry("id", lamp.productId()).containsEntry("name", "스탠드 " + tag);

        // the buyer reads their order's audit entries; another customer may not even ask
        assertThat(auditLog(app, Map.of("aggregateId", orderId), 20))
                .extracting(e -> event(e).get("eventType")).contains("OrderPlaced");
        HttpGraphQlTester bystander = kit.buyer("bystander").api();
        assertThat(errorCode(run(bystander, "auditLog",
                vars("filter", Map.of("aggregateId", orderId), "first", 20)))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(run(bystander, "storedEvent",
                vars("aggregateId", orderId, "sequenceNumber", 0)))).isEqualTo("FORBIDDEN");

        // support reading the order's trail is a read of its buyer's data: recorded once, before the answer
        long reads = personalDataReads(buyer.memberId());
        as("SUPPORT", null).document("""
                        query($filter: AuditLogFilter, $order: ID!) {
                          a: auditLog(filter: $filter, first: 20) { totalCount }
                          b: auditLog(filter: $filter, first: 5) { totalCount }
                          c: storedEvent(aggregateId: $order, sequenceNumber: 0) { eventId }
                        }""")
                .variable("filter", Map.of("aggregateId", orderId)).variable("order", orderId).execute()
                .errors().verify();
        assertThat(personalDataReads(buyer.memberId())).isEqualTo(reads + 1);

        // everything the fee-raising request did, and who sent it
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> request = auditLog(supportApi, Map.of("correlationId", feeRequest), 50);
            assertThat(request).isNotEmpty();
            assertThat(request).allSatisfy(e -> assertThat(event(e)).containsEntry("correlationId", feeRequest));
            Map<String, Object> feeChange = newest(request, "ShippingPolicyChanged");
            assertThat(event(feeChange)).containsEntry("aggregateId", shop.sellerId());
            assertThat(actor(event(feeChange))).containsEntry("id", shop.actorId()).containsEntry("role", "SELLER");
        });
    }

    private static Map<String, Object> address(String postcode, String line1) {
        Map<String, Object> address = new HashMap<>();
        address.put("label", "집");
        address.put("recipient", "김분쟁");
        address.put("phone", "010-2345-6789");
        address.put("country", "KR");
        address.put("postcode", postcode);
        address.put("line1", line1);
        address.put("line2", "101호");
        return address;
    }

    private Instant lastEventTime(String aggregateId) {
        List<? extends DomainEventMessage<?>> events = eventsOf(aggregateId);
        return events.get(events.size() - 1).getTimestamp();
    }

    private static int shopVersion(HttpGraphQlTester caller, String sellerId, Instant asOf) {
        Map<String, Object> seller = ok(run(caller, "sellerAsOf",
                vars("id", sellerId, "asOf", asOf == null ? null : iso(asOf))), "seller");
        return ((Number) seller.get("shippingPolicyVersion")).intValue();
    }

    private long personalDataReads(String memberId) {
        return eventsOf(memberId).stream()
                .filter(e -> e.getPayloadType().getSimpleName().equals("PersonalDataAccessed")).count();
    }

    private static String summary(List<Map<String, Object>> entries, String eventType) {
        return entries.stream().filter(e -> eventType.equals(e.get("eventType")))
                .map(e -> (String) e.get("summary")).reduce((a, b) -> b).orElseThrow();
    }

    private static String digits(Object json) {
        return json == null ? "" : json.toString().replaceAll("\\D", "");
    }
}
