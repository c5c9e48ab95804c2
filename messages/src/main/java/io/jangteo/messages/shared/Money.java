package io.jangteo.messages.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in integer minor units of an ISO 4217 currency (KRW has none, so 12,000 won is {@code 12000}).
 * Never a floating-point number: totals must add up exactly.
 */
public record Money(long amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code, was '" + currency + "'");
        }
    }

    public static Money won(long amount) {
        return new Money(amount, "KRW");
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public boolean isNegative() {
        return amount < 0;
    }

    public Money plus(Money other) {
        assertSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        assertSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    private void assertSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
