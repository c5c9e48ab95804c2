package io.jangteo.messages.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RuleViolationTest {

    @Test
    void aViolationOfTheWholeCommandHasAnEmptyField() {
        assertThat(new RuleViolation(ErrorCode.FORBIDDEN, null, "no").field()).isEmpty();
    }

    @Test
    void theFieldPathCannotBeChangedAfterwards() {
        // the violation travels to the API; a caller mutating its list must not rewrite it
        List<String> path = new ArrayList<>(List.of("price", "amount"));
        RuleViolation violation = new RuleViolation(ErrorCode.INVALID_INPUT, path, "negative");
        path.clear();

        assertThat(violation.field()).containsExactly("price", "amount");
    }

    @Test
    void needsACodeAndAMessage() {
        assertThatNullPointerException().isThrownBy(() -> new RuleViolation(null, List.of(), "m"));
        assertThatNullPointerException().isThrownBy(() -> new RuleViolation(ErrorCode.CONFLICT, List.of(), null));
    }
}
