package io.jangteo.messages.member;

import io.jangteo.messages.shared.ActorRole;

import java.time.Instant;
import java.util.List;

/**
 * A member as the read model holds it. Personal fields ({@code email}, {@code name}, {@code phone}, addresses,
 * identity) are null once erased ({@code status = WITHDRAWN}). {@code status} is {@code LOCKED} while
 * {@code lockedUntil} lies ahead, as of when the view was built. {@code grade} is null until the member's rewards
 * account holds a grade (then the table's lowest applies). {@code version} is the member aggregate's last sequence
 * number, {@code rewardsVersion} the rewards account's (-1 before it exists), so a mutation on either can wait for
 * exactly its change.
 */
public record MemberView(MemberId memberId, MemberStatus status, ActorRole role, String sellerId, String email,
                         String name, String phone, ConsentView emailConsent, ConsentView smsConsent,
                         List<AddressView> addresses, IdentityView identity, List<PaymentMethodView> paymentMethods,
                         String grade, PointsBalance points, Instant lockedUntil, Instant registeredAt,
                         Instant withdrawnAt, long version, long rewardsVersion) {
    public MemberView {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        paymentMethods = paymentMethods == null ? List.of() : List.copyOf(paymentMethods);
        points = points == null ? PointsBalance.none() : points;
    }
}
