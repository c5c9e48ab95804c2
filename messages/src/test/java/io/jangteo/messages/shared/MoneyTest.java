package io.jangteo.messages.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void wonIsKoreanWonInWholeUnits() {
        assertThat(Money.won(12_000)).isEqualTo(new Money(12_000, "KRW"));
    }

    @Test
    void acceptsAThreeLetterUpperCaseCurrencyCode() {
        assertThat(Money.of(1_999, "USD").currency()).isEqualTo("USD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KR", "KRWX", "krw", "Krw", "K1W", " KRW", "₩₩₩"})
    void refusesACurrencyThatIsNotAnIso4217Code(String currency) {
        assertThatThrownBy(() -> Money.of(1, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void refusesAMissingCurrency() {
        assertThatNullPointerException().isThrownBy(() -> new Money(1, null));
    }

    @Test
    void addsAndSubtractsAmountsOfTheSameCurrency() {
        assertThat(Money.won(12_000).plus(Money.won(3_500))).isEqualTo(Money.won(15_500));
        assertThat(Money.won(12_000).minus(Money.won(15_000))).isEqualTo(Money.won(-3_000));
    }

    @Test
    void cannotAddOrSubtractDifferentCurrencies() {
        // no implicit exchange rate: mixing currencies is always a programming error
        assertThatThrownBy(() -> Money.won(1).plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KRW").hasMessageContaining("USD");
        assertThatThrownBy(() -> Money.won(1).minus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowThrowsInsteadOfWrappingAround() {
        // a silently wrapped total would turn a huge order into a negative charge
        assertThatThrownBy(() -> Money.won(Long.MAX_VALUE).plus(Money.won(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.won(Long.MIN_VALUE).minus(Money.won(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void onlyAmountsBelowZeroAreNegative() {
        assertThat(Money.won(-1).isNegative()).isTrue();
        assertThat(Money.won(0).isNegative()).isFalse();
        assertThat(Money.won(1).isNegative()).isFalse();
    }
}
