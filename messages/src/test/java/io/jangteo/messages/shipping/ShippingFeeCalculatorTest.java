package io.jangteo.messages.shipping;

import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ShippingFeeCalculatorTest {

    private static final SellerId S1 = SellerId.of("s-1");
    private static final SellerId S2 = SellerId.of("s-2");
    private static final Destination SEOUL = Destination.korea("06236");
    private static final RemoteAreas AREAS = RemoteAreas.defaults();

    /** Bundled: one shipment per seller. 3,000 base, free from 50,000, Jeju +3,000, islands +5,000. */
    private static final ShippingPolicy BUNDLED = new ShippingPolicy(won(3_000), won(50_000), true, won(3_000),
            won(5_000), null, won(3_000), won(6_000));

    /** Not bundled: every line its own shipment. 2,500 base, free from 30,000, Jeju +4,000, islands +6,000. */
    private static final ShippingPolicy PER_LINE = new ShippingPolicy(won(2_500), won(30_000), false, won(4_000),
            won(6_000), null, won(2_500), won(5_000));

    private static final OverseasShipping ABROAD = new OverseasShipping(List.of(
            new OverseasZone("Asia", Set.of("JP", "CN"), List.of(
                    new WeightBracket(500, won(8_000)), new WeightBracket(2_000, won(15_000)),
                    new WeightBracket(5_000, won(30_000)))),
            new OverseasZone("Americas", Set.of("US"), List.of(
                    new WeightBracket(1_000, won(20_000)), new WeightBracket(10_000, won(45_000))))));

    private static final ShippingPolicy BUNDLED_ABROAD = new ShippingPolicy(won(3_000), won(50_000), true,
            won(3_000), won(5_000), ABROAD, won(3_000), won(6_000));
    private static final ShippingPolicy PER_LINE_ABROAD = new ShippingPolicy(won(2_500), null, false, won(4_000),
            won(6_000), ABROAD, won(2_500), won(5_000));

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotes")
    void quotesEachSellersFeeWithItsBreakdown(String situation, List<ShippingLine> lines, Destination destination,
                                              Map<SellerId, VersionedPolicy> policies, ShippingQuote expected) {
        assertThat(ShippingFeeCalculator.quote(lines, destination, policies, AREAS)).isEqualTo(expected);
    }

    static Stream<Arguments> quotes() {
        return Stream.of(
                arguments("domestic: one base fee",
                        List.of(line(S1, 12_000)), SEOUL, only(S1, BUNDLED),
                        quote(3_000, fee(S1, 1, 12_000, 1, 3_000, base(3_000, 1)))),
                arguments("domestic bundle: three lines travel as one shipment",
                        List.of(line(S1, 10_000), line(S1, 5_000), line(S1, 1_000)), SEOUL, only(S1, BUNDLED),
                        quote(3_000, fee(S1, 1, 16_000, 1, 3_000, base(3_000, 1)))),
                arguments("free shipping once the seller's items pass the threshold",
                        List.of(line(S1, 30_000), line(S1, 25_000)), SEOUL, only(S1, BUNDLED),
                        quote(0, fee(S1, 1, 55_000, 1, 0, base(3_000, 1), free(3_000, 50_000)))),
                arguments("free shipping exactly at the threshold",
                        List.of(line(S1, 50_000)), SEOUL, only(S1, BUNDLED),
                        quote(0, fee(S1, 1, 50_000, 1, 0, base(3_000, 1), free(3_000, 50_000)))),
                arguments("no free shipping one won below the threshold",
                        List.of(line(S1, 49_999)), SEOUL, only(S1, BUNDLED),
                        quote(3_000, fee(S1, 1, 49_999, 1, 3_000, base(3_000, 1)))),
                arguments("Jeju: first Jeju postcode 63000",
                        List.of(line(S1, 12_000)), Destination.korea("63000"), only(S1, BUNDLED),
                        quote(6_000, fee(S1, 1, 12_000, 1, 6_000, base(3_000, 1), jeju(3_000, 1)))),
                arguments("Jeju: last Jeju postcode 63644",
                        List.of(line(S1, 12_000)), Destination.korea("63644"), only(S1, BUNDLED),
                        quote(6_000, fee(S1, 1, 12_000, 1, 6_000, base(3_000, 1), jeju(3_000, 1)))),
                arguments("62999 is just outside Jeju",
                        List.of(line(S1, 12_000)), Destination.korea("62999"), only(S1, BUNDLED),
                        quote(3_000, fee(S1, 1, 12_000, 1, 3_000, base(3_000, 1)))),
                arguments("63645 is just outside Jeju",
                        List.of(line(S1, 12_000)), Destination.korea("63645"), only(S1, BUNDLED),
                        quote(3_000, fee(S1, 1, 12_000, 1, 3_000, base(3_000, 1)))),
                arguments("Jeju surcharge stays when the base fee is waived",
                        List.of(line(S1, 60_000)), Destination.korea("63100"), only(S1, BUNDLED),
                        quote(3_000, fee(S1, 1, 60_000, 1, 3_000,
                                base(3_000, 1), free(3_000, 50_000), jeju(3_000, 1)))),
                arguments("remote island (Ulleung 40200)",
                        List.of(line(S1, 12_000)), Destination.korea("40200"), only(S1, BUNDLED),
                        quote(8_000, fee(S1, 1, 12_000, 1, 8_000, base(3_000, 1), island(5_000, 1)))),
                arguments("remote-island surcharge stays when the base fee is waived",
                        List.of(line(S1, 70_000)), Destination.korea("40240"), only(S1, BUNDLED),
                        quote(5_000, fee(S1, 1, 70_000, 1, 5_000,
                                base(3_000, 1), free(3_000, 50_000), island(5_000, 1)))),
                arguments("not bundled: every line is a shipment",
                        List.of(line(S1, 5_000), line(S1, 6_000), line(S1, 7_000)), SEOUL, only(S1, PER_LINE),
                        quote(7_500, fee(S1, 1, 18_000, 3, 7_500, base(7_500, 3)))),
                arguments("not bundled to Jeju: the surcharge is per shipment too",
                        List.of(line(S1, 5_000), line(S1, 6_000)), Destination.korea("63001"), only(S1, PER_LINE),
                        quote(13_000, fee(S1, 1, 11_000, 2, 13_000, base(5_000, 2), jeju(8_000, 2)))),
                arguments("not bundled and free: the waiver covers every shipment's base fee",
                        List.of(line(S1, 20_000), line(S1, 10_000)), SEOUL, only(S1, PER_LINE),
                        quote(0, fee(S1, 1, 30_000, 2, 0, base(5_000, 2), free(5_000, 30_000)))),
                arguments("a zero base fee leaves no component at all",
                        List.of(line(S1, 1_000)), SEOUL, only(S1, new ShippingPolicy(won(0), won(50_000), true,
                                won(0), won(0), null, won(0), won(0))),
                        quote(0, fee(S1, 1, 1_000, 1, 0))),
                arguments("overseas: 500 g is the top of the first bracket",
                        List.of(line(S1, 30_000, 300), line(S1, 20_000, 200)), abroad("JP"),
                        only(S1, BUNDLED_ABROAD),
                        quote(8_000, fee(S1, 1, 50_000, 1, 8_000, overseas(8_000, "JP (Asia), 500 g up to 500 g")))),
                arguments("overseas: 501 g falls in the second bracket",
                        List.of(line(S1, 10_000, 501)), abroad("CN"), only(S1, BUNDLED_ABROAD),
                        quote(15_000, fee(S1, 1, 10_000, 1, 15_000,
                                overseas(15_000, "CN (Asia), 501 g up to 2000 g")))),
                arguments("overseas: 5000 g is the top of the last bracket",
                        List.of(line(S1, 10_000, 5_000)), abroad("JP"), only(S1, BUNDLED_ABROAD),
                        quote(30_000, fee(S1, 1, 10_000, 1, 30_000,
                                overseas(30_000, "JP (Asia), 5000 g up to 5000 g")))),
                arguments("overseas: the zone of the country decides the rates",
                        List.of(line(S1, 10_000, 1_000)), abroad("US"), only(S1, BUNDLED_ABROAD),
                        quote(20_000, fee(S1, 1, 10_000, 1, 20_000,
                                overseas(20_000, "US (Americas), 1000 g up to 1000 g")))),
                arguments("overseas: no free shipping abroad and no domestic base fee",
                        List.of(line(S1, 900_000, 100)), abroad("JP"), only(S1, BUNDLED_ABROAD),
                        quote(8_000, fee(S1, 1, 900_000, 1, 8_000,
                                overseas(8_000, "JP (Asia), 100 g up to 500 g")))),
                arguments("overseas not bundled: each line weighed and charged on its own",
                        List.of(line(S1, 1_000, 400), line(S1, 2_000, 1_500)), abroad("JP"),
                        only(S1, PER_LINE_ABROAD),
                        quote(23_000, fee(S1, 1, 3_000, 2, 23_000,
                                overseas(8_000, "JP (Asia), shipment 1 of 2, 400 g up to 500 g"),
                                overseas(15_000, "JP (Asia), shipment 2 of 2, 1500 g up to 2000 g")))),
                arguments("two sellers: in order of first appearance, each under its own policy version",
                        List.of(line(S2, 4_000), line(S1, 60_000), line(S2, 5_000)), Destination.korea("63500"),
                        Map.of(S1, new VersionedPolicy(3, BUNDLED), S2, new VersionedPolicy(7, PER_LINE)),
                        quote(16_000,
                                fee(S2, 7, 9_000, 2, 13_000, base(5_000, 2), jeju(8_000, 2)),
                                fee(S1, 3, 60_000, 1, 3_000, base(3_000, 1), free(3_000, 50_000),
                                        jeju(3_000, 1)))),
                arguments("no lines: nothing to ship",
                        List.of(), SEOUL, only(S1, BUNDLED),
                        new ShippingQuote(List.of(), won(0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notShippable")
    void refusesWhatTheSellerDoesNotServe(String situation, List<ShippingLine> lines, Destination destination,
                                          Map<SellerId, VersionedPolicy> policies, String message) {
        assertThatThrownBy(() -> ShippingFeeCalculator.quote(lines, destination, policies, AREAS))
                .isInstanceOfSatisfying(NotShippable.class, refused -> {
                    assertThat(refused).hasMessage(message);
                    assertThat(refused.violation().code()).isEqualTo(ErrorCode.NOT_SHIPPABLE);
                    assertThat(refused.violation().field()).containsExactly("destination");
                    assertThat(refused.violation().message()).isEqualTo(message);
                });
    }

    static Stream<Arguments> notShippable() {
        return Stream.of(
                arguments("country in none of the zones",
                        List.of(line(S1, 10_000, 100)), abroad("DE"), only(S1, BUNDLED_ABROAD),
                        "s-1 does not ship to DE"),
                arguments("seller without overseas shipping",
                        List.of(line(S1, 10_000, 100)), abroad("JP"), only(S1, BUNDLED),
                        "s-1 does not ship abroad"),
                arguments("one gram heavier than the last bracket",
                        List.of(line(S1, 10_000, 3_000), line(S1, 10_000, 2_001)), abroad("JP"),
                        only(S1, BUNDLED_ABROAD),
                        "s-1 does not ship 5001 g to JP in one shipment"),
                arguments("one heavy line among light ones, not bundled",
                        List.of(line(S1, 1_000, 100), line(S1, 1_000, 10_001)), abroad("US"),
                        only(S1, PER_LINE_ABROAD),
                        "s-1 does not ship 10001 g to US in one shipment"),
                arguments("a seller without a policy, even after one that has one",
                        List.of(line(S1, 10_000), line(S2, 10_000)), SEOUL, only(S1, BUNDLED),
                        "s-2 has no shipping policy"));
    }

    @ParameterizedTest(name = "postcode \"{0}\"")
    @MethodSource("malformedPostcodes")
    void refusesADomesticPostcodeThatIsNotFiveDigits(String postcode) {
        assertThatThrownBy(() -> ShippingFeeCalculator.quote(List.of(line(S1, 10_000)), Destination.korea(postcode),
                only(S1, BUNDLED), AREAS))
                .isInstanceOfSatisfying(InvalidDestination.class, refused -> {
                    assertThat(refused.violation().code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(refused.violation().field()).containsExactly("destination", "postcode");
                    assertThat(refused).hasMessage("A Korean postcode has exactly five digits, was '" + postcode + "'");
                });
    }

    static Stream<String> malformedPostcodes() {
        // full-width digits look right to a person but are not what the postal service issues
        return Stream.of("6300", "630000", "63-00", "6300a", " 63000", "", "６３０００", null);
    }

    @ParameterizedTest(name = "country \"{0}\"")
    @MethodSource("malformedCountries")
    void refusesACountryThatIsNotAnUpperCaseAlpha2Code(String country) {
        assertThatThrownBy(() -> ShippingFeeCalculator.quote(List.of(line(S1, 10_000, 100)),
                new Destination(country, null), only(S1, BUNDLED_ABROAD), AREAS))
                .isInstanceOfSatisfying(InvalidDestination.class, refused ->
                        assertThat(refused.violation().field()).containsExactly("destination", "country"));
    }

    static Stream<String> malformedCountries() {
        // "kr" in particular must not be quoted as an overseas country
        return Stream.of("kr", "jp", "JPN", "J", "");
    }

    @Test
    void aMalformedDestinationIsReportedBeforeAMissingPolicy() {
        assertThatThrownBy(() -> ShippingFeeCalculator.quote(List.of(line(S2, 10_000)), Destination.korea("123"),
                Map.of(), AREAS))
                .isInstanceOf(InvalidDestination.class);
    }

    @Test
    void jejuRangesComeFromTheAreasGiven() {
        // operators configure the areas; the calculator must not fall back to built-in ranges
        RemoteAreas noJeju = new RemoteAreas(List.of(), List.of(new PostcodeRange(63000, 63000)));
        ShippingQuote quote = ShippingFeeCalculator.quote(List.of(line(S1, 12_000)), Destination.korea("63000"),
                only(S1, BUNDLED), noJeju);
        assertThat(quote.sellers().get(0).breakdown())
                .extracting(FeeComponent::kind).containsExactly(FeeKind.BASE, FeeKind.REMOTE_ISLAND);
    }

    @Test
    void refusesToAddALineInAnotherCurrencyThanThePolicy() {
        assertThatThrownBy(() -> ShippingFeeCalculator.quote(
                List.of(new ShippingLine(S1, 100, Money.of(1_000, "USD"))), SEOUL, only(S1, BUNDLED), AREAS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD").hasMessageContaining("KRW");
    }

    @Test
    void anOverflowingFeeFailsInsteadOfWrappingAround() {
        ShippingPolicy absurd = new ShippingPolicy(won(Long.MAX_VALUE / 2 + 1), null, false, won(0), won(0), null,
                won(0), won(0));
        assertThatThrownBy(() -> ShippingFeeCalculator.quote(List.of(line(S1, 1), line(S1, 1)), SEOUL,
                only(S1, absurd), AREAS))
                .isInstanceOf(ArithmeticException.class);
    }

    // ---- builders

    private static Money won(long amount) {
        return Money.won(amount);
    }

    private static ShippingLine line(SellerId seller, long amount) {
        return new ShippingLine(seller, 1_000, won(amount));
    }

    private static ShippingLine line(SellerId seller, long amount, long grams) {
        return new ShippingLine(seller, grams, won(amount));
    }

    private static Destination abroad(String country) {
        return new Destination(country, null);
    }

    private static Map<SellerId, VersionedPolicy> only(SellerId seller, ShippingPolicy policy) {
        return Map.of(seller, new VersionedPolicy(1, policy));
    }

    private static ShippingQuote quote(long total, SellerShippingFee... fees) {
        return new ShippingQuote(List.of(fees), won(total));
    }

    private static SellerShippingFee fee(SellerId seller, int version, long items, int shipments, long fee,
                                         FeeComponent... breakdown) {
        return new SellerShippingFee(seller, version, won(items), shipments, won(fee), Arrays.asList(breakdown));
    }

    private static FeeComponent base(long amount, int shipments) {
        return new FeeComponent(FeeKind.BASE, won(amount), "Base fee × " + shipments(shipments));
    }

    private static FeeComponent free(long waived, long threshold) {
        return new FeeComponent(FeeKind.FREE_SHIPPING, won(-waived), "Free shipping from " + threshold + " KRW");
    }

    private static FeeComponent jeju(long amount, int shipments) {
        return new FeeComponent(FeeKind.JEJU, won(amount), "Jeju surcharge × " + shipments(shipments));
    }

    private static FeeComponent island(long amount, int shipments) {
        return new FeeComponent(FeeKind.REMOTE_ISLAND, won(amount), "Remote-island surcharge × " + shipments(shipments));
    }

    private static FeeComponent overseas(long amount, String detail) {
        return new FeeComponent(FeeKind.OVERSEAS, won(amount), "Overseas to " + detail);
    }

    private static String shipments(int count) {
        return count == 1 ? "1 shipment" : count + " shipments";
    }
}
