package io.jangteo.query.member;

import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.IdentityVerified;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.PhoneCarrier;
import io.jangteo.messages.member.VerificationId;
import io.jangteo.messages.rewards.PointsEntryId;
import io.jangteo.messages.rewards.RewardsId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.PersonalData;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;

/** Member events for the tests of this package. */
final class MemberFixtures {

    static final Address HOME = Address.korean("집", "김회원", "010-1234-5678", "06236", "서울 강남구 테헤란로 123",
            "101동 1001호");
    static final Address OFFICE = Address.korean("회사", "김회원", "010-1234-5678", "04524", "서울 중구 세종대로 110",
            "3층");
    static final String BILLING_KEY = "bk_live_5ecret";

    private MemberFixtures() {
    }

    static MemberId id(String memberId) {
        return MemberId.of(memberId);
    }

    static RewardsId rewards(String memberId) {
        return RewardsId.of(MemberId.of(memberId));
    }

    static PointsEntryId entry(String entryId) {
        return PointsEntryId.of(entryId);
    }

    static MemberRegistered registered(String memberId, String email, String phone) {
        return new MemberRegistered(id(memberId), email, "김회원", phone, ActorRole.CUSTOMER, true, false);
    }

    static MemberRegistered registered(String memberId) {
        return registered(memberId, memberId + "@example.kr", "010-0000-0000");
    }

    static AddressAdded addressAdded(String memberId, String addressId, Address address, boolean madeDefault) {
        return new AddressAdded(id(memberId), AddressId.of(addressId), address, madeDefault, null);
    }

    static IdentityVerified identityVerified(String memberId) {
        return new IdentityVerified(id(memberId), VerificationId.of("v-1"), "PASS", "김회원", LocalDate.of(1990, 5, 17),
                PhoneCarrier.SKT, "01012345678", "ci-hash-1", true);
    }

    static PaymentMethodRegistered cardRegistered(String memberId, String methodId, boolean madeDefault) {
        return new PaymentMethodRegistered(id(memberId), PaymentMethodId.of(methodId), "toss", BILLING_KEY, "SHINHAN",
                "4321", 2029, 12, madeDefault);
    }

    /**
     * The event as it reads after its member was erased: every {@code @PersonalData} component null, which is what the
     * event serializer hands out once the member's key is destroyed.
     */
    static Object erased(Object event) {
        Class<?> type = event.getClass();
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean personal = components[i].isAnnotationPresent(PersonalData.class);
                values[i] = personal ? null : components[i].getAccessor().invoke(event);
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
