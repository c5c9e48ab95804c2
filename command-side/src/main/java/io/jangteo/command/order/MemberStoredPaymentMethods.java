package io.jangteo.command.order;

import io.jangteo.command.member.Member;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.PaymentMethodId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;

/**
 * Reads a billing key from the member's aggregate, loaded through its repository within the order command's unit of
 * work. The member is locked until that command ends; no member handler ever loads an order, so the two never wait on
 * each other.
 */
final class MemberStoredPaymentMethods implements StoredPaymentMethods {

    private final Repository<Member> members;

    MemberStoredPaymentMethods(Repository<Member> members) {
        this.members = members;
    }

    @Override
    public Optional<String> billingKey(MemberId memberId, PaymentMethodId paymentMethodId) {
        if (memberId == null || paymentMethodId == null) {
            return Optional.empty();
        }
        try {
            return members.load(memberId.value()).invoke(member -> member.billingKey(paymentMethodId));
        } catch (AggregateNotFoundException noSuchMember) {
            return Optional.empty();
        }
    }
}
