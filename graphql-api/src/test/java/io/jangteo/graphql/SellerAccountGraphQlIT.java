package io.jangteo.graphql;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member opens a shop with their own account; once an admin approves it, the onboarding links the account to the
 * shop and the member's next sign-in is a SELLER of that shop, who can manage it — no development token involved.
 */
class SellerAccountGraphQlIT extends MemberTestSupport {

    @Test
    void aMemberWhoseShopIsApprovedSignsInAsItsSeller() {
        Account owner = newCustomer("shop-owner");
        String sellerId = bearer(owner.accessToken()).documentName("registerSeller")
                .variable("input", Map.of(
                        "shopName", "계정상회", "representative", "정바다", "businessNumber", "220-81-62517",
                        "contactEmail", "shop@account.example", "contactPhone", "010-1234-5678",
                        "settlementAccount", Map.of("bankCode", "088", "holderName", "정바다",
                                "maskedNumber", "110-***-***789", "providerToken", "tok_bank_1")))
                .execute()
                .path("registerSeller.errors").entityList(Object.class).hasSize(0)
                .path("registerSeller.seller.id").entity(String.class).get();
        assertThat(eventsOf(sellerId).get(0).getMetaData().get("actorId")).isEqualTo(owner.memberId());

        bearer(admin().accessToken()).documentName("sellerDecision").operationName("approveSeller")
                .variable("sellerId", sellerId).execute()
                .path("approveSeller.errors").entityList(Object.class).hasSize(0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(logIn(owner.email(), PASSWORD).accessToken()).satisfies(token ->
                        bearer(token).document("{ me { role sellerId } }").execute()
                                .path("me.role").entity(String.class).isEqualTo("SELLER")
                                .path("me.sellerId").entity(String.class).isEqualTo(sellerId)));

        HttpGraphQlTester seller = bearer(logIn(owner.email(), PASSWORD).accessToken());
        seller.document("""
                        mutation($input: ChangeSellerProfileInput!) {
                          changeSellerProfile(input: $input) { seller { shopName } errors { code message } } }""")
                .variable("input", Map.of("sellerId", sellerId, "shopName", "계정상회 본점", "representative", "정바다",
                        "contactEmail", "shop@account.example", "contactPhone", "010-1234-5678",
                        "settlementAccount", Map.of("bankCode", "088", "holderName", "정바다",
                                "maskedNumber", "110-***-***789", "providerToken", "tok_bank_1")))
                .execute()
                .path("changeSellerProfile.errors").entityList(Object.class).hasSize(0)
                .path("changeSellerProfile.seller.shopName").entity(String.class).isEqualTo("계정상회 본점");
    }
}
