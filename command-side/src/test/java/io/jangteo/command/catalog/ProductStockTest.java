package io.jangteo.command.catalog;

import io.jangteo.command.catalog.ProductAccessPolicy.NotProductOwner;
import io.jangteo.command.catalog.ProductLifecycle.ProductNotOnSale;
import io.jangteo.command.catalog.ProductLifecycle.UnknownVariant;
import io.jangteo.command.catalog.StockRules.AdjustmentBelowReserved;
import io.jangteo.command.catalog.StockRules.AdjustmentReasonRequired;
import io.jangteo.command.catalog.StockRules.InsufficientStock;
import io.jangteo.command.catalog.StockRules.PriceChanged;
import io.jangteo.command.catalog.StockRules.ReasonTooLong;
import io.jangteo.command.catalog.StockRules.ReservationAlreadyCommitted;
import io.jangteo.command.catalog.StockRules.ReservationAlreadyReleased;
import io.jangteo.command.catalog.StockRules.ReservationIdReused;
import io.jangteo.command.catalog.StockRules.StockQuantityOutOfRange;
import io.jangteo.command.catalog.StockRules.UnknownReservation;
import io.jangteo.command.catalog.StockRules.VariantNotActive;
import io.jangteo.command.catalog.StockRules.ZeroStockAdjustment;
import io.jangteo.messages.catalog.AdjustStock;
import io.jangteo.messages.catalog.BasePriceChanged;
import io.jangteo.messages.catalog.CommitStock;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ReceiveStock;
import io.jangteo.messages.catalog.ReleaseStock;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.catalog.StockAdjusted;
import io.jangteo.messages.catalog.VariantChanged;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantStatusChanged;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jangteo.command.catalog.ProductFixtures.DEFAULT;
import static io.jangteo.command.catalog.ProductFixtures.MEDIUM;
import static io.jangteo.command.catalog.ProductFixtures.ORDER_1;
import static io.jangteo.command.catalog.ProductFixtures.ORDER_2;
import static io.jangteo.command.catalog.ProductFixtures.OTHER_SELLER;
import static io.jangteo.command.catalog.ProductFixtures.PRICE;
import static io.jangteo.command.catalog.ProductFixtures.PRODUCT_ID;
import static io.jangteo.command.catalog.ProductFixtures.SELLER;
import static io.jangteo.command.catalog.ProductFixtures.SMALL;
import static io.jangteo.command.catalog.ProductFixtures.actingAs;
import static io.jangteo.command.catalog.ProductFixtures.owner;
import static io.jangteo.command.catalog.ProductFixtures.productBackInStock;
import static io.jangteo.command.catalog.ProductFixtures.productCreated;
import static io.jangteo.command.catalog.ProductFixtures.productDiscontinued;
import static io.jangteo.command.catalog.ProductFixtures.productHidden;
import static io.jangteo.command.catalog.ProductFixtures.productPublished;
import static io.jangteo.command.catalog.ProductFixtures.productSoldOut;
import static io.jangteo.command.catalog.ProductFixtures.productWithSizesCreated;
import static io.jangteo.command.catalog.ProductFixtures.seller;
import static io.jangteo.command.catalog.ProductFixtures.stockCommitted;
import static io.jangteo.command.catalog.ProductFixtures.stockReceived;
import static io.jangteo.command.catalog.ProductFixtures.stockReleased;
import static io.jangteo.command.catalog.ProductFixtures.stockReserved;
import static io.jangteo.command.catalog.ProductFixtures.violation;

/** Receiving, adjusting, reserving, releasing and committing stock, and the sold-out status that follows it. */
class ProductStockTest {

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    /** {@link ProductFixtures#onSaleWith} followed by {@code more}. */
    private static List<Object> onSaleWith(long stock, Object... more) {
        List<Object> events = new ArrayList<>(ProductFixtures.onSaleWith(stock));
        events.addAll(Arrays.asList(more));
        return events;
    }

    /** Sizes S (12,000 won) and M (13,000 won) on sale with {@code stock} units each, followed by {@code more}. */
    private static List<Object> sizesOnSaleWith(long stock, Object... more) {
        List<Object> events = new ArrayList<>(List.of(productWithSizesCreated(),
                stockReceived(SMALL, stock, null, stock, 0), stockReceived(MEDIUM, stock, null, stock, 0),
                productPublished(ProductStatus.ON_SALE)));
        events.addAll(Arrays.asList(more));
        return events;
    }

    /** Reservations come from the checkout saga, a named system actor. */
    private static java.util.Map<String, ?> checkout() {
        return actingAs(ActorRole.SYSTEM);
    }

    @Test
    void receivingStockAddsToOnHandAndTheEventCarriesTheLevelsAfter() {
        fixture.given(onSaleWith(3, stockReserved(DEFAULT, ORDER_1, 1, 3, 1)))
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 10, " delivery 42 "), owner())
                .expectEvents(stockReceived(DEFAULT, 10, "delivery 42", 13, 1))
                .expectResultMessagePayload(4L);
    }

    @Test
    void receivingStockBringsASoldOutProductBackInStock() {
        fixture.given(productCreated(), productPublished(ProductStatus.SOLD_OUT))
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 2, null), owner())
                .expectEvents(stockReceived(DEFAULT, 2, null, 2, 0), productBackInStock())
                .expectResultMessagePayload(3L);
    }

    @Test
    void receivingStockForAnInactiveVariantLeavesTheProductSoldOut() {
        fixture.given(productWithSizesCreated(),
                        new VariantStatusChanged(PRODUCT_ID, SELLER, SMALL, VariantStatus.INACTIVE),
                        productPublished(ProductStatus.SOLD_OUT))
                .when(new ReceiveStock(PRODUCT_ID, SMALL, 2, null), owner())
                .expectEvents(stockReceived(SMALL, 2, null, 2, 0));
    }

    @Test
    void aDraftReceivesStockWithoutChangingStatus() {
        fixture.given(productCreated())
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 2, ""), owner())
                .expectEvents(stockReceived(DEFAULT, 2, null, 2, 0));
    }

    @Test
    void cannotReceiveLessThanOneOrMoreThanABillionUnits() {
        fixture.given(productCreated())
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 0, null), owner())
                .expectNoEvents()
                .expectException(StockQuantityOutOfRange.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("quantity")));
        fixture.given(productCreated())
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 1_000_000_001, null), owner())
                .expectNoEvents()
                .expectException(StockQuantityOutOfRange.class);
        fixture.given(productCreated())
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 1_000_000_000, null), owner())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReasonHasAtMostTwoHundredCharacters() {
        fixture.given(productCreated())
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 1, "r".repeat(201)), owner())
                .expectNoEvents()
                .expectException(ReasonTooLong.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
    }

    @Test
    void cannotReceiveStockForAnUnknownVariant() {
        fixture.given(productCreated())
                .when(new ReceiveStock(PRODUCT_ID, VariantId.of("v9"), 1, null), owner())
                .expectNoEvents()
                .expectException(UnknownVariant.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("variantId")));
    }

    @Test
    void cannotReceiveStockForAnotherSellersProduct() {
        fixture.given(productCreated())
                .when(new ReceiveStock(PRODUCT_ID, DEFAULT, 1, null), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void adjustingStockCorrectsOnHand() {
        fixture.given(onSaleWith(10))
                .when(new AdjustStock(PRODUCT_ID, DEFAULT, -2, " stocktake "), owner())
                .expectEvents(new StockAdjusted(PRODUCT_ID, SELLER, DEFAULT, -2, "stocktake", 8, 0))
                .expectResultMessagePayload(3L);
    }

    @Test
    void adjustingTheLastAvailableUnitAwayMarksTheProductSoldOut() {
        fixture.given(onSaleWith(3, stockReserved(DEFAULT, ORDER_1, 1, 3, 1)))
                .when(new AdjustStock(PRODUCT_ID, DEFAULT, -2, "damaged"), owner())
                .expectEvents(new StockAdjusted(PRODUCT_ID, SELLER, DEFAULT, -2, "damaged", 1, 1), productSoldOut());
    }

    @Test
    void cannotAdjustOnHandBelowWhatIsReserved() {
        fixture.given(onSaleWith(3, stockReserved(DEFAULT, ORDER_1, 2, 3, 2)))
                .when(new AdjustStock(PRODUCT_ID, DEFAULT, -2, "damaged"), owner())
                .expectNoEvents()
                .expectException(AdjustmentBelowReserved.class)
                .expectException(violation(ErrorCode.OUT_OF_STOCK, List.of("delta")));
    }

    @Test
    void anAdjustmentNeedsAReasonAndADelta() {
        fixture.given(onSaleWith(3))
                .when(new AdjustStock(PRODUCT_ID, DEFAULT, -1, "  "), owner())
                .expectNoEvents()
                .expectException(AdjustmentReasonRequired.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reason")));
        fixture.given(onSaleWith(3))
                .when(new AdjustStock(PRODUCT_ID, DEFAULT, 0, "stocktake"), owner())
                .expectNoEvents()
                .expectException(ZeroStockAdjustment.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("delta")));
    }

    @Test
    void reservingHoldsUnitsAndTheEventCarriesTheLevelsAfter() {
        fixture.given(onSaleWith(10))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 3), checkout())
                .expectEvents(stockReserved(DEFAULT, ORDER_1, 3, 10, 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void reservingTheLastUnitMarksTheProductSoldOut() {
        fixture.given(onSaleWith(3, stockReserved(DEFAULT, ORDER_1, 2, 3, 2)))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_2, 1), checkout())
                .expectEvents(stockReserved(DEFAULT, ORDER_2, 1, 3, 3), productSoldOut())
                .expectResultMessagePayload(5L);
    }

    @Test
    void cannotReserveMoreThanIsAvailable() {
        fixture.given(onSaleWith(3, stockReserved(DEFAULT, ORDER_1, 2, 3, 2)))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_2, 2), checkout())
                .expectNoEvents()
                .expectException(InsufficientStock.class)
                .expectException(violation(ErrorCode.OUT_OF_STOCK, List.of("variantId")))
                .expectExceptionMessage("Only 1 of variant default available");
    }

    @Test
    void cannotReserveFromASoldOutProduct() {
        fixture.given(onSaleWith(1, stockReserved(DEFAULT, ORDER_1, 1, 1, 1), productSoldOut()))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_2, 1), checkout())
                .expectNoEvents()
                .expectException(InsufficientStock.class)
                .expectExceptionMessage("Only 0 of variant default available");
    }

    @Test
    void repeatingAReservationChangesNothing() {
        fixture.given(onSaleWith(3, stockReserved(DEFAULT, ORDER_1, 2, 3, 2)))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 2), checkout())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void repeatingTheReservationThatSoldTheProductOutStillSucceeds() {
        // the retry of a checkout whose answer was lost must not be told "out of stock" by its own reservation
        fixture.given(onSaleWith(2, stockReserved(DEFAULT, ORDER_1, 2, 2, 2), productSoldOut()))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 2), checkout())
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void aReservationIdCannotBeReusedForAnotherQuantityOrVariant() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2)))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 3), checkout())
                .expectNoEvents()
                .expectException(ReservationIdReused.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("reservationId")));
        fixture.given(productWithSizesCreated(), stockReceived(SMALL, 5, null, 5, 0),
                        stockReceived(MEDIUM, 5, null, 5, 0), productPublished(ProductStatus.ON_SALE),
                        stockReserved(SMALL, ORDER_1, 1, 5, 1))
                .when(new ReserveStock(PRODUCT_ID, MEDIUM, ORDER_1, 1), checkout())
                .expectNoEvents()
                .expectException(ReservationIdReused.class);
    }

    @Test
    void cannotReserveFromAProductThatIsNotOnSale() {
        fixture.given(productCreated(), stockReceived(DEFAULT, 5, null, 5, 0))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 1), checkout())
                .expectNoEvents()
                .expectException(ProductNotOnSale.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()))
                .expectExceptionMessage("The product is not on sale");
        fixture.given(onSaleWith(5, productHidden()))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 1), checkout())
                .expectNoEvents()
                .expectException(ProductNotOnSale.class);
    }

    @Test
    void cannotReserveAnUnknownVariant() {
        fixture.given(onSaleWith(5))
                .when(new ReserveStock(PRODUCT_ID, VariantId.of("v9"), ORDER_1, 1), checkout())
                .expectNoEvents()
                .expectException(UnknownVariant.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("variantId")));
    }

    @Test
    void cannotReserveAnInactiveVariant() {
        fixture.given(productWithSizesCreated(), stockReceived(SMALL, 5, null, 5, 0),
                        stockReceived(MEDIUM, 5, null, 5, 0), productPublished(ProductStatus.ON_SALE),
                        new VariantStatusChanged(PRODUCT_ID, SELLER, MEDIUM, VariantStatus.INACTIVE))
                .when(new ReserveStock(PRODUCT_ID, MEDIUM, ORDER_1, 1), checkout())
                .expectNoEvents()
                .expectException(VariantNotActive.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("variantId")));
    }

    @Test
    void cannotReserveLessThanOneUnit() {
        fixture.given(onSaleWith(5))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 0), checkout())
                .expectNoEvents()
                .expectException(StockQuantityOutOfRange.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("quantity")));
    }

    @Test
    void aCustomerCannotReserveStockDirectly() {
        fixture.given(onSaleWith(5))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 1), actingAs(ActorRole.CUSTOMER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void aReservationAtThePriceTheBuyerWasShownHoldsTheUnits() {
        // medium costs the base price plus its delta
        fixture.given(sizesOnSaleWith(5))
                .when(new ReserveStock(PRODUCT_ID, MEDIUM, ORDER_1, 2, Money.won(13_000)), checkout())
                .expectEvents(stockReserved(MEDIUM, ORDER_1, 2, 5, 2));
    }

    @Test
    void aChangedBasePriceRefusesTheReservationNamingTheCurrentPrice() {
        fixture.given(sizesOnSaleWith(5, new BasePriceChanged(PRODUCT_ID, SELLER, PRICE, Money.won(12_500))))
                .when(new ReserveStock(PRODUCT_ID, MEDIUM, ORDER_1, 2, Money.won(13_000)), checkout())
                .expectNoEvents()
                .expectException(PriceChanged.class)
                .expectException(violation(ErrorCode.PRICE_CHANGED, List.of("expectedUnitPrice")))
                .expectExceptionMessage("Variant v2 now costs 13500 KRW");
    }

    @Test
    void aChangedVariantPriceDeltaRefusesTheReservation() {
        fixture.given(sizesOnSaleWith(5, new VariantChanged(PRODUCT_ID, SELLER, SMALL, null, Money.won(-500), 0)))
                .when(new ReserveStock(PRODUCT_ID, SMALL, ORDER_1, 1, PRICE), checkout())
                .expectNoEvents()
                .expectException(violation(ErrorCode.PRICE_CHANGED, List.of("expectedUnitPrice")))
                .expectExceptionMessage("Variant v1 now costs 11500 KRW");
    }

    @Test
    void aPriceInAnotherCurrencyIsNotTheSamePrice() {
        fixture.given(onSaleWith(5))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 1, Money.of(12_000, "USD")), checkout())
                .expectNoEvents()
                .expectException(PriceChanged.class);
    }

    @Test
    void aPriceChangeIsReportedBeforeALackOfStock() {
        // the buyer must see the new price first; whether enough is left is the next question
        fixture.given(onSaleWith(1))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 5, Money.won(11_000)), checkout())
                .expectNoEvents()
                .expectException(PriceChanged.class);
    }

    @Test
    void repeatingAReservationAfterThePriceChangedStillSucceeds() {
        // the retry of a checkout whose reservation went through must not be refused for a later price change
        fixture.given(onSaleWith(3, stockReserved(DEFAULT, ORDER_1, 2, 3, 2),
                        new BasePriceChanged(PRODUCT_ID, SELLER, PRICE, Money.won(15_000))))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 2, PRICE), checkout())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void aReservationWithoutAnExpectedPriceDoesNotCheckThePrice() {
        fixture.given(onSaleWith(3, new BasePriceChanged(PRODUCT_ID, SELLER, PRICE, Money.won(15_000))))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 1), checkout())
                .expectEvents(stockReserved(DEFAULT, ORDER_1, 1, 3, 1));
    }

    @Test
    void releasingAReservationGivesItsUnitsBack() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2)))
                .when(new ReleaseStock(PRODUCT_ID, ORDER_1), checkout())
                .expectEvents(stockReleased(DEFAULT, ORDER_1, 2, 5, 0))
                .expectResultMessagePayload(4L);
    }

    @Test
    void releasingTheReservationThatSoldTheProductOutBringsItBackInStock() {
        fixture.given(onSaleWith(2, stockReserved(DEFAULT, ORDER_1, 2, 2, 2), productSoldOut()))
                .when(new ReleaseStock(PRODUCT_ID, ORDER_1), checkout())
                .expectEvents(stockReleased(DEFAULT, ORDER_1, 2, 2, 0), productBackInStock())
                .expectResultMessagePayload(6L);
    }

    @Test
    void releasingAnUnknownReservationChangesNothing() {
        fixture.given(onSaleWith(5))
                .when(new ReleaseStock(PRODUCT_ID, ORDER_1), checkout())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void releasingTwiceChangesNothing() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2), stockReleased(DEFAULT, ORDER_1, 2, 5, 0)))
                .when(new ReleaseStock(PRODUCT_ID, ORDER_1), checkout())
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotReleaseACommittedReservation() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2), stockCommitted(DEFAULT, ORDER_1, 2, 3, 0)))
                .when(new ReleaseStock(PRODUCT_ID, ORDER_1), checkout())
                .expectNoEvents()
                .expectException(ReservationAlreadyCommitted.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("reservationId")));
    }

    @Test
    void aReleasedReservationsIdIsNotReusedForANewReservation() {
        // the reserve that arrives after its own release is a late duplicate, not a new checkout
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2), stockReleased(DEFAULT, ORDER_1, 2, 5, 0)))
                .when(new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 2), checkout())
                .expectNoEvents();
    }

    @Test
    void committingAReservationTakesItsUnitsOutOfOnHandAndReserved() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2)))
                .when(new CommitStock(PRODUCT_ID, ORDER_1), checkout())
                .expectEvents(stockCommitted(DEFAULT, ORDER_1, 2, 3, 0))
                .expectResultMessagePayload(4L);
    }

    @Test
    void committingTheLastUnitsKeepsTheProductSoldOut() {
        fixture.given(onSaleWith(2, stockReserved(DEFAULT, ORDER_1, 2, 2, 2), productSoldOut()))
                .when(new CommitStock(PRODUCT_ID, ORDER_1), checkout())
                .expectEvents(stockCommitted(DEFAULT, ORDER_1, 2, 0, 0));
    }

    @Test
    void committingTwiceChangesNothing() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2), stockCommitted(DEFAULT, ORDER_1, 2, 3, 0)))
                .when(new CommitStock(PRODUCT_ID, ORDER_1), checkout())
                .expectNoEvents()
                .expectResultMessagePayload(4L);
    }

    @Test
    void cannotCommitAnUnknownReservation() {
        fixture.given(onSaleWith(5))
                .when(new CommitStock(PRODUCT_ID, ORDER_1), checkout())
                .expectNoEvents()
                .expectException(UnknownReservation.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("reservationId")));
    }

    @Test
    void cannotCommitAReleasedReservation() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2), stockReleased(DEFAULT, ORDER_1, 2, 5, 0)))
                .when(new CommitStock(PRODUCT_ID, ORDER_1), checkout())
                .expectNoEvents()
                .expectException(ReservationAlreadyReleased.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of("reservationId")));
    }

    @Test
    void aDiscontinuedProductStillReleasesAndCommitsEarlierReservations() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2), stockReserved(DEFAULT, ORDER_2, 1, 5, 3),
                        productDiscontinued()))
                .when(new ReleaseStock(PRODUCT_ID, ORDER_1), checkout())
                .expectEvents(stockReleased(DEFAULT, ORDER_1, 2, 5, 1));
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2), stockReserved(DEFAULT, ORDER_2, 1, 5, 3),
                        productDiscontinued()))
                .when(new CommitStock(PRODUCT_ID, ORDER_2), checkout())
                .expectEvents(stockCommitted(DEFAULT, ORDER_2, 1, 4, 2));
    }

    @Test
    void anotherSellerCannotReleaseOrCommitAReservation() {
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2)))
                .when(new ReleaseStock(PRODUCT_ID, ORDER_1), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
        fixture.given(onSaleWith(5, stockReserved(DEFAULT, ORDER_1, 2, 5, 2)))
                .when(new CommitStock(PRODUCT_ID, ORDER_1), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }
}
