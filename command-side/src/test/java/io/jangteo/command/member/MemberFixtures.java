package io.jangteo.command.member;

import io.jangteo.messages.member.AccountLocked;
import io.jangteo.messages.member.Address;
import io.jangteo.messages.member.AddressAdded;
import io.jangteo.messages.member.AddressId;
import io.jangteo.messages.member.LoginFailed;
import io.jangteo.messages.member.LoginFailure;
import io.jangteo.messages.member.MemberId;
import io.jangteo.messages.member.MemberRegistered;
import io.jangteo.messages.member.MemberWithdrawn;
import io.jangteo.messages.member.PaymentMethodId;
import io.jangteo.messages.member.PaymentMethodRegistered;
import io.jangteo.messages.member.RegisterMember;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/** Builders shared by the member tests. */
final class MemberFixtures {

    /** Noon in Seoul on 20 November 2026. */
    static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    static final MemberId MEMBER_ID = MemberId.of("m-1");
    static final MemberId OTHER_MEMBER = MemberId.of("m-2");
    static final String EMAIL = "minji@example.com";
    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "tangerine orchard 2026";
    static final String NAME = "Kim Minji";
    static final String PHONE = "010-1234-5678";
    static final String PHONE_DIGITS = "01012345678";
    static final String REASON = "Member asked by phone, ticket #4711";
    static final AddressId HOME = AddressId.of("a-home");
    static final AddressId OFFICE = AddressId.of("a-office");
    static final PaymentMethodId CARD = PaymentMethodId.of("pm-1");
    static final PaymentMethodId OTHER_CARD = PaymentMethodId.of("pm-2");

    private MemberFixtures() {
    }

    static RegisterMember registerMember() {
        return new RegisterMember(MEMBER_ID, EMAIL, PASSWORD, NAME, PHONE, true, false);
    }

    static RegisterMember registerMember(String email, String password, String name, String phone) {
        return new RegisterMember(MEMBER_ID, email, password, name, phone, true, false);
    }

    static MemberRegistered memberRegistered() {
        return new MemberRegistered(MEMBER_ID, EMAIL, NAME, PHONE_DIGITS, ActorRole.CUSTOMER, true, false);
    }

    static MemberWithdrawn memberWithdrawn() {
        return new MemberWithdrawn(MEMBER_ID, null);
    }

    static Address home() {
        return Address.korean("Home", "Kim Minji", "01012345678", "06236", "서울특별시 강남구 테헤란로 152", "12층");
    }

    static Address office() {
        return Address.korean("Office", "Kim Minji", "01012345678", "63309", "제주특별자치도 제주시 첨단로 242", null);
    }

    static Address tokyo() {
        return new Address(null, "Kim Minji", "+81312345678", "JP", "100-0005", "1-1 Marunouchi", null,
                "Chiyoda-ku, Tokyo", null);
    }

    static AddressAdded addressAdded(AddressId addressId, Address address, boolean madeDefault) {
        return new AddressAdded(MEMBER_ID, addressId, address, madeDefault, null);
    }

    static PaymentMethodRegistered cardRegistered(PaymentMethodId paymentMethodId, String authKey,
                                                  boolean madeDefault) {
        return new PaymentMethodRegistered(MEMBER_ID, paymentMethodId, "toss", "bk-" + authKey, "VISA", "4242",
                2030, 12, madeDefault);
    }

    static LoginFailed loginFailed(int consecutiveFailures) {
        return new LoginFailed(MEMBER_ID, LoginFailure.BAD_CREDENTIALS, consecutiveFailures);
    }

    static AccountLocked accountLocked(Instant until) {
        return new AccountLocked(MEMBER_ID, until, 5);
    }

    /** The member acting on their own account. */
    static Map<String, Object> self() {
        return actingAs(ActorRole.CUSTOMER, MEMBER_ID.value());
    }

    static Map<String, Object> anotherCustomer() {
        return actingAs(ActorRole.CUSTOMER, OTHER_MEMBER.value());
    }

    static Map<String, Object> staff(ActorRole role) {
        return actingAs(role, role.name().toLowerCase() + "-1");
    }

    static Map<String, Object> system(String actorId) {
        return actingAs(ActorRole.SYSTEM, actorId);
    }

    static Map<String, Object> anonymous() {
        return actingAs(ActorRole.ANONYMOUS, "anonymous");
    }

    static Map<String, Object> actingAs(ActorRole role, String actorId) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name(), AuditKeys.ACTOR_ID, actorId,
                AuditKeys.REQUEST_ID, "req-1");
    }

    static String ofLength(int codePoints) {
        return "가".repeat(codePoints);
    }

    /** A matcher that holds when the AssertJ requirements hold, and shows their failure when not. */
    static <T> Matcher<T> satisfying(Class<T> type, Consumer<T> requirements) {
        return new TypeSafeMatcher<>(type) {
            private String failure = "";

            @Override
            protected boolean matchesSafely(T item) {
                try {
                    requirements.accept(item);
                    return true;
                } catch (AssertionError e) {
                    failure = e.getMessage();
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " meeting the requirements");
            }

            @Override
            protected void describeMismatchSafely(T item, Description mismatch) {
                mismatch.appendText(failure);
            }
        };
    }
}
