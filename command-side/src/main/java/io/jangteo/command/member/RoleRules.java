package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which roles an admin hands out, and what a staff read of personal data must record. */
final class RoleRules {

    /** SELLER comes with an approved shop, never by hand; ANONYMOUS and SYSTEM are not members' roles. */
    static final Set<ActorRole> ASSIGNABLE = EnumSet.of(ActorRole.CUSTOMER, ActorRole.SUPPORT, ActorRole.ANALYST,
            ActorRole.ADMIN);
    static final String SHOP_APPROVED = "shop approved";
    static final int MAX_PURPOSE = 500;

    private RoleRules() {
    }

    static ActorRole assignable(ActorRole role) {
        if (role == null || !ASSIGNABLE.contains(role)) {
            throw new RoleNotAssignable();
        }
        return role;
    }

    static SellerId shop(SellerId sellerId) {
        if (sellerId == null) {
            throw new ShopRequired();
        }
        return sellerId;
    }

    static List<String> accessedFields(List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new AccessedFieldsRequired();
        }
        return fields.stream().map(field -> {
            String stripped = field == null ? "" : field.strip();
            if (stripped.isEmpty()) {
                throw new AccessedFieldsRequired();
            }
            return stripped;
        }).toList();
    }

    static String purpose(String purpose) {
        String stripped = purpose == null ? "" : purpose.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_PURPOSE) {
            throw new PurposeTooLong();
        }
        return stripped.isEmpty() ? null : stripped;
    }

    static final class RoleNotAssignable extends DomainRuleViolation {
        RoleNotAssignable() {
            super(ErrorCode.INVALID_INPUT, List.of("role"),
                    "A member's role is CUSTOMER, SUPPORT, ANALYST or ADMIN; SELLER comes with an approved shop");
        }
    }

    static final class ShopRequired extends DomainRuleViolation {
        ShopRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("sellerId"), "A shop is required");
        }
    }

    static final class AccessedFieldsRequired extends DomainRuleViolation {
        AccessedFieldsRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("fields"), "Name the personal fields that were read");
        }
    }

    static final class PurposeTooLong extends DomainRuleViolation {
        PurposeTooLong() {
            super(ErrorCode.INVALID_INPUT, List.of("purpose"),
                    "A purpose has at most " + MAX_PURPOSE + " characters");
        }
    }
}
