package io.jangteo.command.catalog;

import io.jangteo.messages.catalog.CreateProduct;
import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductBackInStock;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductDiscontinued;
import io.jangteo.messages.catalog.ProductHidden;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPublished;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.ProductSoldOut;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.RenameProduct;
import io.jangteo.messages.catalog.ReservationId;
import io.jangteo.messages.catalog.StockCommitted;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.StockReleased;
import io.jangteo.messages.catalog.StockReserved;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantSpec;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.jangteo.messages.shared.Money;
import org.hamcrest.Matcher;

import java.util.List;
import java.util.Map;

/** Builders shared by the catalog's aggregate tests. */
final class ProductFixtures {

    static final ProductId PRODUCT_ID = ProductId.of("0190a1b2c3d4e5f60718293a4b5c");
    static final SellerId SELLER = SellerId.of("s-1");
    static final SellerId OTHER_SELLER = SellerId.of("s-2");
    static final String NAME = "Kimchi 1kg";
    static final Money PRICE = Money.won(12_000);
    static final VariantId DEFAULT = VariantId.DEFAULT;
    static final VariantId SMALL = VariantId.of("v1");
    static final VariantId MEDIUM = VariantId.of("v2");
    static final List<OptionAxis> SIZES = List.of(new OptionAxis("Size", List.of("S", "M", "L")));
    static final ReservationId ORDER_1 = ReservationId.of("o-1/1");
    static final ReservationId ORDER_2 = ReservationId.of("o-2/1");
    static final MediaId PHOTO = MediaId.of("m-1");
    static final String INITIAL_STOCK = "initial stock";

    private ProductFixtures() {
    }

    static CreateProduct createProduct() {
        return createProduct(NAME, PRICE);
    }

    static CreateProduct createProduct(String name, Money price) {
        return new CreateProduct(PRODUCT_ID, SELLER, name, null, null, null, null, price, null, null);
    }

    static CreateProduct createProduct(List<OptionAxis> options, List<VariantSpec> variants) {
        return new CreateProduct(PRODUCT_ID, SELLER, NAME, null, null, null, null, PRICE, options, variants);
    }

    static VariantSpec spec(VariantId id, String... optionValues) {
        return new VariantSpec(id, null, List.of(optionValues), Money.won(0), 0, 0);
    }

    static VariantSpec spec(VariantId id, String sku, Money delta, long weight, long stock, String... optionValues) {
        return new VariantSpec(id, sku, List.of(optionValues), delta, weight, stock);
    }

    static ProductVariant defaultVariant() {
        return new ProductVariant(DEFAULT, null, List.of(), Money.won(0), 0, VariantStatus.ACTIVE);
    }

    static ProductVariant variant(VariantId id, String size, long delta) {
        return new ProductVariant(id, null, List.of(size), Money.won(delta), 0, VariantStatus.ACTIVE);
    }

    static ProductCreated productCreated() {
        return productCreated(NAME);
    }

    static ProductCreated productCreated(String name) {
        return productCreated(name, PRICE);
    }

    static ProductCreated productCreated(String name, Money price) {
        return new ProductCreated(PRODUCT_ID, SELLER, name, "", null, null, List.of(), price, List.of(),
                List.of(new ProductVariant(DEFAULT, null, List.of(), Money.of(0, price.currency()), 0,
                        VariantStatus.ACTIVE)));
    }

    /** Sizes S (v1, base price) and M (v2, 1,000 more); L is a value without a variant yet. */
    static ProductCreated productWithSizesCreated() {
        return new ProductCreated(PRODUCT_ID, SELLER, NAME, "", null, null, List.of(), PRICE, SIZES,
                List.of(variant(SMALL, "S", 0), variant(MEDIUM, "M", 1_000)));
    }

    static RenameProduct renameProduct(String name) {
        return new RenameProduct(PRODUCT_ID, name);
    }

    static ProductRenamed productRenamed(String previousName, String name) {
        return new ProductRenamed(PRODUCT_ID, SELLER, previousName, name);
    }

    static StockReceived stockReceived(VariantId variant, long quantity, String reason, long onHand, long reserved) {
        return new StockReceived(PRODUCT_ID, SELLER, variant, quantity, reason, onHand, reserved);
    }

    static StockReserved stockReserved(VariantId variant, ReservationId id, long quantity, long onHand, long reserved) {
        return new StockReserved(PRODUCT_ID, SELLER, variant, id, quantity, onHand, reserved);
    }

    static StockReleased stockReleased(VariantId variant, ReservationId id, long quantity, long onHand, long reserved) {
        return new StockReleased(PRODUCT_ID, SELLER, variant, id, quantity, onHand, reserved);
    }

    static StockCommitted stockCommitted(VariantId variant, ReservationId id, long quantity, long onHand,
                                         long reserved) {
        return new StockCommitted(PRODUCT_ID, SELLER, variant, id, quantity, onHand, reserved);
    }

    static ProductPublished productPublished(ProductStatus status) {
        return new ProductPublished(PRODUCT_ID, SELLER, status);
    }

    static ProductSoldOut productSoldOut() {
        return new ProductSoldOut(PRODUCT_ID, SELLER);
    }

    static ProductBackInStock productBackInStock() {
        return new ProductBackInStock(PRODUCT_ID, SELLER);
    }

    static ProductHidden productHidden() {
        return new ProductHidden(PRODUCT_ID, SELLER);
    }

    static ProductDiscontinued productDiscontinued() {
        return new ProductDiscontinued(PRODUCT_ID, SELLER);
    }

    /** The default-variant product, published with {@code stock} units on hand (sequence numbers 0 to 2). */
    static List<Object> onSaleWith(long stock) {
        return List.of(productCreated(), stockReceived(DEFAULT, stock, INITIAL_STOCK, stock, 0),
                productPublished(ProductStatus.ON_SALE));
    }

    static MediaAttached mediaAttached(MediaId mediaId) {
        return new MediaAttached(PRODUCT_ID, SELLER, mediaId, MediaKind.IMAGE, "image/jpeg", 1_024, "ab12",
                "kimchi.jpg", "originals/" + mediaId + ".jpg");
    }

    static Map<String, Object> seller(SellerId shop) {
        return Map.of(AuditKeys.ACTOR_ROLE, ActorRole.SELLER.name(), AuditKeys.ACTOR_SELLER_ID, shop.value());
    }

    static Map<String, Object> owner() {
        return seller(SELLER);
    }

    static Map<String, Object> actingAs(ActorRole role) {
        return Map.of(AuditKeys.ACTOR_ROLE, role.name());
    }

    /** A name of {@code codePoints} characters outside the Basic Multilingual Plane: two UTF-16 chars each. */
    static String nameOfCodePoints(int codePoints) {
        return "\uD83E\uDD6C".repeat(codePoints); // 🥬
    }

    static Matcher<Throwable> violation(ErrorCode code, List<String> field) {
        return io.jangteo.command.shared.Violations.violation(code, field);
    }
}
