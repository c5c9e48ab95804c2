package io.jangteo.messages.member;

import io.jangteo.messages.shared.DataSubject;
import io.jangteo.messages.shared.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * A payment method was stored. {@code billingKey} is the provider token that charges it, encrypted like personal
 * data; never a card number.
 */
@Revision("1")
public record PaymentMethodRegistered(@DataSubject MemberId memberId, PaymentMethodId paymentMethodId,
                                      String provider, @PersonalData String billingKey, String brand, String last4,
                                      int expiryYear, int expiryMonth, boolean madeDefault) {}
