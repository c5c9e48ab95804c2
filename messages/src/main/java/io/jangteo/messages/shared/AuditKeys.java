package io.jangteo.messages.shared;

import java.util.List;

/**
 * Metadata keys that every command and event carries: the audit trail. Command handlers may read them with
 * {@code @MetaDataValue} (for example to check that a seller acts on its own product).
 */
public final class AuditKeys {
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    /** The seller shop an actor with role {@code SELLER} belongs to; absent for other roles. */
    public static final String ACTOR_SELLER_ID = "actorSellerId";
    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";
    public static final String REQUEST_ID = "requestId";
    /** The request (or root message) a chain of messages started from. */
    public static final String CORRELATION_ID = "correlationId";
    /** The message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    /** The keys copied from a command to the events and commands it causes. */
    public static final List<String> PROPAGATED = List.of(
            ACTOR_ID, ACTOR_ROLE, ACTOR_SELLER_ID, CLIENT_IP, USER_AGENT, REQUEST_ID);

    /** The keys a command must carry before it is dispatched. */
    public static final List<String> REQUIRED = List.of(ACTOR_ID, ACTOR_ROLE, REQUEST_ID);

    private AuditKeys() {
    }
}
