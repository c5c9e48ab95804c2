package io.jangteo.query.catalog;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.BasePriceChanged;
import io.jangteo.messages.catalog.CategoryAdded;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductFilter;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.ProductSort;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.seller.SellerRegistered;
import io.jangteo.messages.seller.SellerSuspended;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Money;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static io.jangteo.query.catalog.CatalogFixtures.created;
import static io.jangteo.query.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Lists over a small catalog whose shops and statuses cover every visibility case:
 * <pre>
 * p-01 s-open     배추김치 1kg     종가집        kimchi  12,000  ON_SALE (10 in stock)  tags 김치, 발효
 * p-02 s-open     Gochujang 500g  Sunchang     sauce    8,000  SOLD_OUT               tags spicy
 * p-03 s-open     Draft Doenjang               sauce    9,000  DRAFT
 * p-04 s-open     Hidden Kkakdugi              kimchi  11,000  HIDDEN
 * p-05 s-pending  Pending Kimchi               kimchi  10,000  ON_SALE
 * p-06 s-closed   Suspended Scarf              fashion 30,000  ON_SALE
 * p-07 s-open     Silk Scarf      KIMCHI House fashion 30,000  ON_SALE (5)
 * p-08 s-open     Wool Hat                     fashion 25,000  ON_SALE (2)            tags kimchi-lover
 * p-09 s-open     Old Mat                      home     7,000  DISCONTINUED
 * p-10 s-open     Rice Cake                    (none)   5,000  ON_SALE (3)
 * </pre>
 * Categories: food → kimchi, food → sauce; fashion; home.
 */
class ProductQueryHandlerTest {

    private static final Viewer CUSTOMER = new Viewer(ActorRole.CUSTOMER, "m-1", null);
    private static final Viewer STAFF = Viewer.admin("a-1");
    private static final Viewer PENDING_SHOP = new Viewer(ActorRole.SELLER, "u-2", "s-pending");
    private static final List<String> PUBLIC = List.of("p-01", "p-02", "p-07", "p-08", "p-10");
    private static final List<String> ALL = List.of("p-01", "p-02", "p-03", "p-04", "p-05", "p-06", "p-07", "p-08",
            "p-09", "p-10");

    private static EmbeddedReadStore readStore;

    private MongoDatabase database;
    private EventFeed feed;
    private ProductQueryHandler catalog;

    @BeforeAll
    static void startReadStore() {
        readStore = new EmbeddedReadStore();
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @BeforeEach
    void seedCatalog() {
        database = readStore.freshDatabase();
        var emitter = SimpleQueryUpdateEmitter.builder().build();
        SellerDirectory sellers = new SellerDirectory(database);
        ProductCatalog productCatalog = new ProductCatalog(database, sellers);
        feed = new EventFeed(new ProductCatalogProjection(database, sellers, emitter),
                new CategoryTreeProjection(database, productCatalog, emitter),
                SellerFixtures.projection(database, emitter));
        catalog = new ProductQueryHandler(productCatalog);

        feed.next("catalog", new CategoryAdded(CategoryId.of("food"), null, "식품"));
        feed.next("catalog", new CategoryAdded(CategoryId.of("kimchi"), CategoryId.of("food"), "김치"));
        feed.next("catalog", new CategoryAdded(CategoryId.of("sauce"), CategoryId.of("food"), "장류"));
        feed.next("catalog", new CategoryAdded(CategoryId.of("fashion"), null, "패션"));
        feed.next("catalog", new CategoryAdded(CategoryId.of("home"), null, "생활"));
        SellerFixtures.activeSeller(feed, "s-open", null);
        feed.next("s-pending", SellerFixtures.registered("s-pending", "대기상점"));
        SellerFixtures.activeSeller(feed, "s-closed", null);
        feed.next("s-closed", new SellerSuspended(SellerId.of("s-closed"), "점검"));

        product(feed, created("p-01", "s-open", "배추김치 1kg", "종가집", "kimchi", List.of("김치", "발효"), 12_000),
                10, ProductStatus.ON_SALE);
        product(feed, created("p-02", "s-open", "Gochujang 500g", "Sunchang", "sauce", List.of("spicy"), 8_000),
                0, ProductStatus.SOLD_OUT);
        product(feed, created("p-03", "s-open", "Draft Doenjang", null, "sauce", List.of(), 9_000),
                0, ProductStatus.DRAFT);
        product(feed, created("p-04", "s-open", "Hidden Kkakdugi", null, "kimchi", List.of(), 11_000),
                1, ProductStatus.HIDDEN);
        product(feed, created("p-05", "s-pending", "Pending Kimchi", null, "kimchi", List.of(), 10_000),
                1, ProductStatus.ON_SALE);
        product(feed, created("p-06", "s-closed", "Suspended Scarf", null, "fashion", List.of(), 30_000),
                1, ProductStatus.ON_SALE);
        product(feed, created("p-07", "s-open", "Silk Scarf", "KIMCHI House", "fashion", List.of(), 30_000),
                5, ProductStatus.ON_SALE);
        product(feed, created("p-08", "s-open", "Wool Hat", null, "fashion", List.of("kimchi-lover"), 25_000),
                2, ProductStatus.ON_SALE);
        product(feed, created("p-09", "s-open", "Old Mat", null, "home", List.of(), 7_000),
                1, ProductStatus.DISCONTINUED);
        product(feed, created("p-10", "s-open", "Rice Cake", null, null, List.of(), 5_000),
                3, ProductStatus.ON_SALE);
    }

    @Test
    void findsAProductWhateverItsStatusWithItsShopsState() {
        ProductView hidden = catalog.find(new FindProductQuery(ProductId.of("p-04"))).orElseThrow();
        ProductView closedShop = catalog.find(new FindProductQuery(ProductId.of("p-06"))).orElseThrow();

        assertThat(hidden.status()).isEqualTo(ProductStatus.HIDDEN);
        assertThat(hidden.sellerActive()).isTrue();
        assertThat(closedShop.sellerActive()).isFalse();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(catalog.find(new FindProductQuery(ProductId.of("p-99")))).isEmpty();
    }

    @Test
    void customersSeeListedProductsOfActiveShopsOnly() {
        ProductPage page = list(ProductFilter.NONE, ProductSort.OLDEST, CUSTOMER);

        assertThat(ids(page)).containsExactlyElementsOf(PUBLIC);
        assertThat(page.totalCount()).isEqualTo(5);
    }

    @Test
    void anonymousVisitorsSeeWhatCustomersSee() {
        assertThat(ids(list(ProductFilter.NONE, ProductSort.OLDEST, Viewer.anonymous())))
                .containsExactlyElementsOf(PUBLIC);
    }

    @Test
    void aShopAlsoSeesEverythingOfItsOwn() {
        assertThat(ids(list(ProductFilter.NONE, ProductSort.OLDEST, PENDING_SHOP)))
                .containsExactly("p-01", "p-02", "p-05", "p-07", "p-08", "p-10");
    }

    @Test
    void aSellerRoleWithoutAShopSeesWhatCustomersSee() {
        assertThat(ids(list(ProductFilter.NONE, ProductSort.OLDEST, new Viewer(ActorRole.SELLER, "u-9", null))))
                .containsExactlyElementsOf(PUBLIC);
    }

    @Test
    void staffSeeEverything() {
        for (ActorRole role : List.of(ActorRole.ADMIN, ActorRole.SUPPORT, ActorRole.ANALYST)) {
            assertThat(ids(list(ProductFilter.NONE, ProductSort.OLDEST, new Viewer(role, "x", null))))
                    .as("%s", role).containsExactlyElementsOf(ALL);
        }
    }

    @Test
    void aCategoryIncludesItsSubCategories() {
        assertThat(ids(list(filter().category("food"), ProductSort.OLDEST, CUSTOMER)))
                .containsExactly("p-01", "p-02");
        assertThat(ids(list(filter().category("food"), ProductSort.OLDEST, STAFF)))
                .containsExactly("p-01", "p-02", "p-03", "p-04", "p-05");
        assertThat(ids(list(filter().category("kimchi"), ProductSort.OLDEST, STAFF)))
                .containsExactly("p-01", "p-04", "p-05");
    }

    @Test
    void aCategoryFilterFollowsTheTreeWhenACategoryMoves() {
        feed.next("catalog", new io.jangteo.messages.catalog.CategoryMoved(CategoryId.of("kimchi"),
                CategoryId.of("food"), CategoryId.of("home")));

        assertThat(ids(list(filter().category("food"), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-02");
        assertThat(ids(list(filter().category("home"), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-01");
    }

    @Test
    void filtersByShop() {
        assertThat(ids(list(filter().seller("s-closed"), ProductSort.OLDEST, STAFF))).containsExactly("p-06");
        assertThat(ids(list(filter().seller("s-closed"), ProductSort.OLDEST, CUSTOMER))).isEmpty();
    }

    @Test
    void filtersByLowestPriceBothWaysInclusive() {
        assertThat(ids(list(filter().prices(8_000L, 25_000L), ProductSort.OLDEST, CUSTOMER)))
                .containsExactly("p-01", "p-02", "p-08");
        assertThat(ids(list(filter().prices(25_001L, null), ProductSort.OLDEST, CUSTOMER)))
                .containsExactly("p-07");
    }

    @Test
    void comparesThePriceFilterWithTheCheapestActiveVariant() {
        feed.next("p-10", new BasePriceChanged(ProductId.of("p-10"), SellerId.of("s-open"), Money.won(5_000),
                Money.won(40_000)));

        assertThat(ids(list(filter().prices(35_000L, null), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-10");
    }

    @Test
    void filtersByStatus() {
        assertThat(ids(list(filter().statuses(ProductStatus.DRAFT, ProductStatus.HIDDEN), ProductSort.OLDEST, STAFF)))
                .containsExactly("p-03", "p-04");
        // visibility applies first: a customer asking for drafts gets none
        assertThat(ids(list(filter().statuses(ProductStatus.DRAFT), ProductSort.OLDEST, CUSTOMER))).isEmpty();
    }

    @Test
    void filtersByStock() {
        assertThat(ids(list(filter().inStock(true), ProductSort.OLDEST, CUSTOMER)))
                .containsExactly("p-01", "p-07", "p-08", "p-10");
        assertThat(ids(list(filter().inStock(false), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-02");
    }

    @Test
    void textMatchesNameBrandOrTagIgnoringCase() {
        assertThat(ids(list(filter().text("kimchi"), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-07", "p-08");
        assertThat(ids(list(filter().text("  KimCHI "), ProductSort.OLDEST, STAFF)))
                .containsExactly("p-05", "p-07", "p-08");
        assertThat(ids(list(filter().text("sunCHANG"), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-02");
    }

    @Test
    void koreanTextMatchesHoweverItWasComposed() {
        String decomposed = Normalizer.normalize("김치", Normalizer.Form.NFD);

        assertThat(ids(list(filter().text("배추"), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-01");
        assertThat(ids(list(filter().text("발효"), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-01");
        assertThat(ids(list(filter().text(decomposed), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-01");
        assertThat(ids(list(filter().text("종가"), ProductSort.OLDEST, CUSTOMER))).containsExactly("p-01");
    }

    @Test
    void filtersCombine() {
        assertThat(ids(list(filter().category("fashion").inStock(true).text("scarf"), ProductSort.OLDEST, STAFF)))
                .containsExactly("p-06", "p-07");
        assertThat(ids(list(filter().category("fashion").inStock(true).text("scarf"), ProductSort.OLDEST, CUSTOMER)))
                .containsExactly("p-07");
    }

    @Test
    void sortsNewestFirstByCreation() {
        List<String> reversed = new ArrayList<>(PUBLIC);
        Collections.reverse(reversed);

        assertThat(ids(list(ProductFilter.NONE, ProductSort.NEWEST, CUSTOMER))).containsExactlyElementsOf(reversed);
    }

    @Test
    void sortsByPriceWithTiesBrokenTheSameWayEveryTime() {
        assertThat(ids(list(ProductFilter.NONE, ProductSort.PRICE_ASC, STAFF)))
                .containsExactly("p-10", "p-09", "p-02", "p-03", "p-05", "p-04", "p-01", "p-08", "p-06", "p-07");
        assertThat(ids(list(ProductFilter.NONE, ProductSort.PRICE_DESC, STAFF)))
                .containsExactly("p-06", "p-07", "p-08", "p-01", "p-04", "p-05", "p-03", "p-02", "p-09", "p-10");
    }

    @Test
    void sortsByNameIgnoringCase() {
        feed.next("p-10", new ProductRenamed(ProductId.of("p-10"), SellerId.of("s-open"), "Rice Cake", "apple"));

        assertThat(ids(list(ProductFilter.NONE, ProductSort.NAME_ASC, CUSTOMER)))
                .containsExactly("p-10", "p-02", "p-07", "p-08", "p-01");
    }

    @ParameterizedTest
    @EnumSource(ProductSort.class)
    void pagingForwardAndBackwardVisitsEveryProductOnceInOrder(ProductSort sort) {
        List<String> everything = ids(list(ProductFilter.NONE, sort, STAFF));

        List<String> forward = new ArrayList<>();
        String after = null;
        boolean hasPrevious = false;
        for (int pages = 0; pages < 10; pages++) {
            ProductPage page = catalog.find(FindProductsQuery.forward(null, sort, 3, after, STAFF));
            assertThat(page.hasPreviousPage()).isEqualTo(hasPrevious);
            assertThat(page.totalCount()).isEqualTo(10);
            forward.addAll(ids(page));
            hasPrevious = true;
            if (!page.hasNextPage()) {
                break;
            }
            after = page.cursors().get(page.cursors().size() - 1);
        }

        List<String> backward = new ArrayList<>();
        String before = null;
        boolean hasNext = false;
        for (int pages = 0; pages < 10; pages++) {
            ProductPage page = catalog.find(new FindProductsQuery(null, sort, 0, null, 3, before, STAFF));
            assertThat(page.hasNextPage()).isEqualTo(hasNext);
            backward.addAll(0, ids(page));
            hasNext = true;
            if (!page.hasPreviousPage()) {
                break;
            }
            before = page.cursors().get(0);
        }

        assertThat(forward).containsExactlyElementsOf(everything);
        assertThat(backward).containsExactlyElementsOf(everything);
    }

    @Test
    void aPageEndingExactlyAtTheLastProductHasNoNextPage() {
        ProductPage first = catalog.find(FindProductsQuery.forward(null, ProductSort.OLDEST, 2, null, CUSTOMER));
        ProductPage rest = catalog.find(FindProductsQuery.forward(null, ProductSort.OLDEST, 3,
                first.cursors().get(1), CUSTOMER));

        assertThat(ids(rest)).containsExactly("p-07", "p-08", "p-10");
        assertThat(rest.hasNextPage()).isFalse();
        assertThat(rest.hasPreviousPage()).isTrue();
    }

    @Test
    void pagesOfAFilteredListStayWithinTheFilter() {
        ProductFilter food = filter().category("food").f();
        ProductPage first = catalog.find(FindProductsQuery.forward(food, ProductSort.PRICE_ASC, 2, null, STAFF));
        ProductPage second = catalog.find(FindProductsQuery.forward(food, ProductSort.PRICE_ASC, 2,
                first.cursors().get(1), STAFF));
        ProductPage back = catalog.find(new FindProductsQuery(food, ProductSort.PRICE_ASC, 0, null, 2,
                second.cursors().get(0), STAFF));

        assertThat(ids(first)).containsExactly("p-02", "p-03");
        assertThat(ids(second)).containsExactly("p-05", "p-04");
        assertThat(second.hasNextPage()).isTrue();
        assertThat(ids(back)).isEqualTo(ids(first));
        assertThat(back.hasPreviousPage()).isFalse();
        assertThat(back.hasNextPage()).isTrue();
    }

    @Test
    void aCursorStaysValidWhenItsProductChangesOrNewProductsArrive() {
        ProductPage first = catalog.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 2, null, CUSTOMER));
        assertThat(ids(first)).containsExactly("p-10", "p-08");

        feed.next("p-08", new BasePriceChanged(ProductId.of("p-08"), SellerId.of("s-open"), Money.won(25_000),
                Money.won(1_000)));
        product(feed, created("p-11", "s-open", "New Tea", 3_000), 1, ProductStatus.ON_SALE);
        ProductPage second = catalog.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 2,
                first.cursors().get(1), CUSTOMER));

        assertThat(ids(second)).containsExactly("p-07", "p-02");
        assertThat(second.totalCount()).isEqualTo(6);
    }

    @Test
    void aZeroSizedPageCountsWithoutListing() {
        ProductPage page = catalog.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 0, null, CUSTOMER));

        assertThat(page.items()).isEmpty();
        assertThat(page.totalCount()).isEqualTo(5);
        assertThat(page.hasNextPage()).isTrue();
    }

    @Test
    void refusesACursorOfAnotherOrderOrNotACursorAtAll() {
        String newestCursor = catalog.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 1, null, CUSTOMER))
                .cursors().get(0);

        assertThatIllegalArgumentException().isThrownBy(() -> catalog.find(
                FindProductsQuery.forward(null, ProductSort.PRICE_ASC, 1, newestCursor, CUSTOMER)));
        assertThatIllegalArgumentException().isThrownBy(() -> catalog.find(
                FindProductsQuery.forward(null, ProductSort.NEWEST, 1, "not-a-cursor!", CUSTOMER)));
        assertThatIllegalArgumentException().isThrownBy(() -> catalog.find(
                FindProductsQuery.forward(null, ProductSort.NEWEST, 1, "AQ", CUSTOMER)));
    }

    @Test
    void listsFollowEveryWriteAtOnce() {
        list(ProductFilter.NONE, ProductSort.NAME_ASC, CUSTOMER); // loads the index

        feed.next("p-01", new ProductRenamed(ProductId.of("p-01"), SellerId.of("s-open"), "배추김치 1kg", "Aaa Kimchi"));
        feed.next("s-open", new SellerSuspended(SellerId.of("s-open"), "점검"));
        feed.next("s-pending", new io.jangteo.messages.seller.SellerApproved(SellerId.of("s-pending")));

        assertThat(ids(list(ProductFilter.NONE, ProductSort.NAME_ASC, CUSTOMER))).containsExactly("p-05");
        assertThat(ids(list(ProductFilter.NONE, ProductSort.NAME_ASC, STAFF)).get(0)).isEqualTo("p-01");
        assertThat(catalog.find(new FindProductQuery(ProductId.of("p-01"))).orElseThrow())
                .extracting(ProductView::name, ProductView::sellerActive).containsExactly("Aaa Kimchi", false);
    }

    @Test
    void anotherNodeReadingTheSameStoreSeesTheSameCatalog() {
        ProductQueryHandler otherNode = new ProductQueryHandler(
                new ProductCatalog(database, new SellerDirectory(database)));
        otherNode.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 5, null, CUSTOMER));

        product(feed, created("p-11", "s-open", "New Tea", 3_000), 1, ProductStatus.ON_SALE);

        assertThat(ids(otherNode.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 1, null, CUSTOMER))))
                .containsExactly("p-11");
    }

    @Test
    void aProductOfANewShopIsHiddenUntilTheShopIsApproved() {
        feed.next("s-new", new SellerRegistered(SellerId.of("s-new"), "새가게", "대표", "1234567890", null, null,
                null, "u-new"));
        product(feed, created("p-11", "s-new", "New Tea", 3_000), 1, ProductStatus.ON_SALE);
        assertThat(ids(list(filter().seller("s-new"), ProductSort.NEWEST, CUSTOMER))).isEmpty();

        feed.next("s-new", new io.jangteo.messages.seller.SellerApproved(SellerId.of("s-new")));

        assertThat(ids(list(filter().seller("s-new"), ProductSort.NEWEST, CUSTOMER))).containsExactly("p-11");
    }

    private ProductPage list(ProductFilter filter, ProductSort sort, Viewer viewer) {
        ProductPage page = catalog.find(FindProductsQuery.forward(filter, sort, FindProductsQuery.MAX_PAGE_SIZE,
                null, viewer));
        assertThat(page.totalCount()).isEqualTo(page.items().size());
        assertThat(page.hasNextPage()).isFalse();
        return page;
    }

    private ProductPage list(FilterBuilder filter, ProductSort sort, Viewer viewer) {
        return list(filter.f(), sort, viewer);
    }

    private static List<String> ids(ProductPage page) {
        return page.items().stream().map(ProductView::id).toList();
    }

    private static FilterBuilder filter() {
        return new FilterBuilder(ProductFilter.NONE);
    }

    /** Builds filters field by field; a filter is a record, so each step makes a new one. */
    private record FilterBuilder(ProductFilter f) {
        FilterBuilder category(String id) {
            return new FilterBuilder(new ProductFilter(CategoryId.of(id), f.sellerId(), f.minPrice(), f.maxPrice(),
                    f.statuses(), f.inStock(), f.text()));
        }

        FilterBuilder seller(String id) {
            return new FilterBuilder(new ProductFilter(f.categoryId(), SellerId.of(id), f.minPrice(), f.maxPrice(), f.statuses(),
                    f.inStock(), f.text()));
        }

        FilterBuilder prices(Long min, Long max) {
            return new FilterBuilder(new ProductFilter(f.categoryId(), f.sellerId(), min == null ? null : Money.won(min),
                    max == null ? null : Money.won(max), f.statuses(), f.inStock(), f.text()));
        }

        FilterBuilder statuses(ProductStatus... statuses) {
            return new FilterBuilder(new ProductFilter(f.categoryId(), f.sellerId(), f.minPrice(), f.maxPrice(), Set.of(statuses),
                    f.inStock(), f.text()));
        }

        FilterBuilder inStock(boolean inStock) {
            return new FilterBuilder(new ProductFilter(f.categoryId(), f.sellerId(), f.minPrice(), f.maxPrice(),
                    f.statuses(), inStock, f.text()));
        }

        FilterBuilder text(String text) {
            return new FilterBuilder(new ProductFilter(f.categoryId(), f.sellerId(), f.minPrice(), f.maxPrice(), f.statuses(),
                    f.inStock(), text));
        }
    }
}
