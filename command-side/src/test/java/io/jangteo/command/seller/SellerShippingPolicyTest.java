package io.jangteo.command.seller;

import io.jangteo.command.seller.SellerAccessPolicy.NotShopOwner;
import io.jangteo.command.seller.SellerLifecycle.RejectedSellerIsClosed;
import io.jangteo.command.seller.ShippingPolicyRules.CountryInTwoZones;
import io.jangteo.command.seller.ShippingPolicyRules.DomesticCountryInZone;
import io.jangteo.command.seller.ShippingPolicyRules.DuplicateZoneName;
import io.jangteo.command.seller.ShippingPolicyRules.FreeShippingThresholdNotPositive;
import io.jangteo.command.seller.ShippingPolicyRules.InvalidCountryCode;
import io.jangteo.command.seller.ShippingPolicyRules.MixedCurrencies;
import io.jangteo.command.seller.ShippingPolicyRules.NegativeAmount;
import io.jangteo.command.seller.ShippingPolicyRules.OverseasZonesRequired;
import io.jangteo.command.seller.ShippingPolicyRules.WeightBracketsNotAscending;
import io.jangteo.command.seller.ShippingPolicyRules.WeightBracketsRequired;
import io.jangteo.command.seller.ShippingPolicyRules.ZoneCountriesRequired;
import io.jangteo.command.seller.ShippingPolicyRules.ZoneNameRequired;
import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.seller.ChangeShippingPolicy;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shipping.OverseasShipping;
import io.jangteo.messages.shipping.ShippingPolicy;
import io.jangteo.messages.shipping.WeightBracket;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.jangteo.command.seller.SellerFixtures.OTHER_SELLER;
import static io.jangteo.command.seller.SellerFixtures.SELLER_ID;
import static io.jangteo.command.seller.SellerFixtures.actingAs;
import static io.jangteo.command.seller.SellerFixtures.asia;
import static io.jangteo.command.seller.SellerFixtures.bracket;
import static io.jangteo.command.seller.SellerFixtures.domesticPolicy;
import static io.jangteo.command.seller.SellerFixtures.policyAbroad;
import static io.jangteo.command.seller.SellerFixtures.policyChanged;
import static io.jangteo.command.seller.SellerFixtures.seller;
import static io.jangteo.command.seller.SellerFixtures.sellerApproved;
import static io.jangteo.command.seller.SellerFixtures.sellerRegistered;
import static io.jangteo.command.seller.SellerFixtures.sellerRejected;
import static io.jangteo.command.seller.SellerFixtures.sellerSuspended;
import static io.jangteo.command.seller.SellerFixtures.won;
import static io.jangteo.command.seller.SellerFixtures.zone;
import static io.jangteo.command.shared.Violations.violation;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SellerShippingPolicyTest {

    private FixtureConfiguration<Seller> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Seller.class);
    }

    @Test
    void theFirstPolicyIsVersionOne() {
        fixture.given(sellerRegistered(), sellerApproved())
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy()), seller(SELLER_ID))
                .expectEvents(policyChanged(1, domesticPolicy()))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aPendingShopMayPrepareItsPolicyBeforeApproval() {
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy()), seller(SELLER_ID))
                .expectEvents(policyChanged(1, domesticPolicy()));
    }

    @Test
    void aSuspendedShopMayChangeItsPolicy() {
        fixture.given(sellerRegistered(), sellerApproved(), sellerSuspended())
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy()), seller(SELLER_ID))
                .expectEvents(policyChanged(1, domesticPolicy()));
    }

    @Test
    void everyChangeIsTheNextPolicyVersion() {
        fixture.given(sellerRegistered(), policyChanged(1, domesticPolicy()), policyChanged(2, policyAbroad(asia())))
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy(won(2_500))), seller(SELLER_ID))
                .expectEvents(policyChanged(3, domesticPolicy(won(2_500))))
                .expectResultMessagePayload(3L);
    }

    @Test
    void theSamePolicyAgainChangesNothing() {
        // a new version of an identical policy would make orders quoted under the old one look outdated
        fixture.given(sellerRegistered(), policyChanged(1, policyAbroad(asia())))
                .when(new ChangeShippingPolicy(SELLER_ID, policyAbroad(asia())), seller(SELLER_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void zoneNamesAreRecordedStrippedSoSpacesAloneChangeNothing() {
        fixture.given(sellerRegistered(), policyChanged(1, policyAbroad(asia())))
                .when(new ChangeShippingPolicy(SELLER_ID, policyAbroad(zone(" Asia ", Set.of("CN", "JP"),
                        bracket(500, 8_000), bracket(2_000, 15_000)))), seller(SELLER_ID))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void zoneNamesAreRecordedStripped() {
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, policyAbroad(zone(" Asia\t", Set.of("JP", "CN"),
                        bracket(500, 8_000), bracket(2_000, 15_000)))), seller(SELLER_ID))
                .expectEvents(policyChanged(1, policyAbroad(asia())));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"ADMIN", "SYSTEM"})
    void staffChangesAShopsPolicy(ActorRole role) {
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy()), actingAs(role))
                .expectEvents(policyChanged(1, domesticPolicy()));
    }

    @Test
    void anotherSellerCannotChangeThePolicy() {
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy()), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotShopOwner.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = ActorRole.class, names = {"CUSTOMER", "SUPPORT", "ANALYST", "ANONYMOUS", "SELLER"})
    void onlyTheOwnerOrStaffChangesThePolicy(ActorRole role) {
        // a SELLER role without a shop must not match "no shop" as its own
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy()), actingAs(role))
                .expectNoEvents()
                .expectException(NotShopOwner.class);
    }

    @Test
    void aRejectedShopCannotChangeItsPolicy() {
        fixture.given(sellerRegistered(), sellerRejected())
                .when(new ChangeShippingPolicy(SELLER_ID, domesticPolicy()), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(RejectedSellerIsClosed.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void aFreeBaseFeeAndNoThresholdIsAValidPolicy() {
        ShippingPolicy alwaysFree = new ShippingPolicy(won(0), null, false, won(0), won(0), null, won(0), won(0));
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, alwaysFree), seller(SELLER_ID))
                .expectEvents(policyChanged(1, alwaysFree));
    }

    @Test
    void aPolicyInAnotherCurrencyThanWonIsFineWhenItIsOneCurrency() {
        Money usd = Money.of(500, "USD");
        ShippingPolicy inDollars = new ShippingPolicy(usd, Money.of(5_000, "USD"), true, usd, usd,
                new OverseasShipping(List.of(zone("Americas", Set.of("US", "CA"), new WeightBracket(1_000, usd)))),
                usd, usd);
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, inDollars), seller(SELLER_ID))
                .expectEvents(policyChanged(1, inDollars));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolicies")
    void refusesAPolicyTheCalculatorCouldNotApply(String why, ShippingPolicy policy,
                                                  Class<? extends DomainRuleViolation> rule, List<String> field) {
        fixture.given(sellerRegistered())
                .when(new ChangeShippingPolicy(SELLER_ID, policy), seller(SELLER_ID))
                .expectNoEvents()
                .expectException(rule)
                .expectException(violation(ErrorCode.INVALID_INPUT, field));
    }

    static Stream<Arguments> invalidPolicies() {
        List<String> zone0 = List.of("policy", "overseas", "zones", "0");
        List<String> zone1 = List.of("policy", "overseas", "zones", "1");
        return Stream.of(
                arguments("negative base fee", domesticPolicy(won(-1)), NegativeAmount.class,
                        List.of("policy", "baseFee")),
                arguments("negative Jeju surcharge",
                        new ShippingPolicy(won(3_000), null, true, won(-1), won(0), null, won(0), won(0)),
                        NegativeAmount.class, List.of("policy", "jejuSurcharge")),
                arguments("negative remote-island surcharge",
                        new ShippingPolicy(won(3_000), null, true, won(0), won(-5_000), null, won(0), won(0)),
                        NegativeAmount.class, List.of("policy", "remoteIslandSurcharge")),
                arguments("negative return fee",
                        new ShippingPolicy(won(3_000), null, true, won(0), won(0), null, won(-1), won(0)),
                        NegativeAmount.class, List.of("policy", "returnFee")),
                arguments("negative exchange fee",
                        new ShippingPolicy(won(3_000), null, true, won(0), won(0), null, won(0), won(-1)),
                        NegativeAmount.class, List.of("policy", "exchangeFee")),
                arguments("negative threshold",
                        new ShippingPolicy(won(3_000), won(-1), true, won(0), won(0), null, won(0), won(0)),
                        NegativeAmount.class, List.of("policy", "freeShippingThreshold")),
                arguments("zero threshold",
                        new ShippingPolicy(won(3_000), won(0), true, won(0), won(0), null, won(0), won(0)),
                        FreeShippingThresholdNotPositive.class, List.of("policy", "freeShippingThreshold")),
                arguments("threshold in another currency",
                        new ShippingPolicy(won(3_000), Money.of(50, "USD"), true, won(0), won(0), null, won(0),
                                won(0)),
                        MixedCurrencies.class, List.of("policy", "freeShippingThreshold")),
                arguments("exchange fee in another currency",
                        new ShippingPolicy(won(3_000), null, true, won(0), won(0), null, won(0),
                                Money.of(5, "USD")),
                        MixedCurrencies.class, List.of("policy", "exchangeFee")),
                arguments("overseas without zones",
                        new ShippingPolicy(won(3_000), null, true, won(0), won(0), new OverseasShipping(List.of()),
                                won(0), won(0)),
                        OverseasZonesRequired.class, List.of("policy", "overseas", "zones")),
                arguments("blank zone name",
                        policyAbroad(zone(" ", Set.of("JP"), bracket(500, 8_000))),
                        ZoneNameRequired.class, append(zone0, "name")),
                arguments("two zones with one name, differing in case",
                        policyAbroad(asia(), zone("ASIA", Set.of("VN"), bracket(500, 9_000))),
                        DuplicateZoneName.class, append(zone1, "name")),
                arguments("zone without countries",
                        policyAbroad(zone("Nowhere", Set.of(), bracket(500, 8_000))),
                        ZoneCountriesRequired.class, append(zone0, "countries")),
                arguments("lower-case country",
                        policyAbroad(zone("Asia", Set.of("jp"), bracket(500, 8_000))),
                        InvalidCountryCode.class, append(zone0, "countries")),
                arguments("alpha-3 country",
                        policyAbroad(zone("Asia", Set.of("JPN"), bracket(500, 8_000))),
                        InvalidCountryCode.class, append(zone0, "countries")),
                arguments("two letters that name no country",
                        policyAbroad(zone("Asia", Set.of("XX"), bracket(500, 8_000))),
                        InvalidCountryCode.class, append(zone0, "countries")),
                arguments("Korea in an overseas zone",
                        policyAbroad(zone("Asia", Set.of("JP", "KR"), bracket(500, 8_000))),
                        DomesticCountryInZone.class, append(zone0, "countries")),
                arguments("one country in two zones",
                        policyAbroad(asia(), zone("Far East", Set.of("CN"), bracket(500, 9_000))),
                        CountryInTwoZones.class, append(zone1, "countries")),
                arguments("zone without brackets",
                        policyAbroad(zone("Asia", Set.of("JP"))),
                        WeightBracketsRequired.class, append(zone0, "brackets")),
                arguments("brackets out of order",
                        policyAbroad(zone("Asia", Set.of("JP"), bracket(2_000, 15_000), bracket(500, 8_000))),
                        WeightBracketsNotAscending.class, append(zone0, "brackets", "1", "maxWeightGrams")),
                arguments("two brackets with one maximum weight",
                        policyAbroad(zone("Asia", Set.of("JP"), bracket(500, 8_000), bracket(500, 9_000))),
                        WeightBracketsNotAscending.class, append(zone0, "brackets", "1", "maxWeightGrams")),
                arguments("a bracket of zero grams",
                        policyAbroad(zone("Asia", Set.of("JP"), bracket(0, 8_000))),
                        WeightBracketsNotAscending.class, append(zone0, "brackets", "0", "maxWeightGrams")),
                arguments("a negative bracket fee",
                        policyAbroad(zone("Asia", Set.of("JP"), bracket(500, 8_000), bracket(1_000, -1))),
                        NegativeAmount.class, append(zone0, "brackets", "1", "fee")),
                arguments("a bracket fee in another currency",
                        policyAbroad(zone("Asia", Set.of("JP"), new WeightBracket(500, Money.of(10, "USD")))),
                        MixedCurrencies.class, append(zone0, "brackets", "0", "fee")));
    }

    private static List<String> append(List<String> path, String... more) {
        return Stream.concat(path.stream(), Stream.of(more)).toList();
    }
}
