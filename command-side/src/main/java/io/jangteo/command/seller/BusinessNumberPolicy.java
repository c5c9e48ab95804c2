package io.jangteo.command.seller;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;

/**
 * A 사업자등록번호 is ten digits whose last is a check digit (National Tax Service scheme): weights 1,3,7,1,3,7,1,3,5 on
 * the first nine digits, plus the carry of the ninth digit times five. Checked so that a typo is caught at
 * registration, before an admin reviews the shop or a settlement goes to the wrong business.
 */
final class BusinessNumberPolicy {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    private BusinessNumberPolicy() {
    }

    /** The ten digits of a valid number written with or without dashes and spaces. */
    static String normalized(String businessNumber) {
        if (businessNumber == null) {
            throw new InvalidBusinessNumber();
        }
        String digits = businessNumber.replace("-", "").replace(" ", "");
        if (!digits.matches("[0-9]{10}") || !hasValidCheckDigit(digits)) {
            throw new InvalidBusinessNumber();
        }
        return digits;
    }

    static boolean hasValidCheckDigit(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += digit(tenDigits, i) * WEIGHTS[i];
        }
        sum += digit(tenDigits, 8) * 5 / 10;
        return (10 - sum % 10) % 10 == digit(tenDigits, 9);
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    static final class InvalidBusinessNumber extends DomainRuleViolation {
        InvalidBusinessNumber() {
            super(ErrorCode.INVALID_INPUT, List.of("businessNumber"),
                    "A business registration number is ten digits with a valid check digit");
        }
    }
}
