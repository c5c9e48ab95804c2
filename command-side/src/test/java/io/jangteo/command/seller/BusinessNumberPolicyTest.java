package io.jangteo.command.seller;

import io.jangteo.command.seller.BusinessNumberPolicy.InvalidBusinessNumber;
import io.jangteo.messages.shared.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessNumberPolicyTest {

    @ParameterizedTest(name = "{0} ({2})")
    @CsvSource({
            // published numbers of well-known Korean companies
            "124-81-00998, 1248100998, Samsung Electronics",
            "220-81-62517, 2208162517, Naver",
            "120-81-47521, 1208147521, Kakao",
            "120-88-00767, 1208800767, Coupang",
            "1248100998,   1248100998, written without dashes",
            "'124 81 00998', 1248100998, written with spaces",
    })
    void acceptsARealNumberAndKeepsItsTenDigits(String written, String digits, String whose) {
        assertThat(BusinessNumberPolicy.normalized(written)).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "124-81-00997", "124-81-00999",   // Samsung's number with the check digit off by one either way
            "220-81-62518", "123-45-67890",   // a typo in Naver's; a made-up sequence
            "124-81-0099", "124-81-009981",   // nine and eleven digits
            "124-8I-00998",                   // a letter I where a 1 belongs
            "１２４-８１-００９９８",          // full-width digits
            "124/81/00998"})
    void refusesANumberThatIsNotTenDigitsWithAValidCheckDigit(String written) {
        assertThatThrownBy(() -> BusinessNumberPolicy.normalized(written))
                .isInstanceOfSatisfying(InvalidBusinessNumber.class, refused -> {
                    assertThat(refused.violation().code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(refused.violation().field()).containsExactly("businessNumber");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingNumber(String written) {
        assertThatThrownBy(() -> BusinessNumberPolicy.normalized(written)).isInstanceOf(InvalidBusinessNumber.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // the ninth digit's carry (d9 * 5 / 10) decides these: without it the check digit would differ
            "1248100998, true",
            "1248100992, false",  // what the sum without the carry would accept
            "1078614075, true",
    })
    void theNinthDigitCarriesIntoTheSum(String digits, boolean valid) {
        assertThat(BusinessNumberPolicy.hasValidCheckDigit(digits)).isEqualTo(valid);
    }
}
