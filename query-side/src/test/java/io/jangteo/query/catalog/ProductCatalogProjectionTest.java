package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.BasePriceChanged;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaDetached;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaProcessed;
import io.jangteo.messages.catalog.MediaProcessingFailed;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.MediaView;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductBackInStock;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductDescribed;
import io.jangteo.messages.catalog.ProductDiscontinued;
import io.jangteo.messages.catalog.ProductHidden;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPublished;
import io.jangteo.messages.catalog.ProductRecategorized;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.ProductSoldOut;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.Rendition;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.StockAdjusted;
import io.jangteo.messages.catalog.StockCommitted;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.StockReleased;
import io.jangteo.messages.catalog.StockReserved;
import io.jangteo.messages.catalog.VariantAdded;
import io.jangteo.messages.catalog.VariantChanged;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantStatusChanged;
import io.jangteo.messages.catalog.VariantView;
import io.jangteo.messages.catalog.VideoMetadata;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jangteo.query.catalog.CatalogFixtures.created;
import static io.jangteo.query.catalog.CatalogFixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProductCatalogProjectionTest {

    private static final String ID = "p-1";
    private static final ProductId PRODUCT = ProductId.of(ID);
    private static final SellerId SELLER = SellerId.of("s-1");
    private static final VariantId RED = VariantId.of("red");
    private static final VariantId BLUE = VariantId.of("blue");
    private static final ProductCreated CREATED = created(ID, "s-1", "배추김치 1kg", "종가집", "c-kimchi",
            List.of("김치", "발효"), 12_000, variant("red", 0, 1_000, "빨강"), variant("blue", 2_000, 1_200, "파랑"));
    private static final MediaId PHOTO = MediaId.of("m-1");

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private SimpleQueryUpdateEmitter emitter;
    private ProductCatalogProjection projection;
    private EventFeed feed;
    private ProductQueryHandler handler;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void setUp() {
        database = readStore.freshDatabase();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        SellerDirectory sellers = new SellerDirectory(database);
        projection = new ProductCatalogProjection(database, sellers, emitter);
        feed = new EventFeed(projection, SellerFixtures.projection(database, emitter));
        handler = new ProductQueryHandler(new ProductCatalog(database, sellers));
    }

    @Test
    void aCreatedProductIsADraftWithItsVariantsPricedFromTheBasePrice() {
        feed.next(ID, CREATED);

        ProductView view = view();
        assertThat(view).extracting(ProductView::id, ProductView::sellerId, ProductView::name,
                        ProductView::description, ProductView::brand, ProductView::categoryId, ProductView::tags,
                        ProductView::status, ProductView::basePrice, ProductView::minPrice, ProductView::maxPrice,
                        ProductView::inStock, ProductView::version, ProductView::createdAt, ProductView::updatedAt)
                .containsExactly(ID, "s-1", "배추김치 1kg", "About 배추김치 1kg", "종가집", "c-kimchi",
                        List.of("김치", "발효"), ProductStatus.DRAFT, Money.won(12_000), Money.won(12_000),
                        Money.won(14_000), false, 0L, EventFeed.at(0), EventFeed.at(0));
        assertThat(view.options()).containsExactly(new OptionAxis("색상", List.of("빨강", "파랑")));
        assertThat(view.variants()).containsExactly(
                new VariantView("red", "SKU-red", List.of("빨강"), Money.won(0), Money.won(12_000), 1_000,
                        VariantStatus.ACTIVE, 0, 0, 0),
                new VariantView("blue", "SKU-blue", List.of("파랑"), Money.won(2_000), Money.won(14_000), 1_200,
                        VariantStatus.ACTIVE, 0, 0, 0));
        assertThat(view.media()).isEmpty();
    }

    @Test
    void renamingDescribingAndRecategorizingChangeOnlyTheirFields() {
        feed.next(ID, CREATED);
        feed.next(ID, new ProductRenamed(PRODUCT, SELLER, "배추김치 1kg", "포기김치 2kg"));
        feed.next(ID, new ProductDescribed(PRODUCT, SELLER, "전라도식", "남도식품", List.of("김장")));
        feed.next(ID, new ProductRecategorized(PRODUCT, SELLER, CategoryId.of("c-kimchi"), CategoryId.of("c-side")));

        assertThat(view()).extracting(ProductView::name, ProductView::description, ProductView::brand,
                        ProductView::tags, ProductView::categoryId, ProductView::basePrice, ProductView::version,
                        ProductView::createdAt, ProductView::updatedAt)
                .containsExactly("포기김치 2kg", "전라도식", "남도식품", List.of("김장"), "c-side", Money.won(12_000),
                        3L, EventFeed.at(0), EventFeed.at(3));
    }

    @Test
    void aBasePriceChangeMovesEveryVariantPrice() {
        feed.next(ID, CREATED);
        feed.next(ID, new BasePriceChanged(PRODUCT, SELLER, Money.won(12_000), Money.won(10_000)));

        assertThat(view().variants()).extracting(VariantView::price)
                .containsExactly(Money.won(10_000), Money.won(12_000));
        assertThat(view()).extracting(ProductView::minPrice, ProductView::maxPrice)
                .containsExactly(Money.won(10_000), Money.won(12_000));
    }

    @Test
    void variantsCanBeAddedChangedAndDeactivatedAndThePriceSpanFollowsTheActiveOnes() {
        feed.next(ID, CREATED);
        feed.next(ID, new VariantAdded(PRODUCT, SELLER, variant("green", -1_000, 900, "초록")));
        assertThat(view()).extracting(ProductView::minPrice, ProductView::maxPrice)
                .containsExactly(Money.won(11_000), Money.won(14_000));

        feed.next(ID, new VariantChanged(PRODUCT, SELLER, BLUE, "SKU-B2", Money.won(5_000), 1_500));
        feed.next(ID, new VariantStatusChanged(PRODUCT, SELLER, VariantId.of("green"), VariantStatus.INACTIVE));

        ProductView view = view();
        assertThat(view.variants()).extracting(VariantView::variantId, VariantView::sku, VariantView::price,
                        VariantView::weightGrams, VariantView::status)
                .containsExactly(
                        tuple("red", "SKU-red", Money.won(12_000), 1_000L, VariantStatus.ACTIVE),
                        tuple("blue", "SKU-B2", Money.won(17_000), 1_500L, VariantStatus.ACTIVE),
                        tuple("green", "SKU-green", Money.won(11_000), 900L, VariantStatus.INACTIVE));
        assertThat(view).extracting(ProductView::minPrice, ProductView::maxPrice)
                .containsExactly(Money.won(12_000), Money.won(17_000));
    }

    @Test
    void withEveryVariantInactiveThePriceSpanCoversThemAll() {
        feed.next(ID, CREATED);
        feed.next(ID, new VariantStatusChanged(PRODUCT, SELLER, RED, VariantStatus.INACTIVE));
        feed.next(ID, new VariantStatusChanged(PRODUCT, SELLER, BLUE, VariantStatus.INACTIVE));

        assertThat(view()).extracting(ProductView::minPrice, ProductView::maxPrice)
                .containsExactly(Money.won(12_000), Money.won(14_000));
    }

    @Test
    void statusFollowsPublishingSellingOutHidingAndDiscontinuing() {
        feed.next(ID, CREATED);
        List<ProductStatus> seen = new ArrayList<>();
        feed.next(ID, new ProductPublished(PRODUCT, SELLER, ProductStatus.SOLD_OUT));
        seen.add(view().status());
        feed.next(ID, new ProductBackInStock(PRODUCT, SELLER));
        seen.add(view().status());
        feed.next(ID, new ProductSoldOut(PRODUCT, SELLER));
        seen.add(view().status());
        feed.next(ID, new ProductHidden(PRODUCT, SELLER));
        seen.add(view().status());
        feed.next(ID, new ProductPublished(PRODUCT, SELLER, ProductStatus.ON_SALE));
        seen.add(view().status());
        feed.next(ID, new ProductDiscontinued(PRODUCT, SELLER));
        seen.add(view().status());

        assertThat(seen).containsExactly(ProductStatus.SOLD_OUT, ProductStatus.ON_SALE, ProductStatus.SOLD_OUT,
                ProductStatus.HIDDEN, ProductStatus.ON_SALE, ProductStatus.DISCONTINUED);
    }

    @Test
    void stockEventsSetTheLevelsTheyCarry() {
        ReservationId reservation = ReservationId.of("o-1:1");
        feed.next(ID, CREATED);
        feed.next(ID, new StockReceived(PRODUCT, SELLER, RED, 10, "입고", 10, 0));
        assertThat(red()).extracting(VariantView::onHand, VariantView::reserved, VariantView::available)
                .containsExactly(10L, 0L, 10L);
        assertThat(view().inStock()).isTrue();

        feed.next(ID, new StockReserved(PRODUCT, SELLER, RED, reservation, 3, 10, 3));
        assertThat(red()).extracting(VariantView::onHand, VariantView::reserved, VariantView::available)
                .containsExactly(10L, 3L, 7L);

        feed.next(ID, new StockCommitted(PRODUCT, SELLER, RED, reservation, 3, 7, 0));
        feed.next(ID, new StockReserved(PRODUCT, SELLER, RED, ReservationId.of("o-2:1"), 2, 7, 2));
        feed.next(ID, new StockReleased(PRODUCT, SELLER, RED, ReservationId.of("o-2:1"), 2, 7, 0));
        feed.next(ID, new StockAdjusted(PRODUCT, SELLER, RED, -7, "파손", 0, 0));

        assertThat(red()).extracting(VariantView::onHand, VariantView::reserved, VariantView::available)
                .containsExactly(0L, 0L, 0L);
        assertThat(view().inStock()).isFalse();
    }

    @Test
    void aRedeliveredReservationIsNotCountedTwice() {
        feed.next(ID, CREATED);
        feed.next(ID, new StockReceived(PRODUCT, SELLER, RED, 10, "입고", 10, 0));
        StockReserved reserved = new StockReserved(PRODUCT, SELLER, RED, ReservationId.of("o-1:1"), 3, 10, 3);
        long version = feed.next(ID, reserved);

        feed.deliver(reserved, version);

        assertThat(red().available()).isEqualTo(7);
    }

    @Test
    void stockOfAnInactiveVariantDoesNotMakeTheProductInStock() {
        feed.next(ID, CREATED);
        feed.next(ID, new VariantStatusChanged(PRODUCT, SELLER, BLUE, VariantStatus.INACTIVE));
        feed.next(ID, new StockReceived(PRODUCT, SELLER, BLUE, 5, "입고", 5, 0));

        assertThat(view().inStock()).isFalse();
    }

    @Test
    void mediaGoFromPendingToReadyWithTheirRenditions() {
        Rendition thumbnail = new Rendition("thumbnail", "image/webp", 200, 200, 4_000, "m-1/thumb.webp");
        feed.next(ID, CREATED);
        feed.next(ID, attached(PHOTO, MediaKind.VIDEO));
        assertThat(view().media()).extracting(MediaView::mediaId, MediaView::status, MediaView::contentType,
                        MediaView::fileName, MediaView::sizeBytes)
                .containsExactly(tuple("m-1", MediaStatus.PENDING, "video/mp4", "m-1.mp4", 1_234L));

        feed.next(ID, new MediaProcessed(PRODUCT, SELLER, PHOTO, List.of(thumbnail),
                new VideoMetadata(12_000, 1920, 1080, "h264")));

        assertThat(view().media()).containsExactly(new MediaView("m-1", MediaKind.VIDEO, MediaStatus.READY,
                "video/mp4", "m-1.mp4", 1_234, List.of(thumbnail), new VideoMetadata(12_000, 1920, 1080, "h264"),
                null));
    }

    @Test
    void aMediumThatFailsShowsWhyAndADetachedOneIsGone() {
        MediaId other = MediaId.of("m-2");
        feed.next(ID, CREATED);
        feed.next(ID, attached(PHOTO, MediaKind.IMAGE));
        feed.next(ID, attached(other, MediaKind.IMAGE));
        feed.next(ID, new MediaProcessingFailed(PRODUCT, SELLER, PHOTO, MediaStatus.UNSUPPORTED, "HEIC 미지원"));
        feed.next(ID, new MediaProcessingFailed(PRODUCT, SELLER, other, MediaStatus.FAILED, "손상된 파일"));
        assertThat(view().media()).extracting(MediaView::mediaId, MediaView::status, MediaView::failureReason)
                .containsExactly(tuple("m-1", MediaStatus.UNSUPPORTED, "HEIC 미지원"),
                        tuple("m-2", MediaStatus.FAILED, "손상된 파일"));

        feed.next(ID, new MediaDetached(PRODUCT, SELLER, PHOTO));

        assertThat(view().media()).extracting(MediaView::mediaId).containsExactly("m-2");
    }

    @Test
    void redeliveringEveryEventLeavesTheDocumentUnchanged() {
        List<Object> history = fullHistory();
        history.forEach(event -> feed.next(ID, event));
        Document afterFirstDelivery = document();

        // a tracking processor redelivers a batch whose token it did not store before a crash
        for (int version = 0; version < history.size(); version++) {
            feed.deliver(history.get(version), version);
        }

        assertThat(document()).isEqualTo(afterFirstDelivery);
        assertThat(products().countDocuments()).isEqualTo(1);
    }

    @Test
    void replayingFromAResetRebuildsTheSameDocument() {
        List<Object> history = fullHistory();
        history.forEach(event -> feed.next(ID, event));
        Document beforeReset = document();
        ProductView viewBeforeReset = view();

        projection.reset();
        assertThat(handler.find(new FindProductQuery(PRODUCT))).isEmpty();
        feed.restart();
        history.forEach(event -> feed.next(ID, event));

        assertThat(document()).isEqualTo(beforeReset);
        assertThat(view()).isEqualTo(viewBeforeReset);
    }

    @Test
    void anOlderEventDeliveredLateDoesNotMoveTheProductBack() {
        feed.next(ID, CREATED);
        ProductRenamed first = new ProductRenamed(PRODUCT, SELLER, "배추김치 1kg", "포기김치");
        feed.next(ID, first);
        feed.next(ID, new ProductRenamed(PRODUCT, SELLER, "포기김치", "묵은지"));

        feed.deliver(first, 1);
        feed.deliver(created(ID, "s-1", "처음 이름", 1), 0);

        assertThat(view()).extracting(ProductView::name, ProductView::basePrice, ProductView::version)
                .containsExactly("묵은지", Money.won(12_000), 2L);
    }

    @Test
    void anEventOfAProductNotYetProjectedCreatesNoDocument() {
        // without its creation the projection knows neither seller nor price, so a half document would be a lie
        feed.deliver(new ProductRenamed(PRODUCT, SELLER, "a", "b"), 1);

        assertThat(products().countDocuments()).isZero();
    }

    @Test
    void subscribersOfAProductReceiveEachNewViewWithTheirShopsStateAndNothingForStaleEvents() {
        SellerFixtures.activeSeller(feed, "s-1", null);
        List<ProductView> updates = Subscriptions.subscribe(emitter, new FindProductQuery(PRODUCT),
                ProductView.class);
        List<ProductView> others = Subscriptions.subscribe(emitter, new FindProductQuery(ProductId.of("p-2")),
                ProductView.class);

        feed.next(ID, CREATED);
        ProductRenamed rename = new ProductRenamed(PRODUCT, SELLER, "배추김치 1kg", "포기김치");
        feed.next(ID, rename);
        feed.deliver(rename, 1);
        feed.deliver(CREATED, 0);

        assertThat(updates).extracting(ProductView::name, ProductView::version, ProductView::sellerActive)
                .containsExactly(tuple("배추김치 1kg", 0L, true), tuple("포기김치", 1L, true));
        assertThat(updates.get(1)).isEqualTo(view());
        assertThat(others).isEmpty();
    }

    private List<Object> fullHistory() {
        return List.of(CREATED,
                new StockReceived(PRODUCT, SELLER, RED, 10, "입고", 10, 0),
                new ProductPublished(PRODUCT, SELLER, ProductStatus.ON_SALE),
                new ProductRenamed(PRODUCT, SELLER, "배추김치 1kg", "포기김치"),
                attached(PHOTO, MediaKind.IMAGE),
                new MediaProcessed(PRODUCT, SELLER, PHOTO, List.of(), null),
                new StockReserved(PRODUCT, SELLER, RED, ReservationId.of("o-1:1"), 4, 10, 4));
    }

    private static MediaAttached attached(MediaId mediaId, MediaKind kind) {
        return new MediaAttached(PRODUCT, SELLER, mediaId, kind, kind == MediaKind.VIDEO ? "video/mp4" : "image/jpeg",
                1_234, "abc123", mediaId.value() + (kind == MediaKind.VIDEO ? ".mp4" : ".jpg"),
                "originals/" + mediaId.value());
    }

    private VariantView red() {
        return view().variants().stream().filter(v -> v.variantId().equals("red")).findFirst().orElseThrow();
    }

    private ProductView view() {
        return handler.find(new FindProductQuery(PRODUCT)).orElseThrow();
    }

    private MongoCollection<Document> products() {
        return ProductDocument.collection(database);
    }

    private Document document() {
        return products().find(new Document("_id", ID)).first();
    }
}
