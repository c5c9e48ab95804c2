package io.jangteo.axon.audit;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who acts, from where, in which request: attached to every command, and from there copied to every event it causes.
 *
 * @param actorSellerId the seller shop of a {@code SELLER} actor, else null
 * @param clientIp      null for system actors
 * @param userAgent     null for system actors
 */
public record AuditMetaData(String actorId, ActorRole actorRole, String actorSellerId,
                            String clientIp, String userAgent, String requestId) {

    public AuditMetaData {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * A named system actor (a saga, a deadline, a scheduler), e.g. {@code system("checkout")} acts as
     * {@code system:checkout}. Its request id is fresh unless it acts on behalf of a request.
     */
    public static AuditMetaData system(String name) {
        return new AuditMetaData("system:" + name, ActorRole.SYSTEM, null, null, null,
                "sys-" + UUID.randomUUID());
    }

    /**
     * The metadata of a command dispatched by this actor. A person's request roots a new correlation chain; a system
     * actor acting inside a chain (a saga reacting to an event) keeps that chain's correlation id, which Axon carries
     * over from the message being handled.
     */
    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>(8);
        values.put(AuditKeys.ACTOR_ID, actorId);
        values.put(AuditKeys.ACTOR_ROLE, actorRole.name());
        putIfPresent(values, AuditKeys.ACTOR_SELLER_ID, actorSellerId);
        putIfPresent(values, AuditKeys.CLIENT_IP, clientIp);
        putIfPresent(values, AuditKeys.USER_AGENT, userAgent);
        values.put(AuditKeys.REQUEST_ID, requestId);
        if (actorRole != ActorRole.SYSTEM) {
            values.put(AuditKeys.CORRELATION_ID, requestId);
        }
        return MetaData.from(values);
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
