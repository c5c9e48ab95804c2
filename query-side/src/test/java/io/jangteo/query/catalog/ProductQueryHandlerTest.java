package io.jangteo.query.catalog;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProductQueryHandlerTest {

    /** In the order the catalog meets them; deliberately not the order of their ids. */
    private static final List<String> IDS = List.of("p-04", "p-01", "p-07", "p-03", "p-06", "p-02", "p-05");
    private static final Instant CREATED_AT = Instant.parse("2025-03-01T09:00:00Z");

    private static EmbeddedReadStore readStore;
    private static ProductQueryHandler catalog;

    @BeforeAll
    static void seedCatalog() {
        readStore = new EmbeddedReadStore();
        MongoDatabase database = readStore.freshDatabase();
        IDS.forEach(id -> create(database, id));
        catalog = new ProductQueryHandler(database);
    }

    @AfterAll
    static void stopReadStore() {
        readStore.close();
    }

    @Test
    void findsAProductById() {
        assertThat(catalog.find(new FindProductQuery(ProductId.of("p-03"))))
                .hasValue(new ProductView("p-03", "s-1", "Product p-03", Money.won(1_000), 0, CREATED_AT,
                        CREATED_AT));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(catalog.find(new FindProductQuery(ProductId.of("p-99")))).isEmpty();
    }

    @Test
    void listsProductsInTheOrderTheCatalogMetThem() {
        ProductPage everything = catalog.find(FindProductsQuery.forward(FindProductsQuery.MAX_PAGE_SIZE, null));

        assertThat(ids(everything)).containsExactlyElementsOf(IDS);
        assertThat(everything.hasNextPage()).isFalse();
        assertThat(everything.hasPreviousPage()).isFalse();
        assertThat(everything.totalCount()).isEqualTo(7);
    }

    @Test
    void handsOutOneDistinctCursorPerProduct() {
        ProductPage everything = catalog.find(FindProductsQuery.forward(FindProductsQuery.MAX_PAGE_SIZE, null));

        assertThat(everything.cursors()).hasSameSizeAs(everything.items()).doesNotHaveDuplicates();
    }

    @Test
    void theFirstPageHasANextPageButNoPreviousOne() {
        ProductPage page = catalog.find(FindProductsQuery.forward(3, null));

        assertThat(ids(page)).containsExactly("p-04", "p-01", "p-07");
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.hasPreviousPage()).isFalse();
        assertThat(page.totalCount()).isEqualTo(7);
    }

    @Test
    void aMiddlePageForwardHasBothNeighbours() {
        ProductPage page = catalog.find(FindProductsQuery.forward(3, cursorOf("p-07")));

        assertThat(ids(page)).containsExactly("p-03", "p-06", "p-02");
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.hasPreviousPage()).isTrue();
        assertThat(page.totalCount()).isEqualTo(7);
    }

    @Test
    void theLastPartialPageForwardHasNoNextPage() {
        ProductPage page = catalog.find(FindProductsQuery.forward(3, cursorOf("p-02")));

        assertThat(ids(page)).containsExactly("p-05");
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.hasPreviousPage()).isTrue();
    }

    @Test
    void aForwardPageEndingExactlyAtTheLastProductHasNoNextPage() {
        // the handler reads one more than asked to know; an exactly full last page must not claim a next one
        ProductPage page = catalog.find(FindProductsQuery.forward(4, cursorOf("p-07")));

        assertThat(ids(page)).containsExactly("p-03", "p-06", "p-02", "p-05");
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.hasPreviousPage()).isTrue();
    }

    @Test
    void aForwardPageAfterTheFirstProductHasAPreviousPage() {
        ProductPage page = catalog.find(FindProductsQuery.forward(2, cursorOf("p-04")));

        assertThat(ids(page)).containsExactly("p-01", "p-07");
        assertThat(page.hasPreviousPage()).isTrue();
    }

    @Test
    void aForwardPageAfterTheLastProductIsEmpty() {
        ProductPage page = catalog.find(FindProductsQuery.forward(3, cursorOf("p-05")));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.hasPreviousPage()).isTrue();
    }

    @Test
    void theLastPageBackwardHasAPreviousPageButNoNextOneAndIsInCatalogOrder() {
        ProductPage page = catalog.find(FindProductsQuery.backward(3, null));

        assertThat(ids(page)).containsExactly("p-06", "p-02", "p-05");
        assertThat(page.hasPreviousPage()).isTrue();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.totalCount()).isEqualTo(7);
    }

    @Test
    void aMiddlePageBackwardHasBothNeighbours() {
        ProductPage page = catalog.find(FindProductsQuery.backward(3, cursorOf("p-06")));

        assertThat(ids(page)).containsExactly("p-01", "p-07", "p-03");
        assertThat(page.hasPreviousPage()).isTrue();
        assertThat(page.hasNextPage()).isTrue();
    }

    @Test
    void theFirstPartialPageBackwardHasNoPreviousPage() {
        ProductPage page = catalog.find(FindProductsQuery.backward(3, cursorOf("p-01")));

        assertThat(ids(page)).containsExactly("p-04");
        assertThat(page.hasPreviousPage()).isFalse();
        assertThat(page.hasNextPage()).isTrue();
    }

    @Test
    void aBackwardPageStartingExactlyAtTheFirstProductHasNoPreviousPage() {
        ProductPage page = catalog.find(FindProductsQuery.backward(4, cursorOf("p-06")));

        assertThat(ids(page)).containsExactly("p-04", "p-01", "p-07", "p-03");
        assertThat(page.hasPreviousPage()).isFalse();
        assertThat(page.hasNextPage()).isTrue();
    }

    @Test
    void pagingForwardThenBackwardReturnsToTheSamePage() {
        ProductPage first = catalog.find(FindProductsQuery.forward(3, null));
        ProductPage second = catalog.find(FindProductsQuery.forward(3, first.cursors().get(2)));
        ProductPage third = catalog.find(FindProductsQuery.forward(3, second.cursors().get(2)));

        ProductPage backToSecond = catalog.find(FindProductsQuery.backward(3, third.cursors().get(0)));

        assertThat(backToSecond).isEqualTo(second);
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> catalog.find(FindProductsQuery.forward(3, "p-03")))
                .withMessageContaining("p-03");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> catalog.find(FindProductsQuery.backward(3, "p-03")));
    }

    @Test
    void anEmptyCatalogHasOneEmptyPageEitherWay() {
        ProductQueryHandler empty = new ProductQueryHandler(readStore.freshDatabase());

        for (FindProductsQuery query : List.of(FindProductsQuery.forward(3, null), FindProductsQuery.backward(3, null))) {
            ProductPage page = empty.find(query);
            assertThat(page.items()).isEmpty();
            assertThat(page.hasNextPage()).isFalse();
            assertThat(page.hasPreviousPage()).isFalse();
            assertThat(page.totalCount()).isZero();
        }
    }

    @Test
    void pagesStepOverPositionsThatNoProductTook() {
        // a creation that lost its insert still consumed a position; pages must neither show a hole nor come up short
        MongoDatabase database = readStore.freshDatabase();
        create(database, "q-1");
        create(database, "q-2");
        skipPositions(database, 3);
        create(database, "q-3");
        create(database, "q-4");
        skipPositions(database, 1);
        create(database, "q-5");
        ProductQueryHandler withGaps = new ProductQueryHandler(database);

        ProductPage first = withGaps.find(FindProductsQuery.forward(3, null));
        ProductPage rest = withGaps.find(FindProductsQuery.forward(3, first.cursors().get(2)));
        ProductPage last = withGaps.find(FindProductsQuery.backward(3, null));

        assertThat(ids(first)).containsExactly("q-1", "q-2", "q-3");
        assertThat(first.hasNextPage()).isTrue();
        assertThat(ids(rest)).containsExactly("q-4", "q-5");
        assertThat(rest.hasNextPage()).isFalse();
        assertThat(ids(last)).containsExactly("q-3", "q-4", "q-5");
        assertThat(last.hasPreviousPage()).isTrue();
    }

    private static void create(MongoDatabase database, String id) {
        new ProductCatalogProjection(database, SimpleQueryUpdateEmitter.builder().build())
                .on(new ProductCreated(ProductId.of(id), SellerId.of("s-1"), "Product " + id, Money.won(1_000)),
                        0, CREATED_AT);
    }

    /** What a creation does that takes a position and then fails to insert its document. */
    private static void skipPositions(MongoDatabase database, long count) {
        ProductDocument.counters(database).updateOne(eq("_id", ProductDocument.POSITION_COUNTER),
                Updates.inc(ProductCatalogProjection.LAST, count));
    }

    private static String cursorOf(String id) {
        ProductPage everything = catalog.find(FindProductsQuery.forward(FindProductsQuery.MAX_PAGE_SIZE, null));
        return everything.cursors().get(ids(everything).indexOf(id));
    }

    private static List<String> ids(ProductPage page) {
        return page.items().stream().map(ProductView::id).toList();
    }
}
