package io.jangteo.command.catalog;

import io.jangteo.command.catalog.ProductAccessPolicy.NotProductOwner;
import io.jangteo.command.catalog.ProductRules.NegativePrice;
import io.jangteo.command.catalog.ProductRules.ProductNameRequired;
import io.jangteo.command.catalog.ProductRules.ProductNameTooLong;
import io.jangteo.command.catalog.ProductRules.BrandTooLong;
import io.jangteo.command.catalog.ProductRules.DescriptionTooLong;
import io.jangteo.command.catalog.ProductRules.InvalidTag;
import io.jangteo.command.catalog.ProductRules.TooManyTags;
import io.jangteo.command.catalog.VariantRules.CurrencyMismatch;
import io.jangteo.command.catalog.VariantRules.NegativeVariantPrice;
import io.jangteo.messages.catalog.BasePriceChanged;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.ChangeBasePrice;
import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.DescribeProduct;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductDescribed;
import io.jangteo.messages.catalog.ProductRecategorized;
import io.jangteo.messages.catalog.RecategorizeProduct;
import io.jangteo.messages.catalog.VariantChanged;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jangteo.command.catalog.ProductFixtures.NAME;
import static io.jangteo.command.catalog.ProductFixtures.OTHER_SELLER;
import static io.jangteo.command.catalog.ProductFixtures.PRICE;
import static io.jangteo.command.catalog.ProductFixtures.PRODUCT_ID;
import static io.jangteo.command.catalog.ProductFixtures.SELLER;
import static io.jangteo.command.catalog.ProductFixtures.SMALL;
import static io.jangteo.command.catalog.ProductFixtures.actingAs;
import static io.jangteo.command.catalog.ProductFixtures.defaultVariant;
import static io.jangteo.command.catalog.ProductFixtures.owner;
import static io.jangteo.command.catalog.ProductFixtures.productWithSizesCreated;
import static io.jangteo.command.catalog.ProductFixtures.createProduct;
import static io.jangteo.command.catalog.ProductFixtures.nameOfCodePoints;
import static io.jangteo.command.catalog.ProductFixtures.productCreated;
import static io.jangteo.command.catalog.ProductFixtures.productRenamed;
import static io.jangteo.command.catalog.ProductFixtures.renameProduct;
import static io.jangteo.command.catalog.ProductFixtures.seller;
import static io.jangteo.command.catalog.ProductFixtures.violation;

/** Creating a product, and the changes to its texts, category and base price. */
class ProductTest {

    private static final CategoryId CATEGORY = CategoryId.of("c-1");

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Test
    void sellerCreatesAProductInItsOwnShop() {
        fixture.givenNoPriorActivity()
                .when(createProduct("  " + NAME + "\t", PRICE), seller(SELLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(productCreated(NAME));
    }

    @Test
    void adminCreatesAProductForAnySeller() {
        fixture.givenNoPriorActivity()
                .when(createProduct(), actingAs(ActorRole.ADMIN))
                .expectEvents(productCreated());
    }

    @Test
    void cannotCreateAProductInAnotherSellersShop() {
        fixture.givenNoPriorActivity()
                .when(createProduct(), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void customerCannotCreateAProduct() {
        fixture.givenNoPriorActivity()
                .when(createProduct(), actingAs(ActorRole.CUSTOMER))
                .expectNoEvents()
                .expectException(NotProductOwner.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void sellerWithoutAShopCannotCreateAProduct() {
        // a SELLER token that lost its shop must not slip through as "matches nothing, so allowed"
        fixture.givenNoPriorActivity()
                .when(createProduct(), actingAs(ActorRole.SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void commandWithoutAnActorCannotCreateAProduct() {
        fixture.givenNoPriorActivity()
                .when(createProduct(), Map.of())
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void accessIsCheckedBeforeTheInput() {
        // an outsider learns nothing about the rules from the error it gets
        fixture.givenNoPriorActivity()
                .when(createProduct(" ", Money.won(-1)), seller(OTHER_SELLER))
                .expectException(NotProductOwner.class);
    }

    @Test
    void cannotCreateAProductWithABlankName() {
        fixture.givenNoPriorActivity()
                .when(createProduct(" \t ", PRICE), seller(SELLER))
                .expectNoEvents()
                .expectException(ProductNameRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")))
                .expectExceptionMessage("A product needs a name");
    }

    @Test
    void cannotCreateAProductWithANameOverTwoHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(createProduct(nameOfCodePoints(201), PRICE), seller(SELLER))
                .expectNoEvents()
                .expectException(ProductNameTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")))
                .expectExceptionMessage("A product name has at most 200 characters");
    }

    @Test
    void nameOfExactlyTwoHundredCharactersIsFineEvenWhenTheyTakeTwoCharsEach() {
        // the limit counts what a person sees (code points), not UTF-16 units: 400 chars here
        String longest = nameOfCodePoints(200);
        fixture.givenNoPriorActivity()
                .when(createProduct(" " + longest + " ", PRICE), seller(SELLER))
                .expectEvents(productCreated(longest));
    }

    @Test
    void cannotCreateAProductWithANegativePrice() {
        fixture.givenNoPriorActivity()
                .when(createProduct(NAME, Money.won(-1)), seller(SELLER))
                .expectNoEvents()
                .expectException(NegativePrice.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("basePrice", "amount")))
                .expectExceptionMessage("A price cannot be negative, was -1 KRW");
    }

    @Test
    void aProductMayBeFree() {
        fixture.givenNoPriorActivity()
                .when(createProduct(NAME, Money.won(0)), seller(SELLER))
                .expectEvents(productCreated(NAME, Money.won(0)));
    }

    @Test
    void ownerRenamesAProductAndTheEventCarriesThePreviousName() {
        fixture.given(productCreated())
                .when(renameProduct("  Kkakdugi 1kg "), seller(SELLER))
                .expectEvents(productRenamed(NAME, "Kkakdugi 1kg"))
                // the API waits for the read model to reach this version
                .expectResultMessagePayload(1L);
    }

    @Test
    void adminRenamesAnySellersProduct() {
        fixture.given(productCreated())
                .when(renameProduct("Kkakdugi 1kg"), actingAs(ActorRole.ADMIN))
                .expectEvents(productRenamed(NAME, "Kkakdugi 1kg"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void systemActorRenamesAnySellersProduct() {
        // sagas and schedulers act by rule, as named SYSTEM actors without a shop
        fixture.given(productCreated())
                .when(renameProduct("Kkakdugi 1kg"), actingAs(ActorRole.SYSTEM))
                .expectEvents(productRenamed(NAME, "Kkakdugi 1kg"));
    }

    @Test
    void aSecondRenameStartsFromTheFirstRenamesName() {
        fixture.given(productCreated(), productRenamed(NAME, "Kkakdugi 1kg"))
                .when(renameProduct("Chonggak kimchi"), seller(SELLER))
                .expectEvents(productRenamed("Kkakdugi 1kg", "Chonggak kimchi"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(productCreated())
                .when(renameProduct(NAME), seller(SELLER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void renamingToTheSameNameWithSurroundingSpacesChangesNothing() {
        fixture.given(productCreated())
                .when(renameProduct("  " + NAME + " "), seller(SELLER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void renamingBackToTheCurrentNameAfterARenameChangesNothing() {
        fixture.given(productCreated(), productRenamed(NAME, "Kkakdugi 1kg"))
                .when(renameProduct("Kkakdugi 1kg"), seller(SELLER))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotRenameAnotherSellersProduct() {
        fixture.given(productCreated())
                .when(renameProduct("Kkakdugi 1kg"), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void customerCannotRenameAProduct() {
        fixture.given(productCreated())
                .when(renameProduct("Kkakdugi 1kg"), actingAs(ActorRole.CUSTOMER))
                .expectNoEvents()
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
    }

    @Test
    void anotherSellerCannotEvenProbeTheCurrentName() {
        // a no-op rename must be refused too, or its success would confirm the current name to an outsider
        fixture.given(productCreated())
                .when(renameProduct(NAME), seller(OTHER_SELLER))
                .expectException(NotProductOwner.class);
    }

    @Test
    void cannotRenameAProductToABlankName() {
        fixture.given(productCreated())
                .when(renameProduct("   "), seller(SELLER))
                .expectNoEvents()
                .expectException(ProductNameRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")));
    }

    @Test
    void cannotRenameAProductToANameOverTwoHundredCharacters() {
        fixture.given(productCreated())
                .when(renameProduct(nameOfCodePoints(201)), seller(SELLER))
                .expectNoEvents()
                .expectException(ProductNameTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("name")));
    }

    @Test
    void cannotRenameAProductThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(renameProduct("Kkakdugi 1kg"), seller(SELLER))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
    @Test
    void creatingAProductRecordsItsTextsNormalisedAndItsDefaultVariant() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, "  Fermented for 3 weeks. ", "  Jongga ",
                        CATEGORY, List.of(" kimchi ", "Korean", "KIMCHI", "vegan"), PRICE, null, null), owner())
                .expectEvents(new ProductCreated(PRODUCT_ID, SELLER, NAME, "Fermented for 3 weeks.", "Jongga",
                        CATEGORY, List.of("kimchi", "Korean", "vegan"), PRICE, List.of(),
                        List.of(defaultVariant())));
    }

    @Test
    void aBlankBrandIsNoBrand() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, null, "   ", null, null, PRICE, null, null), owner())
                .expectEvents(productCreated());
    }

    @Test
    void theDefaultVariantsDeltaIsInTheBasePricesCurrency() {
        fixture.givenNoPriorActivity()
                .when(createProduct(NAME, Money.of(1_999, "USD")), owner())
                .expectEvents(productCreated(NAME, Money.of(1_999, "USD")));
    }

    @Test
    void cannotCreateAProductWithADescriptionOverTwentyThousandCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, "x".repeat(20_001), null, null, null, PRICE,
                        null, null), owner())
                .expectNoEvents()
                .expectException(DescriptionTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("description")));
    }

    @Test
    void cannotCreateAProductWithABrandOverAHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, null, "b".repeat(101), null, null, PRICE,
                        null, null), owner())
                .expectNoEvents()
                .expectException(BrandTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("brand")));
    }

    @Test
    void cannotCreateAProductWithMoreThanTwentyDistinctTags() {
        List<String> tags = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "tag" + i).toList();
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, null, null, null, tags, PRICE, null, null), owner())
                .expectNoEvents()
                .expectException(TooManyTags.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("tags")));
    }

    @Test
    void twentyTagsAndTheirDuplicatesInOtherCaseAreFine() {
        List<String> tags = new java.util.ArrayList<>(
                java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "tag" + i).toList());
        tags.add("TAG1");
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, null, null, null, tags, PRICE, null, null), owner())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCreateAProductWithABlankTag() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, null, null, null, List.of("kimchi", " "), PRICE,
                        null, null), owner())
                .expectNoEvents()
                .expectException(InvalidTag.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("tags", "1")));
    }

    @Test
    void cannotCreateAProductWithATagOverThirtyCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreateProduct(PRODUCT_ID, SELLER, NAME, null, null, null, List.of("t".repeat(31)), PRICE,
                        null, null), owner())
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("tags", "0")));
    }

    @Test
    void ownerDescribesAProduct() {
        fixture.given(productCreated())
                .when(new DescribeProduct(PRODUCT_ID, " Crunchy ", "Jongga", List.of("kimchi", "Kimchi")), owner())
                .expectEvents(new ProductDescribed(PRODUCT_ID, SELLER, "Crunchy", "Jongga", List.of("kimchi")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void describingAProductAsItIsChangesNothing() {
        fixture.given(productCreated(),
                        new ProductDescribed(PRODUCT_ID, SELLER, "Crunchy", "Jongga", List.of("kimchi")))
                .when(new DescribeProduct(PRODUCT_ID, "Crunchy ", " Jongga", List.of("kimchi")), owner())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotDescribeAProductWithADescriptionOverTwentyThousandCharacters() {
        fixture.given(productCreated())
                .when(new DescribeProduct(PRODUCT_ID, "x".repeat(20_001), null, null), owner())
                .expectNoEvents()
                .expectException(DescriptionTooLong.class);
    }

    @Test
    void cannotDescribeAnotherSellersProduct() {
        fixture.given(productCreated())
                .when(new DescribeProduct(PRODUCT_ID, "Crunchy", null, null), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void ownerMovesAProductToACategoryAndTheEventCarriesThePreviousOne() {
        CategoryId other = CategoryId.of("c-2");
        fixture.given(productCreated(), new ProductRecategorized(PRODUCT_ID, SELLER, null, CATEGORY))
                .when(new RecategorizeProduct(PRODUCT_ID, other), owner())
                .expectEvents(new ProductRecategorized(PRODUCT_ID, SELLER, CATEGORY, other))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aProductCanLeaveItsCategory() {
        fixture.given(productCreated(), new ProductRecategorized(PRODUCT_ID, SELLER, null, CATEGORY))
                .when(new RecategorizeProduct(PRODUCT_ID, null), owner())
                .expectEvents(new ProductRecategorized(PRODUCT_ID, SELLER, CATEGORY, null));
    }

    @Test
    void recategorizingIntoTheSameCategoryChangesNothing() {
        fixture.given(productCreated())
                .when(new RecategorizeProduct(PRODUCT_ID, null), owner())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void ownerChangesTheBasePrice() {
        fixture.given(productCreated())
                .when(new ChangeBasePrice(PRODUCT_ID, Money.won(9_900)), owner())
                .expectEvents(new BasePriceChanged(PRODUCT_ID, SELLER, PRICE, Money.won(9_900)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingTheBasePriceToTheCurrentOneChangesNothing() {
        fixture.given(productCreated())
                .when(new ChangeBasePrice(PRODUCT_ID, PRICE), owner())
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void cannotChangeTheBasePriceToANegativeOne() {
        fixture.given(productCreated())
                .when(new ChangeBasePrice(PRODUCT_ID, Money.won(-1)), owner())
                .expectNoEvents()
                .expectException(NegativePrice.class);
    }

    @Test
    void cannotLowerTheBasePriceBelowWhatADiscountedVariantTakesOff() {
        // v1 costs 1,000 less than the base price: a base price of 500 would make it cost -500
        fixture.given(productWithSizesCreated(),
                        new VariantChanged(PRODUCT_ID, SELLER, SMALL, null, Money.won(-1_000), 0))
                .when(new ChangeBasePrice(PRODUCT_ID, Money.won(500)), owner())
                .expectNoEvents()
                .expectException(NegativeVariantPrice.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("basePrice")))
                .expectExceptionMessage("Variant v1 would cost -500 KRW");
    }

    @Test
    void cannotChangeTheBasePriceIntoAnotherCurrency() {
        fixture.given(productCreated())
                .when(new ChangeBasePrice(PRODUCT_ID, Money.of(10, "USD")), owner())
                .expectNoEvents()
                .expectException(CurrencyMismatch.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("basePrice", "currency")));
    }

    @Test
    void cannotChangeTheBasePriceOfAnotherSellersProduct() {
        fixture.given(productCreated())
                .when(new ChangeBasePrice(PRODUCT_ID, Money.won(1)), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }
}
