package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.CategoryAdded;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.CategoryMoved;
import io.jangteo.messages.catalog.CategoryRenamed;
import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.CategoryView;
import io.jangteo.messages.catalog.FindCategoriesQuery;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.SellerFixtures;
import io.jangteo.query.shared.EmbeddedReadStore;
import io.jangteo.query.shared.EventFeed;
import io.jangteo.query.shared.Subscriptions;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jangteo.query.catalog.CatalogFixtures.created;
import static io.jangteo.query.catalog.CatalogFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CategoryTreeTest {

    private static final String TREE = "catalog";
    private static EmbeddedReadStore readStore;

    private SimpleQueryUpdateEmitter emitter;
    private CategoryTreeProjection projection;
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
        var database = readStore.freshDatabase();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        SellerDirectory sellers = new SellerDirectory(database);
        ProductCatalog catalog = new ProductCatalog(database, sellers);
        projection = new CategoryTreeProjection(database, catalog, emitter);
        feed = new EventFeed(projection, new ProductCatalogProjection(database, sellers, emitter),
                SellerFixtures.projection(database, emitter));
        handler = new ProductQueryHandler(catalog);
    }

    @Test
    void anEmptyTreeHasNoCategoriesAndNoVersion() {
        assertThat(tree(Viewer.anonymous())).isEqualTo(new CategoryTreeView(List.of(), -1));
    }

    @Test
    void parentsComeBeforeChildrenAndSiblingsGoByNameEachWithItsPath() {
        add("c-food", null, "식품");
        add("c-fashion", null, "Fashion");
        add("c-sauce", "c-food", "장류");
        add("c-kimchi", "c-food", "김치");
        add("c-cabbage", "c-kimchi", "배추김치");

        CategoryTreeView tree = tree(Viewer.anonymous());

        assertThat(tree.categories()).extracting(CategoryView::id, CategoryView::parentId, CategoryView::path)
                .containsExactly(
                        tuple("c-fashion", null, List.of("c-fashion")),
                        tuple("c-food", null, List.of("c-food")),
                        tuple("c-kimchi", "c-food", List.of("c-food", "c-kimchi")),
                        tuple("c-cabbage", "c-kimchi", List.of("c-food", "c-kimchi", "c-cabbage")),
                        tuple("c-sauce", "c-food", List.of("c-food", "c-sauce")));
        assertThat(tree.version()).isEqualTo(4);
    }

    @Test
    void aRenameReordersSiblingsAndAMoveCarriesTheSubTree() {
        add("c-food", null, "식품");
        add("c-home", null, "생활");
        add("c-kimchi", "c-food", "김치");
        add("c-cabbage", "c-kimchi", "배추김치");
        add("c-sauce", "c-food", "장류");

        feed.next(TREE, new CategoryRenamed(CategoryId.of("c-sauce"), "장류", "가공식품"));
        feed.next(TREE, new CategoryMoved(CategoryId.of("c-kimchi"), CategoryId.of("c-food"), CategoryId.of("c-home")));

        CategoryTreeView tree = tree(Viewer.anonymous());
        assertThat(tree.categories()).extracting(CategoryView::id, CategoryView::name, CategoryView::path)
                .containsExactly(
                        tuple("c-home", "생활", List.of("c-home")),
                        tuple("c-kimchi", "김치", List.of("c-home", "c-kimchi")),
                        tuple("c-cabbage", "배추김치", List.of("c-home", "c-kimchi", "c-cabbage")),
                        tuple("c-food", "식품", List.of("c-food")),
                        tuple("c-sauce", "가공식품", List.of("c-food", "c-sauce")));
        assertThat(tree.version()).isEqualTo(6);
    }

    @Test
    void aRedeliveredOrLateEventChangesNothing() {
        add("c-food", null, "식품");
        CategoryRenamed first = new CategoryRenamed(CategoryId.of("c-food"), "식품", "먹거리");
        feed.next(TREE, first);
        feed.next(TREE, new CategoryRenamed(CategoryId.of("c-food"), "먹거리", "푸드"));

        feed.deliver(first, 1);
        feed.deliver(new CategoryAdded(CategoryId.of("c-food"), null, "식품"), 0);

        assertThat(tree(Viewer.anonymous())).isEqualTo(new CategoryTreeView(List.of(
                new CategoryView("c-food", null, "푸드", List.of("c-food"), 0)), 2));
    }

    @Test
    void replayAfterAResetRebuildsTheSameTree() {
        add("c-food", null, "식품");
        add("c-kimchi", "c-food", "김치");
        CategoryTreeView before = tree(Viewer.anonymous());

        projection.reset();
        assertThat(tree(Viewer.anonymous()).categories()).isEmpty();
        feed.restart();
        add("c-food", null, "식품");
        add("c-kimchi", "c-food", "김치");

        assertThat(tree(Viewer.anonymous())).isEqualTo(before);
    }

    @Test
    void countsAreOfTheProductsInTheSubTreeThatTheViewerMaySee() {
        add("c-food", null, "식품");
        add("c-kimchi", "c-food", "김치");
        add("c-sauce", "c-food", "장류");
        SellerFixtures.activeSeller(feed, "s-1", null);
        product(feed, created("p-1", "s-1", "배추김치", null, "c-kimchi", List.of(), 10_000), 1, ProductStatus.ON_SALE);
        product(feed, created("p-2", "s-1", "열무김치", null, "c-kimchi", List.of(), 10_000), 1, ProductStatus.DRAFT);
        product(feed, created("p-3", "s-1", "고추장", null, "c-sauce", List.of(), 10_000), 0, ProductStatus.SOLD_OUT);
        product(feed, created("p-4", "s-1", "분류 없음", null, null, List.of(), 10_000), 1, ProductStatus.ON_SALE);

        assertThat(tree(Viewer.anonymous()).categories()).extracting(CategoryView::id, CategoryView::productCount)
                .containsExactly(tuple("c-food", 2L), tuple("c-kimchi", 1L), tuple("c-sauce", 1L));
        assertThat(tree(Viewer.admin("a-1")).categories()).extracting(CategoryView::id, CategoryView::productCount)
                .containsExactly(tuple("c-food", 3L), tuple("c-kimchi", 2L), tuple("c-sauce", 1L));
    }

    @Test
    void subscribersReceiveTheNewTreeAtItsVersionCountedForThemselves() {
        add("c-food", null, "식품");
        SellerFixtures.activeSeller(feed, "s-1", null);
        product(feed, created("p-1", "s-1", "초안", null, "c-food", List.of(), 10_000), 1, ProductStatus.DRAFT);
        List<CategoryTreeView> customer = Subscriptions.subscribe(emitter,
                new FindCategoriesQuery(Viewer.anonymous()), CategoryTreeView.class);
        List<CategoryTreeView> staff = Subscriptions.subscribe(emitter,
                new FindCategoriesQuery(Viewer.admin("a-1")), CategoryTreeView.class);

        add("c-kimchi", "c-food", "김치");
        feed.deliver(new CategoryAdded(CategoryId.of("c-food"), null, "식품"), 0);

        assertThat(customer).extracting(CategoryTreeView::version).containsExactly(1L);
        assertThat(customer.get(0).categories()).extracting(CategoryView::productCount).containsExactly(0L, 0L);
        assertThat(staff).hasSize(1);
        assertThat(staff.get(0).categories()).extracting(CategoryView::productCount).containsExactly(1L, 0L);
    }

    private void add(String id, String parentId, String name) {
        feed.next(TREE, new CategoryAdded(CategoryId.of(id), parentId == null ? null : CategoryId.of(parentId), name));
    }

    private CategoryTreeView tree(Viewer viewer) {
        return handler.find(new FindCategoriesQuery(viewer));
    }
}
