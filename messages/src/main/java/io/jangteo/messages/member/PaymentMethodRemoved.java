package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import org.axonframework.serialization.Revision;

/** A stored method was removed; {@code newDefaultPaymentMethodId} is the default afterwards (or null). */
@Revision("1")
public record PaymentMethodRemoved(@DataSubject MemberId memberId, PaymentMethodId paymentMethodId,
                                   PaymentMethodId newDefaultPaymentMethodId, String reason) {}
