package io.jangteo.command.order;

import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.PaymentMethodId;

import java.util.Optional;

/**
 * A member's stored payment methods (브랜드페이) as brand pay needs them: the billing key that charges one. The key
 * lives only in the member's aggregate (sealed like personal data in its events); orders never store it.
 */
public interface StoredPaymentMethods {

    /** Empty when the member has no such method: never registered, removed, or the member withdrew. */
    Optional<String> billingKey(MemberId memberId, PaymentMethodId paymentMethodId);
}
