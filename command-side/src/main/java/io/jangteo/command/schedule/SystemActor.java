package io.jangteo.command.schedule;

import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.messaging.MetaData;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit metadata of a named system actor ({@code system:points}): role SYSTEM and a request id of its own. No
 * client address or user agent: those inherited from a triggering message belong to someone else.
 */
public final class SystemActor {

    private static final String PREFIX = "system:";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private SystemActor() {
    }

    /** {@code points} or {@code system:points} both name the actor {@code system:points}. */
    public static String id(String name) {
        String bare = name != null && name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
        if (bare == null || !NAME.matcher(bare).matches()) {
            throw new IllegalArgumentException("a system actor's name is lower-case letters, digits and dashes, was '"
                    + name + "'");
        }
        return PREFIX + bare;
    }

    public static MetaData metaData(String name) {
        return MetaData.from(Map.of(
                AuditKeys.ACTOR_ID, id(name),
                AuditKeys.ACTOR_ROLE, ActorRole.SYSTEM.name(),
                AuditKeys.REQUEST_ID, "sys-" + UUID.randomUUID()));
    }
}
