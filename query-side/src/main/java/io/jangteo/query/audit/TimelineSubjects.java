package io.jangteo.query.audit;

import io.jangteo.messages.member.MemberId;
import org.axonframework.eventhandling.DomainEventMessage;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which member an event is about. The payload says so first ({@code memberId()} or {@code buyerId()} typed
 * {@link MemberId}, which also covers events of aggregates this class never heard of); failing that, the stream does:
 * the member's own, {@code rewards-<memberId>} or {@code cart-<memberId>}. A guest cart ({@code gcart-…}) belongs to
 * nobody until its merge event names the member.
 */
final class TimelineSubjects {

    private static final List<String> ACCESSORS = List.of("memberId", "buyerId");
    private static final String REWARDS = "rewards-";
    private static final String CART = "cart-";

    private final Map<Class<?>, Optional<Method>> accessors = new ConcurrentHashMap<>();

    Optional<String> memberOf(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload != null) {
            Optional<Method> accessor = accessors.computeIfAbsent(payload.getClass(), TimelineSubjects::accessor);
            if (accessor.isPresent()) {
                MemberId memberId = read(accessor.get(), payload);
                if (memberId != null) {
                    return Optional.of(memberId.value());
                }
            }
        }
        String aggregateId = event.getAggregateIdentifier();
        if ("Member".equals(event.getType())) {
            return Optional.of(aggregateId);
        }
        if (aggregateId != null && aggregateId.startsWith(REWARDS) && aggregateId.length() > REWARDS.length()) {
            return Optional.of(aggregateId.substring(REWARDS.length()));
        }
        if (aggregateId != null && aggregateId.startsWith(CART) && aggregateId.length() > CART.length()) {
            return Optional.of(aggregateId.substring(CART.length()));
        }
        return Optional.empty();
    }

    private static Optional<Method> accessor(Class<?> type) {
        for (String name : ACCESSORS) {
            try {
                Method method = type.getMethod(name);
                if (method.getReturnType() == MemberId.class) {
                    return Optional.of(method);
                }
            } catch (NoSuchMethodException e) {
                // try the next name
            }
        }
        return Optional.empty();
    }

    private static MemberId read(Method accessor, Object payload) {
        try {
            return (MemberId) accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor + " of " + payload.getClass().getName(), e);
        }
    }
}
