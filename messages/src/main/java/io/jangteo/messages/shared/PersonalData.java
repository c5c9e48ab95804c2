package io.jangteo.messages.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a top-level component of an event record as personal data of the event's {@link DataSubject}. The event store
 * never holds it in clear: the event serializer encrypts the component's JSON value with the subject's own key, and
 * once that key is destroyed (withdrawal, see {@link ErasesPersonalData}) the component reads back as {@code null}
 * everywhere: in aggregates, projections, replays and history. Event constructors must therefore accept {@code null}
 * for every personal component.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}
