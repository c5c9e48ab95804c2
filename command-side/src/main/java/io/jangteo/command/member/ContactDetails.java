package io.jangteo.command.member;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of a member's e-mail, name and phone numbers, normalised (stripped, phone as digits) so that two ways of
 * writing the same value compare equal and a change to the same value records nothing.
 */
final class ContactDetails {

    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 50;
    // deliberately loose: one @, a dot in the domain, no spaces; the mailbox is proven by mail, not by a pattern
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    // 010 and the older 011/016/017/018/019 prefixes, then 7 or 8 digits
    private static final Pattern KOREAN_MOBILE = Pattern.compile("01[016789][0-9]{7,8}");
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");

    private ContactDetails() {
    }

    /** The e-mail as typed, stripped (uniqueness is judged lower-cased, by the registry). */
    static String email(String email, List<String> field) {
        String stripped = email == null ? "" : email.strip();
        if (stripped.length() > MAX_EMAIL || !EMAIL.matcher(stripped).matches()) {
            throw new InvalidEmail(field);
        }
        return stripped;
    }

    static String name(String name, List<String> field) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            throw new InvalidName(field);
        }
        return stripped;
    }

    /** A Korean mobile number as its digits, or an international number in E.164 ({@code +} and 8 to 15 digits). */
    static String phone(String phone, List<String> field) {
        String compact = phone == null ? "" : phone.replace("-", "").replace(" ", "");
        if (KOREAN_MOBILE.matcher(compact).matches() || E164.matcher(compact).matches()) {
            return compact;
        }
        throw new InvalidPhone(field);
    }

    /** Identity providers verify Korean mobile subscribers only. */
    static String koreanMobile(String phone, List<String> field) {
        String compact = phone == null ? "" : phone.replace("-", "").replace(" ", "");
        if (!KOREAN_MOBILE.matcher(compact).matches()) {
            throw new InvalidPhone(field);
        }
        return compact;
    }

    static <T> T channel(T channel) {
        if (channel == null) {
            throw new ChannelRequired();
        }
        return channel;
    }

    static final class ChannelRequired extends DomainRuleViolation {
        ChannelRequired() {
            super(ErrorCode.INVALID_INPUT, List.of("channel"), "A marketing channel is required");
        }
    }

    static final class InvalidEmail extends DomainRuleViolation {
        InvalidEmail(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field,
                    "An e-mail looks like name@example.com and has at most " + MAX_EMAIL + " characters");
        }
    }

    static final class InvalidName extends DomainRuleViolation {
        InvalidName(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field, "A name has 1 to " + MAX_NAME + " characters");
        }
    }

    static final class InvalidPhone extends DomainRuleViolation {
        InvalidPhone(List<String> field) {
            super(ErrorCode.INVALID_INPUT, field,
                    "A phone number is a Korean mobile number (010-1234-5678) or international (+44...)");
        }
    }
}
