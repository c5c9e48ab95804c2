package io.jangteo.command.shared;

import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;

/** Matches the rule violation a refused command carries, for aggregate fixtures of every package. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Throwable> violation(ErrorCode code, List<String> field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                if (!(item instanceof DomainRuleViolation refused)) {
                    return false;
                }
                RuleViolation violation = refused.violation();
                return violation.code() == code
                        && violation.field().equals(field)
                        && violation.message().equals(refused.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation with code " + code + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText("was " + item + (item instanceof DomainRuleViolation refused
                        ? " with " + refused.violation() : ""));
            }
        };
    }
}
