package io.jangteo.graphql;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the event handlers of one processing group fail for chosen aggregates, to see what the processor does with a
 * poisoned event. It wraps the handlers themselves (not the processor's interceptor chain), because only a handler's
 * failure is dead-lettered; a failing interceptor would stop the whole processor. Test profile only. Public because
 * the alert tests in another package drive dead letters through it.
 */
@Component
@Profile(ProjectionFaults.PROFILE)
public class ProjectionFaults implements HandlerEnhancerDefinition {

    public static final String PROFILE = "fault-injection";

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private volatile String group = "";

    /** Handlers of {@code processingGroup} fail from now on for events of {@code aggregateId}. */
    public void failFor(String processingGroup, String aggregateId) {
        group = processingGroup;
        failing.add(aggregateId);
    }

    public void heal() {
        failing.clear();
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup declared = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (declared == null) {
            return original;
        }
        String handlerGroup = declared.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (message instanceof DomainEventMessage<?> event && handlerGroup.equals(group)
                        && failing.contains(event.getAggregateIdentifier())) {
                    throw new InjectedFault("injected fault for " + event.getAggregateIdentifier()
                            + " #" + event.getSequenceNumber());
                }
                return super.handle(message, target);
            }
        };
    }

    static final class InjectedFault extends IllegalStateException {
        InjectedFault(String message) {
            super(message);
        }
    }
}
