package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.CategoryAdded;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductFilter;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductSort;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntFunction;

import static io.jangteo.query.catalog.CatalogFixtures.created;
import static io.jangteo.query.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints what the list handler costs on a catalog of a few hundred products in the embedded server, reached over
 * TCP like in production. Figures only, never a pass/fail limit: wall-clock time on a shared machine proves nothing.
 */
class ProductQueryHandlerTimingTest {

    private static final int PRODUCTS = 500;
    private static final int ROUNDS = 5_000;

    @Test
    void printsTheCostOfCatalogPages() {
        try (EmbeddedReadStore readStore = new EmbeddedReadStore()) {
            var database = readStore.freshDatabase();
            var emitter = SimpleQueryUpdateEmitter.builder().build();
            SellerDirectory sellers = new SellerDirectory(database);
            ProductCatalog productCatalog = new ProductCatalog(database, sellers);
            EventFeed feed = new EventFeed(new ProductCatalogProjection(database, sellers, emitter),
                    new CategoryTreeProjection(database, productCatalog, emitter),
                    SellerFixtures.projection(database, emitter));
            ProductQueryHandler handler = new ProductQueryHandler(productCatalog);
            for (int c = 0; c < 10; c++) {
                feed.next("catalog", new CategoryAdded(CategoryId.of("c-" + c), c < 2 ? null : CategoryId.of("c-" + c % 2),
                        "분류 " + c));
            }
            for (int s = 0; s < 20; s++) {
                SellerFixtures.activeSeller(feed, "s-" + s, null);
            }
            long seeding = System.nanoTime();
            for (int p = 0; p < PRODUCTS; p++) {
                product(feed, created("p-" + p, "s-" + p % 20, "상품 " + p + " kimchi", "brand " + p % 7,
                        "c-" + p % 10, List.of("tag" + p % 13), 1_000 + (p * 37L) % 50_000), 1 + p % 4,
                        p % 9 == 0 ? ProductStatus.DRAFT : ProductStatus.ON_SALE);
            }
            double seedMillis = (System.nanoTime() - seeding) / 1e6;
            Viewer customer = Viewer.anonymous();

            var counters = new io.jangteo.query.shared.ChangeCounters(database);
            double floor = measure("counter read alone (the round trip)", i ->
                    counters.read(List.of(ProductCatalogProjection.PROCESSING_GROUP, "category-tree", "seller-directory")));
            String firstPageCursor = handler.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 20, null,
                    customer)).cursors().get(19);
            double firstPage = measure("first page, NEWEST, customer", i ->
                    handler.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 20, null, customer)));
            double secondPage = measure("second page, NEWEST, customer", i ->
                    handler.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 20, firstPageCursor, customer)));
            double category = measure("category sub-tree + price sort", i ->
                    handler.find(FindProductsQuery.forward(new ProductFilter(CategoryId.of("c-" + i % 2), null, null,
                            null, null, true, null), ProductSort.PRICE_ASC, 20, null, customer)));
            double freshText = measure("text search, a new text every time", i ->
                    handler.find(FindProductsQuery.forward(new ProductFilter(null, null, null, null, null, null,
                            "상품 " + i % 400), ProductSort.NAME_ASC, 20, null, customer)));
            double single = measure("one product by id", i -> handler.find(new FindProductQuery(
                    ProductId.of("p-" + i % PRODUCTS))).orElseThrow());
            long renaming = System.nanoTime();
            for (int p = 0; p < PRODUCTS; p++) {
                feed.next("p-" + p, new io.jangteo.messages.catalog.ProductRenamed(ProductId.of("p-" + p),
                        io.jangteo.messages.seller.SellerId.of("s-" + p % 20), "", "이름 " + p));
            }
            System.out.printf("%d renames through the warm projection: %.2f ms/event%n", PRODUCTS,
                    (System.nanoTime() - renaming) / 1e6 / PRODUCTS);
            System.out.printf("catalog of %d products seeded through the projection in %.0f ms (%.2f ms/event)%n",
                    PRODUCTS, seedMillis, seedMillis / (PRODUCTS * 3.0));

            ProductPage page = handler.find(FindProductsQuery.forward(null, ProductSort.NEWEST, 20, null, customer));
            assertThat(page.items()).hasSize(20);
            assertThat(page.totalCount()).isEqualTo(PRODUCTS - (PRODUCTS + 8) / 9);
            assertThat(List.of(floor, firstPage, secondPage, category, freshText, single)).allMatch(micros -> micros > 0);
        }
    }

    private static double measure(String what, IntFunction<Object> query) {
        for (int i = 0; i < 2_000; i++) {
            assertThat(query.apply(i)).isNotNull();
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            query.apply(i);
        }
        double micros = (System.nanoTime() - start) / 1e3 / ROUNDS;
        System.out.printf("%-40s %8.1f µs per query (one thread)%n", what, micros);
        return micros;
    }
}
