package io.jangteo.graphql.alerts;

import io.jangteo.messages.catalog.RenameProduct;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

import java.time.Duration;

/**
 * Makes the product aggregate's rename handler break, or stall as behind a slow dependency, for renames to a marked
 * name, so the alert tests see real command failures and slow requests in the application's own meters
 * ({@code jangteo.commands} outcome {@code failed}, {@code jangteo.graphql.errors} code {@code INTERNAL},
 * {@code graphql.request}). It wraps the handler itself, so the failure travels the path a bug in a handler would:
 * through the unit of work, the command metrics and the API's error mapping. Only renames to a marked name are touched,
 * so the rest of the application behaves as ever.
 */
final class CommandFaults implements HandlerEnhancerDefinition {

    /** A rename to a name starting with this fails with an exception that is no rule violation. */
    static final String BREAK = "it-break-";
    /** A rename to a name starting with this takes {@link #STALL} before it is handled. */
    static final String STALL_MARK = "it-stall-";
    static final Duration STALL = Duration.ofSeconds(3);

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof CommandMessage<?> command
                        && command.getPayload() instanceof RenameProduct rename && rename.name() != null) {
                    if (rename.name().startsWith(BREAK)) {
                        throw new BrokenHandler("injected handler failure renaming " + rename.productId());
                    }
                    if (rename.name().startsWith(STALL_MARK)) {
                        Thread.sleep(STALL.toMillis());
                    }
                }
                return super.handle(message, target);
            }
        };
    }

    /** Not a rule violation: to the application, a bug. */
    static final class BrokenHandler extends IllegalStateException {
        BrokenHandler(String message) {
            super(message);
        }
    }
}
