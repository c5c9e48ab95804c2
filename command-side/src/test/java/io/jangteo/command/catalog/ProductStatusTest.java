package io.jangteo.command.catalog;

import io.jangteo.command.catalog.ProductAccessPolicy.NotProductOwner;
import io.jangteo.command.catalog.ProductLifecycle.DraftCannotBeHidden;
import io.jangteo.command.catalog.ProductLifecycle.ProductIsDiscontinued;
import io.jangteo.messages.catalog.AddVariant;
import io.jangteo.messages.catalog.AdjustStock;
import io.jangteo.messages.catalog.AttachMedia;
import io.jangteo.messages.catalog.ChangeBasePrice;
import io.jangteo.messages.catalog.ChangeVariant;
import io.jangteo.messages.catalog.ChangeVariantStatus;
import io.jangteo.messages.catalog.DescribeProduct;
import io.jangteo.messages.catalog.DetachMedia;
import io.jangteo.messages.catalog.DiscontinueProduct;
import io.jangteo.messages.catalog.HideProduct;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.PublishProduct;
import io.jangteo.messages.catalog.RecategorizeProduct;
import io.jangteo.messages.catalog.ReceiveStock;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.catalog.ReserveStock;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jangteo.command.catalog.ProductFixtures.DEFAULT;
import static io.jangteo.command.catalog.ProductFixtures.ORDER_1;
import static io.jangteo.command.catalog.ProductFixtures.OTHER_SELLER;
import static io.jangteo.command.catalog.ProductFixtures.PHOTO;
import static io.jangteo.command.catalog.ProductFixtures.PRODUCT_ID;
import static io.jangteo.command.catalog.ProductFixtures.actingAs;
import static io.jangteo.command.catalog.ProductFixtures.mediaAttached;
import static io.jangteo.command.catalog.ProductFixtures.onSaleWith;
import static io.jangteo.command.catalog.ProductFixtures.owner;
import static io.jangteo.command.catalog.ProductFixtures.productCreated;
import static io.jangteo.command.catalog.ProductFixtures.productDiscontinued;
import static io.jangteo.command.catalog.ProductFixtures.productHidden;
import static io.jangteo.command.catalog.ProductFixtures.productPublished;
import static io.jangteo.command.catalog.ProductFixtures.productSoldOut;
import static io.jangteo.command.catalog.ProductFixtures.seller;
import static io.jangteo.command.catalog.ProductFixtures.spec;
import static io.jangteo.command.catalog.ProductFixtures.stockReceived;
import static io.jangteo.command.catalog.ProductFixtures.violation;

/** DRAFT → ON_SALE ↔ SOLD_OUT → HIDDEN → DISCONTINUED, and what a discontinued product still allows. */
class ProductStatusTest {

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Test
    void publishingADraftWithStockPutsItOnSale() {
        fixture.given(productCreated(), stockReceived(DEFAULT, 3, null, 3, 0))
                .when(new PublishProduct(PRODUCT_ID), owner())
                .expectEvents(productPublished(ProductStatus.ON_SALE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void publishingADraftWithoutStockListsItAsSoldOut() {
        fixture.given(productCreated())
                .when(new PublishProduct(PRODUCT_ID), owner())
                .expectEvents(productPublished(ProductStatus.SOLD_OUT));
    }

    @Test
    void stockOfAnInactiveVariantDoesNotCountWhenPublishing() {
        fixture.given(productCreated(), stockReceived(DEFAULT, 3, null, 3, 0),
                        new io.jangteo.messages.catalog.VariantStatusChanged(PRODUCT_ID, ProductFixtures.SELLER,
                                DEFAULT, VariantStatus.INACTIVE))
                .when(new PublishProduct(PRODUCT_ID), owner())
                .expectEvents(productPublished(ProductStatus.SOLD_OUT));
    }

    @Test
    void publishingAHiddenProductListsItAgain() {
        List<Object> given = new ArrayList<>(onSaleWith(3));
        given.add(productHidden());
        fixture.given(given)
                .when(new PublishProduct(PRODUCT_ID), owner())
                .expectEvents(productPublished(ProductStatus.ON_SALE))
                .expectResultMessagePayload(4L);
    }

    @Test
    void publishingAListedProductChangesNothing() {
        fixture.given(onSaleWith(3))
                .when(new PublishProduct(PRODUCT_ID), owner())
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        fixture.given(productCreated(), productPublished(ProductStatus.SOLD_OUT))
                .when(new PublishProduct(PRODUCT_ID), owner())
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotPublishAnotherSellersProduct() {
        fixture.given(productCreated())
                .when(new PublishProduct(PRODUCT_ID), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void hidingAProductOnSaleTakesItOutOfTheStorefront() {
        fixture.given(onSaleWith(3))
                .when(new HideProduct(PRODUCT_ID), owner())
                .expectEvents(productHidden())
                .expectResultMessagePayload(3L);
    }

    @Test
    void hidingASoldOutProductTakesItOutOfTheStorefront() {
        fixture.given(productCreated(), productPublished(ProductStatus.SOLD_OUT))
                .when(new HideProduct(PRODUCT_ID), owner())
                .expectEvents(productHidden());
    }

    @Test
    void hidingAHiddenProductChangesNothing() {
        List<Object> given = new ArrayList<>(onSaleWith(3));
        given.add(productHidden());
        fixture.given(given)
                .when(new HideProduct(PRODUCT_ID), owner())
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotHideADraft() {
        fixture.given(productCreated())
                .when(new HideProduct(PRODUCT_ID), owner())
                .expectNoEvents()
                .expectException(DraftCannotBeHidden.class)
                .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
    }

    @Test
    void aHiddenProductIsNotMarkedSoldOutWhenItsStockRunsOut() {
        List<Object> given = new ArrayList<>(onSaleWith(3));
        given.add(productHidden());
        fixture.given(given)
                .when(new AdjustStock(PRODUCT_ID, DEFAULT, -3, "damaged"), owner())
                .expectEvents(new io.jangteo.messages.catalog.StockAdjusted(PRODUCT_ID, ProductFixtures.SELLER,
                        DEFAULT, -3, "damaged", 0, 0));
    }

    @Test
    void aProductCanBeDiscontinuedFromAnyOtherStatus() {
        fixture.given(productCreated())
                .when(new DiscontinueProduct(PRODUCT_ID), owner())
                .expectEvents(productDiscontinued())
                .expectResultMessagePayload(1L);
        fixture.given(onSaleWith(3))
                .when(new DiscontinueProduct(PRODUCT_ID), owner())
                .expectEvents(productDiscontinued());
        fixture.given(productCreated(), productPublished(ProductStatus.SOLD_OUT))
                .when(new DiscontinueProduct(PRODUCT_ID), actingAs(ActorRole.ADMIN))
                .expectEvents(productDiscontinued());
        List<Object> hidden = new ArrayList<>(onSaleWith(3));
        hidden.add(productHidden());
        fixture.given(hidden)
                .when(new DiscontinueProduct(PRODUCT_ID), owner())
                .expectEvents(productDiscontinued());
    }

    @Test
    void discontinuingADiscontinuedProductChangesNothing() {
        fixture.given(productCreated(), productDiscontinued())
                .when(new DiscontinueProduct(PRODUCT_ID), owner())
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotDiscontinueAnotherSellersProduct() {
        fixture.given(productCreated())
                .when(new DiscontinueProduct(PRODUCT_ID), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void aDiscontinuedProductRefusesEveryChange() {
        List<Object> commands = List.of(
                new RenameProduct(PRODUCT_ID, "Other"),
                new DescribeProduct(PRODUCT_ID, "Other", null, null),
                new RecategorizeProduct(PRODUCT_ID, io.jangteo.messages.catalog.CategoryId.of("c-9")),
                new ChangeBasePrice(PRODUCT_ID, Money.won(1)),
                new AddVariant(PRODUCT_ID, spec(null)),
                new ChangeVariant(PRODUCT_ID, DEFAULT, "SKU", Money.won(0), 0),
                new ChangeVariantStatus(PRODUCT_ID, DEFAULT, VariantStatus.INACTIVE),
                new PublishProduct(PRODUCT_ID),
                new HideProduct(PRODUCT_ID),
                new ReceiveStock(PRODUCT_ID, DEFAULT, 1, null),
                new AdjustStock(PRODUCT_ID, DEFAULT, -1, "stocktake"),
                new ReserveStock(PRODUCT_ID, DEFAULT, ORDER_1, 1),
                new AttachMedia(PRODUCT_ID, io.jangteo.messages.catalog.MediaId.of("m-9"), MediaKind.IMAGE,
                        "image/png", 1, "ff", "a.png", "a.png"),
                new DetachMedia(PRODUCT_ID, PHOTO));
        List<Object> given = new ArrayList<>(onSaleWith(3));
        given.add(mediaAttached(PHOTO));
        given.add(productDiscontinued());
        for (Object command : commands) {
            fixture.given(given)
                    .when(command, owner())
                    .expectNoEvents()
                    .expectException(ProductIsDiscontinued.class)
                    .expectException(violation(ErrorCode.INVALID_STATE, List.of()));
        }
    }

    @Test
    void anOutsiderLearnsNotThatAProductIsDiscontinued() {
        fixture.given(productCreated(), productDiscontinued())
                .when(new RenameProduct(PRODUCT_ID, "Other"), seller(OTHER_SELLER))
                .expectException(NotProductOwner.class);
    }

    @Test
    void aSoldOutProductThatIsHiddenAndPublishedAgainComesBackOnSaleWhenItHasStock() {
        List<Object> given = new ArrayList<>(onSaleWith(3));
        given.add(new io.jangteo.messages.catalog.StockAdjusted(PRODUCT_ID, ProductFixtures.SELLER, DEFAULT, -3,
                "damaged", 0, 0));
        given.add(productSoldOut());
        given.add(productHidden());
        given.add(stockReceived(DEFAULT, 5, null, 5, 0));
        fixture.given(given)
                .when(new PublishProduct(PRODUCT_ID), owner())
                .expectEvents(productPublished(ProductStatus.ON_SALE));
    }
}
