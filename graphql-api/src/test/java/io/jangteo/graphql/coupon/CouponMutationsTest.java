package io.jangteo.graphql.coupon;

import io.jangteo.graphql.support.UserError;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Coupon aggregate names its command's fields; the payload names the mutation's input fields. */
class CouponMutationsTest {

    @Test
    void termsFieldsAreShownAtTheInputFieldsTheyCameFrom() {
        assertThat(field(List.of("terms", "ratePercent"))).containsExactly("input", "ratePercent");
        assertThat(field(List.of("terms", "scope", "ids"))).containsExactly("input", "scope", "ids");
        assertThat(field(List.of("couponId"))).containsExactly("input", "code");
        assertThat(field(List.of("code"))).containsExactly("input", "code");
        assertThat(field(List.of("reason"))).containsExactly("input", "reason");
        assertThat(field(List.of())).isEmpty();
    }

    private static List<String> field(List<String> aggregateField) {
        return CouponMutations.atInput(UserError.of(new RuleViolation(ErrorCode.INVALID_INPUT, aggregateField, "x")))
                .field();
    }
}
