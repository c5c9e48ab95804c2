package io.jangteo.command.catalog;

import io.jangteo.command.catalog.ProductAccessPolicy.NotProductOwner;
import io.jangteo.command.catalog.ProductRules.NegativePrice;
import io.jangteo.command.catalog.ProductRules.ProductNameRequired;
import io.jangteo.command.catalog.ProductRules.ProductNameTooLong;
import io.jangteo.messages.catalog.ProductCreated;
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
import static io.jangteo.command.catalog.ProductFixtures.actingAs;
import static io.jangteo.command.catalog.ProductFixtures.createProduct;
import static io.jangteo.command.catalog.ProductFixtures.nameOfCodePoints;
import static io.jangteo.command.catalog.ProductFixtures.productCreated;
import static io.jangteo.command.catalog.ProductFixtures.productRenamed;
import static io.jangteo.command.catalog.ProductFixtures.renameProduct;
import static io.jangteo.command.catalog.ProductFixtures.seller;
import static io.jangteo.command.catalog.ProductFixtures.violation;

class ProductTest {

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
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("price", "amount")))
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
}
