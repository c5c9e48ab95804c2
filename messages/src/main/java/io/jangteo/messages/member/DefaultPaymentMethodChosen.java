package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A stored method became the default. */
@Revision("1")
public record DefaultPaymentMethodChosen(@DataSubject MemberId memberId, PaymentMethodId paymentMethodId) {}
