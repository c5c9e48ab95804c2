package io.jangteo.command.seller;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.SettlementAccount;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A shop's public and contact details, validated and normalised (stripped text, phone as digits) so that two ways of
 * writing the same details compare equal and a profile change that changes nothing records nothing.
 */
record SellerProfile(String shopName, String representative, String contactEmail, String contactPhone,
                     SettlementAccount settlementAccount) {

    static final int MAX_SHOP_NAME = 100;
    static final int MAX_REPRESENTATIVE = 50;
    static final int MAX_EMAIL = 254;
    // deliberately loose: one @, a dot in the domain, no spaces; the mailbox is proven by a confirmation mail, not here
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern PHONE = Pattern.compile("[0-9]{9,11}");

    static SellerProfile validated(String shopName, String representative, String contactEmail, String contactPhone,
                                   SettlementAccount settlementAccount) {
        return new SellerProfile(
                text(shopName, MAX_SHOP_NAME, "shopName", "A shop name"),
                text(representative, MAX_REPRESENTATIVE, "representative", "A representative's name"),
                email(contactEmail),
                phone(contactPhone),
                account(settlementAccount));
    }

    private static String text(String value, int max, String field, String what) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new RequiredDetailMissing(List.of(field), what + " is required");
        }
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new DetailTooLong(List.of(field), what + " has at most " + max + " characters");
        }
        return stripped;
    }

    private static String email(String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > MAX_EMAIL || !EMAIL.matcher(stripped).matches()) {
            throw new InvalidContactEmail();
        }
        return stripped;
    }

    private static String phone(String value) {
        String digits = value == null ? "" : value.strip().replace("-", "");
        if (!PHONE.matcher(digits).matches()) {
            throw new InvalidContactPhone();
        }
        return digits;
    }

    private static SettlementAccount account(SettlementAccount account) {
        if (account == null) {
            throw new RequiredDetailMissing(List.of("settlementAccount"), "A settlement account is required");
        }
        String bankCode = account.bankCode().strip();
        String holder = account.holderName().strip();
        String masked = account.maskedNumber().strip();
        if (bankCode.isEmpty()) {
            throw new RequiredDetailMissing(List.of("settlementAccount", "bankCode"), "A bank code is required");
        }
        if (holder.isEmpty()) {
            throw new RequiredDetailMissing(List.of("settlementAccount", "holderName"),
                    "An account holder is required");
        }
        // events are kept forever and copied into read models: a full account number must never enter them
        if (masked.indexOf('*') < 0) {
            throw new UnmaskedAccountNumber();
        }
        return new SettlementAccount(bankCode, holder, masked, account.providerToken());
    }

    static final class RequiredDetailMissing extends DomainRuleViolation {
        RequiredDetailMissing(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class DetailTooLong extends DomainRuleViolation {
        DetailTooLong(List<String> field, String message) {
            super(ErrorCode.INVALID_INPUT, field, message);
        }
    }

    static final class InvalidContactEmail extends DomainRuleViolation {
        InvalidContactEmail() {
            super(ErrorCode.INVALID_INPUT, List.of("contactEmail"), "A contact e-mail looks like name@example.com");
        }
    }

    static final class InvalidContactPhone extends DomainRuleViolation {
        InvalidContactPhone() {
            super(ErrorCode.INVALID_INPUT, List.of("contactPhone"),
                    "A contact phone number has 9 to 11 digits, dashes allowed");
        }
    }

    static final class UnmaskedAccountNumber extends DomainRuleViolation {
        UnmaskedAccountNumber() {
            super(ErrorCode.INVALID_INPUT, List.of("settlementAccount", "maskedNumber"),
                    "Only a masked account number (with '*') may be given, never the full number");
        }
    }
}
