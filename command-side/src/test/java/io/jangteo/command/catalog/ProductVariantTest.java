package io.jangteo.command.catalog;

import io.jangteo.command.catalog.ProductLifecycle.UnknownVariant;
import io.jangteo.command.catalog.VariantRules.BlankOptionValue;
import io.jangteo.command.catalog.VariantRules.CurrencyMismatch;
import io.jangteo.command.catalog.VariantRules.DuplicateCombination;
import io.jangteo.command.catalog.VariantRules.DuplicateOptionAxis;
import io.jangteo.command.catalog.VariantRules.DuplicateOptionValue;
import io.jangteo.command.catalog.VariantRules.DuplicateSku;
import io.jangteo.command.catalog.VariantRules.DuplicateVariantId;
import io.jangteo.command.catalog.VariantRules.InvalidInitialStock;
import io.jangteo.command.catalog.VariantRules.InvalidOptionAxisName;
import io.jangteo.command.catalog.VariantRules.InvalidOptionValueCount;
import io.jangteo.command.catalog.VariantRules.NegativeVariantPrice;
import io.jangteo.command.catalog.VariantRules.NegativeWeight;
import io.jangteo.command.catalog.VariantRules.OneVariantWithoutOptions;
import io.jangteo.command.catalog.VariantRules.OptionValuesMismatch;
import io.jangteo.command.catalog.VariantRules.SkuTooLong;
import io.jangteo.command.catalog.VariantRules.TooManyOptionAxes;
import io.jangteo.command.catalog.VariantRules.TooManyVariants;
import io.jangteo.command.catalog.VariantRules.UnknownOptionValue;
import io.jangteo.command.catalog.VariantRules.VariantRequired;
import io.jangteo.command.catalog.ProductAccessPolicy.NotProductOwner;
import io.jangteo.messages.catalog.AddVariant;
import io.jangteo.messages.catalog.ChangeVariant;
import io.jangteo.messages.catalog.ChangeVariantStatus;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.VariantAdded;
import io.jangteo.messages.catalog.VariantChanged;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantSpec;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantStatusChanged;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.jangteo.command.catalog.ProductFixtures.DEFAULT;
import static io.jangteo.command.catalog.ProductFixtures.INITIAL_STOCK;
import static io.jangteo.command.catalog.ProductFixtures.MEDIUM;
import static io.jangteo.command.catalog.ProductFixtures.NAME;
import static io.jangteo.command.catalog.ProductFixtures.OTHER_SELLER;
import static io.jangteo.command.catalog.ProductFixtures.PRICE;
import static io.jangteo.command.catalog.ProductFixtures.PRODUCT_ID;
import static io.jangteo.command.catalog.ProductFixtures.SELLER;
import static io.jangteo.command.catalog.ProductFixtures.SIZES;
import static io.jangteo.command.catalog.ProductFixtures.SMALL;
import static io.jangteo.command.catalog.ProductFixtures.createProduct;
import static io.jangteo.command.catalog.ProductFixtures.defaultVariant;
import static io.jangteo.command.catalog.ProductFixtures.onSaleWith;
import static io.jangteo.command.catalog.ProductFixtures.owner;
import static io.jangteo.command.catalog.ProductFixtures.productBackInStock;
import static io.jangteo.command.catalog.ProductFixtures.productCreated;
import static io.jangteo.command.catalog.ProductFixtures.productPublished;
import static io.jangteo.command.catalog.ProductFixtures.productSoldOut;
import static io.jangteo.command.catalog.ProductFixtures.productWithSizesCreated;
import static io.jangteo.command.catalog.ProductFixtures.seller;
import static io.jangteo.command.catalog.ProductFixtures.spec;
import static io.jangteo.command.catalog.ProductFixtures.stockReceived;
import static io.jangteo.command.catalog.ProductFixtures.variant;
import static io.jangteo.command.catalog.ProductFixtures.violation;

/** Option axes and variants: created with the product, added, changed, switched on and off. */
class ProductVariantTest {

    private static final List<OptionAxis> SIZE_AND_COLOUR = List.of(
            new OptionAxis("Size", List.of("S", "M")), new OptionAxis("Colour", List.of("Black", "White")));

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Test
    void aProductWithoutOptionsGivenOneSpecGetsItAsItsDefaultVariantWithItsInitialStock() {
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(), List.of(spec(null, " KC-1KG ", Money.won(0), 1_000, 25))), owner())
                .expectEvents(
                        new ProductCreated(PRODUCT_ID, SELLER, NAME, "", null, null, List.of(), PRICE, List.of(),
                                List.of(new ProductVariant(DEFAULT, "KC-1KG", List.of(), Money.won(0), 1_000,
                                        VariantStatus.ACTIVE))),
                        stockReceived(DEFAULT, 25, INITIAL_STOCK, 25, 0));
    }

    @Test
    void missingVariantIdsAreAssignedInOrderSkippingTakenOnes() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZE_AND_COLOUR, List.of(
                        spec(null, "S", "Black"),
                        spec(VariantId.of("v2"), "S", "White"),
                        spec(null, " M ", "Black"))), owner())
                .expectEvents(new ProductCreated(PRODUCT_ID, SELLER, NAME, "", null, null, List.of(), PRICE,
                        SIZE_AND_COLOUR, List.of(
                        new ProductVariant(VariantId.of("v1"), null, List.of("S", "Black"), Money.won(0), 0,
                                VariantStatus.ACTIVE),
                        new ProductVariant(VariantId.of("v2"), null, List.of("S", "White"), Money.won(0), 0,
                                VariantStatus.ACTIVE),
                        new ProductVariant(VariantId.of("v3"), null, List.of("M", "Black"), Money.won(0), 0,
                                VariantStatus.ACTIVE))));
    }

    @Test
    void eachVariantWithInitialStockReceivesItAfterTheProductIsCreated() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(
                        spec(SMALL, null, Money.won(0), 0, 3, "S"),
                        spec(MEDIUM, null, Money.won(1_000), 0, 0, "M"),
                        spec(VariantId.of("v3"), null, Money.won(2_000), 0, 7, "L"))), owner())
                .expectEvents(
                        new ProductCreated(PRODUCT_ID, SELLER, NAME, "", null, null, List.of(), PRICE, SIZES,
                                List.of(variant(SMALL, "S", 0), variant(MEDIUM, "M", 1_000),
                                        variant(VariantId.of("v3"), "L", 2_000))),
                        stockReceived(SMALL, 3, INITIAL_STOCK, 3, 0),
                        stockReceived(VariantId.of("v3"), 7, INITIAL_STOCK, 7, 0));
    }

    @Test
    void axisNamesAndValuesAreStripped() {
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis(" Size ", List.of(" S ", "M"))),
                        List.of(spec(null, "S"))), owner())
                .expectEvents(new ProductCreated(PRODUCT_ID, SELLER, NAME, "", null, null, List.of(), PRICE,
                        List.of(new OptionAxis("Size", List.of("S", "M"))), List.of(variant(SMALL, "S", 0))));
    }

    @Test
    void cannotCreateAProductWithMoreThanThreeOptionAxes() {
        List<OptionAxis> four = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> new OptionAxis("axis" + i, List.of("a"))).toList();
        fixture.givenNoPriorActivity()
                .when(createProduct(four, List.of(spec(null, "a", "a", "a", "a"))), owner())
                .expectNoEvents()
                .expectException(TooManyOptionAxes.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("options")));
    }

    @Test
    void cannotCreateAProductWithABlankOrOverlongAxisName() {
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis("Size", List.of("S")), new OptionAxis(" ", List.of("a"))),
                        List.of(spec(null, "S", "a"))), owner())
                .expectException(InvalidOptionAxisName.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("options", "1", "name")));
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis("n".repeat(31), List.of("S"))), List.of(spec(null, "S"))),
                        owner())
                .expectException(InvalidOptionAxisName.class);
    }

    @Test
    void cannotCreateAProductWithTwoAxesOfTheSameName() {
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis("Size", List.of("S")), new OptionAxis("Size ", List.of("M"))),
                        List.of(spec(null, "S", "M"))), owner())
                .expectNoEvents()
                .expectException(DuplicateOptionAxis.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("options", "1", "name")));
    }

    @Test
    void cannotCreateAnAxisWithoutValuesOrWithMoreThanFifty() {
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis("Size", List.of())), List.of()), owner())
                .expectException(InvalidOptionValueCount.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("options", "0", "values")));
        List<String> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(i -> "s" + i).toList();
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis("Size", fiftyOne)), List.of(spec(null, "s1"))), owner())
                .expectException(InvalidOptionValueCount.class);
    }

    @Test
    void cannotCreateAnAxisWithABlankOrRepeatedValue() {
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis("Size", List.of("S", " "))), List.of(spec(null, "S"))),
                        owner())
                .expectException(BlankOptionValue.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("options", "0", "values", "1")));
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(new OptionAxis("Size", List.of("S", "S "))), List.of(spec(null, "S"))),
                        owner())
                .expectException(DuplicateOptionValue.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("options", "0", "values", "1")));
    }

    @Test
    void aProductWithoutOptionsCannotHaveTwoVariants() {
        fixture.givenNoPriorActivity()
                .when(createProduct(List.of(), List.of(spec(null), spec(VariantId.of("x")))), owner())
                .expectNoEvents()
                .expectException(OneVariantWithoutOptions.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants")));
    }

    @Test
    void aProductWithOptionsNeedsAVariant() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of()), owner())
                .expectNoEvents()
                .expectException(VariantRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants")));
    }

    @Test
    void aVariantHasOneValuePerAxis() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZE_AND_COLOUR, List.of(spec(null, "S"))), owner())
                .expectNoEvents()
                .expectException(OptionValuesMismatch.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "0", "optionValues")));
    }

    @Test
    void aVariantsValuesComeFromItsAxes() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZE_AND_COLOUR, List.of(spec(null, "S", "Red"))), owner())
                .expectNoEvents()
                .expectException(UnknownOptionValue.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "0", "optionValues", "1")))
                .expectExceptionMessage("'Red' is not a value of option axis 'Colour'");
    }

    @Test
    void twoVariantsCannotBeTheSameCombination() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, "S"), spec(null, "M"), spec(null, "S"))), owner())
                .expectNoEvents()
                .expectException(DuplicateCombination.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "2", "optionValues")));
    }

    @Test
    void givenVariantIdsAreUnique() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(SMALL, "S"), spec(SMALL, "M"))), owner())
                .expectNoEvents()
                .expectException(DuplicateVariantId.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "1", "variantId")));
    }

    @Test
    void aProductHasAtMostTwoHundredVariants() {
        List<String> values = IntStream.rangeClosed(1, 50).mapToObj(i -> "c" + i).toList();
        List<OptionAxis> axes = List.of(new OptionAxis("Colour", values),
                new OptionAxis("Size", List.of("S", "M", "L", "XL", "XXL")));
        List<VariantSpec> specs = new ArrayList<>();
        for (String colour : values) {
            for (String size : List.of("S", "M", "L", "XL", "XXL")) {
                specs.add(spec(null, colour, size));
            }
        }
        fixture.givenNoPriorActivity()
                .when(createProduct(axes, specs.subList(0, 201)), owner())
                .expectNoEvents()
                .expectException(TooManyVariants.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants")));
        fixture.givenNoPriorActivity()
                .when(createProduct(axes, specs.subList(0, 200)), owner())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void skusAreUniqueWithinTheProduct() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, "SKU-1", Money.won(0), 0, 0, "S"),
                        spec(null, " SKU-1", Money.won(0), 0, 0, "M"))), owner())
                .expectNoEvents()
                .expectException(DuplicateSku.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "1", "sku")));
    }

    @Test
    void aSkuHasAtMostSixtyFourCharacters() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, "x".repeat(65), Money.won(0), 0, 0, "S"))), owner())
                .expectNoEvents()
                .expectException(SkuTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "0", "sku")));
    }

    @Test
    void noVariantMayCostLessThanNothing() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, null, Money.won(-12_001), 0, 0, "S"))), owner())
                .expectNoEvents()
                .expectException(NegativeVariantPrice.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "0", "priceDelta")));
    }

    @Test
    void aVariantMayCostExactlyNothing() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, null, Money.won(-12_000), 0, 0, "S"))), owner())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aVariantsDeltaIsInTheBasePricesCurrency() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, null, Money.of(1, "USD"), 0, 0, "S"))), owner())
                .expectNoEvents()
                .expectException(CurrencyMismatch.class)
                .expectException(violation(ErrorCode.INVALID_INPUT,
                        List.of("variants", "0", "priceDelta", "currency")));
    }

    @Test
    void weightAndInitialStockCannotBeNegative() {
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, null, Money.won(0), -1, 0, "S"))), owner())
                .expectException(NegativeWeight.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "0", "weightGrams")));
        fixture.givenNoPriorActivity()
                .when(createProduct(SIZES, List.of(spec(null, null, Money.won(0), 0, -1, "S"))), owner())
                .expectException(InvalidInitialStock.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variants", "0", "initialStock")));
    }

    @Test
    void ownerAddsAVariantWhichGetsTheNextFreeId() {
        fixture.given(productWithSizesCreated())
                .when(new AddVariant(PRODUCT_ID, spec(null, "SW-L", Money.won(2_000), 500, 0, "L")), owner())
                .expectEvents(new VariantAdded(PRODUCT_ID, SELLER, new ProductVariant(VariantId.of("v3"), "SW-L",
                        List.of("L"), Money.won(2_000), 500, VariantStatus.ACTIVE)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAddedVariantWithStockBringsASoldOutProductBackInStock() {
        fixture.given(productWithSizesCreated(), productPublished(ProductStatus.SOLD_OUT))
                .when(new AddVariant(PRODUCT_ID, spec(null, null, Money.won(0), 0, 4, "L")), owner())
                .expectEvents(new VariantAdded(PRODUCT_ID, SELLER, variant(VariantId.of("v3"), "L", 0)),
                        stockReceived(VariantId.of("v3"), 4, INITIAL_STOCK, 4, 0),
                        productBackInStock())
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotAddACombinationThatExists() {
        fixture.given(productWithSizesCreated())
                .when(new AddVariant(PRODUCT_ID, spec(null, "M")), owner())
                .expectNoEvents()
                .expectException(DuplicateCombination.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variant", "optionValues")));
    }

    @Test
    void cannotAddAVariantUnderATakenId() {
        fixture.given(productWithSizesCreated())
                .when(new AddVariant(PRODUCT_ID, spec(MEDIUM, "L")), owner())
                .expectNoEvents()
                .expectException(DuplicateVariantId.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variant", "variantId")));
    }

    @Test
    void cannotAddAVariantWithAnotherVariantsSku() {
        fixture.given(productWithSizesCreated(),
                        new VariantChanged(PRODUCT_ID, SELLER, SMALL, "SW-S", Money.won(0), 0))
                .when(new AddVariant(PRODUCT_ID, spec(null, "SW-S", Money.won(0), 0, 0, "L")), owner())
                .expectNoEvents()
                .expectException(DuplicateSku.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variant", "sku")));
    }

    @Test
    void cannotAddASecondVariantToAProductWithoutOptions() {
        fixture.given(productCreated())
                .when(new AddVariant(PRODUCT_ID, spec(null)), owner())
                .expectNoEvents()
                .expectException(OneVariantWithoutOptions.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("variant")));
    }

    @Test
    void cannotAddAVariantToAnotherSellersProduct() {
        fixture.given(productWithSizesCreated())
                .when(new AddVariant(PRODUCT_ID, spec(null, "L")), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void ownerChangesAVariant() {
        fixture.given(productWithSizesCreated())
                .when(new ChangeVariant(PRODUCT_ID, MEDIUM, " SW-M ", Money.won(1_500), 450), owner())
                .expectEvents(new VariantChanged(PRODUCT_ID, SELLER, MEDIUM, "SW-M", Money.won(1_500), 450))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingAVariantToWhatItIsChangesNothing() {
        fixture.given(productWithSizesCreated())
                .when(new ChangeVariant(PRODUCT_ID, MEDIUM, " ", Money.won(1_000), 0), owner())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aVariantMayKeepItsOwnSku() {
        fixture.given(productWithSizesCreated(),
                        new VariantChanged(PRODUCT_ID, SELLER, SMALL, "SW-S", Money.won(0), 0))
                .when(new ChangeVariant(PRODUCT_ID, SMALL, "SW-S", Money.won(0), 300), owner())
                .expectEvents(new VariantChanged(PRODUCT_ID, SELLER, SMALL, "SW-S", Money.won(0), 300));
    }

    @Test
    void cannotGiveAVariantAnotherVariantsSku() {
        fixture.given(productWithSizesCreated(),
                        new VariantChanged(PRODUCT_ID, SELLER, SMALL, "SW-S", Money.won(0), 0))
                .when(new ChangeVariant(PRODUCT_ID, MEDIUM, "SW-S", Money.won(1_000), 0), owner())
                .expectNoEvents()
                .expectException(DuplicateSku.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("sku")));
    }

    @Test
    void cannotDiscountAVariantBelowNothing() {
        fixture.given(productWithSizesCreated())
                .when(new ChangeVariant(PRODUCT_ID, MEDIUM, null, Money.won(-12_001), 0), owner())
                .expectNoEvents()
                .expectException(NegativeVariantPrice.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("priceDelta")));
    }

    @Test
    void cannotChangeAVariantsWeightToANegativeOne() {
        fixture.given(productWithSizesCreated())
                .when(new ChangeVariant(PRODUCT_ID, MEDIUM, null, Money.won(1_000), -5), owner())
                .expectNoEvents()
                .expectException(NegativeWeight.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("weightGrams")));
    }

    @Test
    void cannotChangeAVariantThatDoesNotExist() {
        fixture.given(productWithSizesCreated())
                .when(new ChangeVariant(PRODUCT_ID, VariantId.of("v9"), null, Money.won(0), 0), owner())
                .expectNoEvents()
                .expectException(UnknownVariant.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("variantId")));
    }

    @Test
    void deactivatingTheLastVariantWithStockMarksTheProductSoldOut() {
        fixture.given(onSaleWith(5))
                .when(new ChangeVariantStatus(PRODUCT_ID, DEFAULT, VariantStatus.INACTIVE), owner())
                .expectEvents(new VariantStatusChanged(PRODUCT_ID, SELLER, DEFAULT, VariantStatus.INACTIVE),
                        productSoldOut())
                .expectResultMessagePayload(4L);
    }

    @Test
    void reactivatingAVariantWithStockBringsTheProductBackInStock() {
        List<Object> given = new ArrayList<>(onSaleWith(5));
        given.add(new VariantStatusChanged(PRODUCT_ID, SELLER, DEFAULT, VariantStatus.INACTIVE));
        given.add(productSoldOut());
        fixture.given(given)
                .when(new ChangeVariantStatus(PRODUCT_ID, DEFAULT, VariantStatus.ACTIVE), owner())
                .expectEvents(new VariantStatusChanged(PRODUCT_ID, SELLER, DEFAULT, VariantStatus.ACTIVE),
                        productBackInStock());
    }

    @Test
    void deactivatingAVariantWithoutStockLeavesTheProductOnSaleWhileAnotherHasSome() {
        fixture.given(productWithSizesCreated(), stockReceived(SMALL, 2, null, 2, 0),
                        productPublished(ProductStatus.ON_SALE))
                .when(new ChangeVariantStatus(PRODUCT_ID, MEDIUM, VariantStatus.INACTIVE), owner())
                .expectEvents(new VariantStatusChanged(PRODUCT_ID, SELLER, MEDIUM, VariantStatus.INACTIVE));
    }

    @Test
    void settingAVariantsStatusToWhatItIsChangesNothing() {
        fixture.given(productWithSizesCreated())
                .when(new ChangeVariantStatus(PRODUCT_ID, SMALL, VariantStatus.ACTIVE), owner())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void cannotChangeTheStatusOfAVariantThatDoesNotExist() {
        fixture.given(productWithSizesCreated())
                .when(new ChangeVariantStatus(PRODUCT_ID, VariantId.of("v9"), VariantStatus.INACTIVE), owner())
                .expectNoEvents()
                .expectException(UnknownVariant.class);
    }

    @Test
    void theDefaultVariantOfAProductWithoutOptionsIsTheOneInTheEvent() {
        fixture.givenNoPriorActivity()
                .when(createProduct(), owner())
                .expectEvents(new ProductCreated(PRODUCT_ID, SELLER, NAME, "", null, null, List.of(), PRICE,
                        List.of(), List.of(defaultVariant())));
    }
}
