package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProductCatalogProjectionTest {

    private static final ProductId PRODUCT = ProductId.of("0190a1b2c3d4e5f60718293a4b5c");
    private static final ProductId OTHER_PRODUCT = ProductId.of("0190a1b2c3d4ffffffffffffffff");
    private static final SellerId SELLER = SellerId.of("s-1");
    private static final Money PRICE = Money.won(12_000);
    private static final Instant CREATED_AT = Instant.parse("2025-03-01T09:00:00.123Z");
    private static final Instant FIRST_RENAME_AT = Instant.parse("2025-03-01T09:05:00.456Z");
    private static final Instant SECOND_RENAME_AT = Instant.parse("2025-03-02T10:00:00.789Z");

    private static final ProductCreated CREATED = new ProductCreated(PRODUCT, SELLER, "Kimchi 1kg", PRICE);
    private static final ProductRenamed FIRST_RENAME =
            new ProductRenamed(PRODUCT, SELLER, "Kimchi 1kg", "Kkakdugi 1kg");
    private static final ProductRenamed SECOND_RENAME =
            new ProductRenamed(PRODUCT, SELLER, "Kkakdugi 1kg", "Chonggak kimchi");

    private static EmbeddedReadStore readStore;

    private MongoCollection<Document> products;
    private SimpleQueryUpdateEmitter updateEmitter;
    private ProductCatalogProjection projection;

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
        products = ProductDocument.collection(database);
        updateEmitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new ProductCatalogProjection(database, updateEmitter);
    }

    @Test
    void aCreatedProductAppearsWithVersionZero() {
        projection.on(CREATED, 0, CREATED_AT);

        assertThat(view(PRODUCT)).isEqualTo(new ProductView(PRODUCT.value(), SELLER.value(), "Kimchi 1kg", PRICE, 0,
                CREATED_AT, CREATED_AT));
    }

    @Test
    void aRenamedProductShowsTheNewNameAtTheRenamesVersionAndTime() {
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        assertThat(view(PRODUCT)).isEqualTo(new ProductView(PRODUCT.value(), SELLER.value(), "Kkakdugi 1kg", PRICE,
                1, CREATED_AT, FIRST_RENAME_AT));
    }

    @Test
    void replayingTheSameEventsLeavesTheDocumentUnchanged() {
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);
        Document afterFirstDelivery = document(PRODUCT);

        // a tracking processor redelivers a batch whose token it did not store before a crash
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        assertThat(document(PRODUCT)).isEqualTo(afterFirstDelivery);
        assertThat(products.countDocuments()).isEqualTo(1);
    }

    @Test
    void replayingFromAResetRebuildsTheSameDocument() {
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);
        Document beforeReset = document(PRODUCT);

        projection.reset();
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        assertThat(document(PRODUCT)).isEqualTo(beforeReset);
    }

    @Test
    void anOlderRenameDeliveredLateDoesNotMoveTheProductBack() {
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);
        projection.on(SECOND_RENAME, 2, SECOND_RENAME_AT);

        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        assertThat(view(PRODUCT)).isEqualTo(new ProductView(PRODUCT.value(), SELLER.value(), "Chonggak kimchi", PRICE,
                2, CREATED_AT, SECOND_RENAME_AT));
    }

    @Test
    void aCreationDeliveredAgainAfterARenameDoesNotRestoreTheOriginalName() {
        // a creation applies once: delivered again after a rename, it must not restore the original name
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        projection.on(CREATED, 0, CREATED_AT);

        assertThat(view(PRODUCT)).isEqualTo(new ProductView(PRODUCT.value(), SELLER.value(), "Kkakdugi 1kg", PRICE,
                1, CREATED_AT, FIRST_RENAME_AT));
    }

    @Test
    void eachNewProductTakesTheNextPositionAndARedeliveredCreationTakesNone() {
        // positions are the catalog's page cursors: a redelivery must neither move a product nor leave a gap
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(new ProductCreated(OTHER_PRODUCT, SELLER, "Gochujang", PRICE), 0, FIRST_RENAME_AT);

        assertThat(ProductDocument.position(document(PRODUCT))).isEqualTo(1);
        assertThat(ProductDocument.position(document(OTHER_PRODUCT))).isEqualTo(2);
    }

    @Test
    void aRenameKeepsTheProductsPosition() {
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        assertThat(ProductDocument.position(document(PRODUCT))).isEqualTo(1);
    }

    @Test
    void aRenameOfAProductNotYetProjectedCreatesNoDocument() {
        // without its creation the projection knows neither seller nor price, so a half document would be a lie
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        assertThat(products.countDocuments()).isZero();
    }

    @Test
    void resetEmptiesTheCatalog() {
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(new ProductCreated(OTHER_PRODUCT, SELLER, "Gochujang", PRICE), 0, CREATED_AT);

        projection.reset();

        assertThat(products.countDocuments()).isZero();
        // numbering starts over too, or a rebuilt catalog would begin at a position no page asks for first
        projection.on(new ProductCreated(OTHER_PRODUCT, SELLER, "Gochujang", PRICE), 0, CREATED_AT);
        assertThat(ProductDocument.position(document(OTHER_PRODUCT))).isEqualTo(1);
    }

    @Test
    void subscribersOfAProductReceiveEachNewViewOfItAndNothingForStaleEvents() {
        List<ProductView> updates = subscribe(PRODUCT);
        List<ProductView> otherUpdates = subscribe(OTHER_PRODUCT);

        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);
        // redelivered: the read model does not change, so no subscriber may see the product go back
        projection.on(CREATED, 0, CREATED_AT);
        projection.on(FIRST_RENAME, 1, FIRST_RENAME_AT);

        assertThat(updates).extracting(ProductView::name, ProductView::version).containsExactly(
                tuple("Kimchi 1kg", 0L),
                tuple("Kkakdugi 1kg", 1L));
        assertThat(updates.get(1)).isEqualTo(view(PRODUCT));
        assertThat(otherUpdates).isEmpty();
    }

    private List<ProductView> subscribe(ProductId productId) {
        UpdateHandlerRegistration<ProductView> registration = updateEmitter.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(new FindProductQuery(productId),
                        ResponseTypes.optionalInstanceOf(ProductView.class),
                        ResponseTypes.instanceOf(ProductView.class)),
                16);
        List<ProductView> received = new CopyOnWriteArrayList<>();
        registration.getUpdates().map(Message::getPayload).subscribe(received::add);
        return received;
    }

    private Document document(ProductId productId) {
        return products.find(eq("_id", productId.value())).first();
    }

    private ProductView view(ProductId productId) {
        Document document = document(productId);
        assertThat(document).as("document of %s", productId).isNotNull();
        return ProductDocument.toView(document);
    }
}
