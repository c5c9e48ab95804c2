package io.jangteo.axon.audit;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

class AuditMetaDataTest {

    private final AuditMetaData seller = new AuditMetaData("u-7", ActorRole.SELLER, "s-1", "203.0.113.9",
            "Mozilla/5.0", "req-42");

    @Test
    void carriesEveryAuditKeyAndRootsTheCorrelationAtTheRequest() {
        MetaData metaData = seller.toMetaData();

        assertThat(metaData).containsOnly(
                entry(AuditKeys.ACTOR_ID, "u-7"),
                entry(AuditKeys.ACTOR_ROLE, "SELLER"),
                entry(AuditKeys.ACTOR_SELLER_ID, "s-1"),
                entry(AuditKeys.CLIENT_IP, "203.0.113.9"),
                entry(AuditKeys.USER_AGENT, "Mozilla/5.0"),
                entry(AuditKeys.REQUEST_ID, "req-42"),
                entry(AuditKeys.CORRELATION_ID, "req-42"));
    }

    @Test
    void carriesEveryKeyACommandMustHave() {
        assertThat(seller.toMetaData()).containsKeys(AuditKeys.REQUIRED.toArray(String[]::new));
        assertThat(AuditMetaData.system("checkout").toMetaData())
                .containsKeys(AuditKeys.REQUIRED.toArray(String[]::new));
    }

    @Test
    void leavesOutWhatItDoesNotKnowRatherThanStoringNulls() {
        Map<String, Object> metaData = new AuditMetaData("u-8", ActorRole.CUSTOMER, null, null, null, "req-43")
                .toMetaData();

        assertThat(metaData).doesNotContainKeys(AuditKeys.ACTOR_SELLER_ID, AuditKeys.CLIENT_IP, AuditKeys.USER_AGENT)
                .doesNotContainValue(null);
    }

    @Test
    void aSystemActorIsNamedAndActsWithTheSystemRole() {
        AuditMetaData checkout = AuditMetaData.system("checkout");

        assertThat(checkout.actorId()).isEqualTo("system:checkout");
        assertThat(checkout.actorRole()).isEqualTo(ActorRole.SYSTEM);
        assertThat(checkout.actorSellerId()).isNull();
        assertThat(checkout.clientIp()).isNull();
        assertThat(checkout.userAgent()).isNull();
        assertThat(checkout.toMetaData()).containsEntry(AuditKeys.ACTOR_ROLE, "SYSTEM");
    }

    @Test
    void eachSystemActionIsItsOwnRequest() {
        AuditMetaData first = AuditMetaData.system("checkout");
        AuditMetaData second = AuditMetaData.system("checkout");

        assertThat(first.requestId()).startsWith("sys-").isNotEqualTo(second.requestId());
    }

    @Test
    void needsAnActorARoleAndARequest() {
        assertThatNullPointerException().isThrownBy(
                () -> new AuditMetaData(null, ActorRole.ADMIN, null, null, null, "r"));
        assertThatNullPointerException().isThrownBy(
                () -> new AuditMetaData("u", null, null, null, null, "r"));
        assertThatNullPointerException().isThrownBy(
                () -> new AuditMetaData("u", ActorRole.ADMIN, null, null, null, null));
    }
}
