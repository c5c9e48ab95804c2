package io.jangteo.query.catalog;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductDiscontinued;
import io.jangteo.messages.catalog.ProductHidden;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.catalog.ProductPublished;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.seller.SellerId;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.shared.EventFeed;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.List;

/** Product events and wiring for tests of this and other query-side packages. */
public final class CatalogFixtures {

    public static final VariantId DEFAULT = VariantId.DEFAULT;

    private CatalogFixtures() {
    }

    public static Object projection(MongoDatabase database, SellerDirectory sellers, QueryUpdateEmitter emitter) {
        return new ProductCatalogProjection(database, sellers, emitter);
    }

    public static ProductCatalog catalog(MongoDatabase database, SellerDirectory sellers) {
        return new ProductCatalog(database, sellers);
    }

    public static ProductVariant variant(String id, long priceDelta, long weightGrams, String... optionValues) {
        return new ProductVariant(VariantId.of(id), "SKU-" + id, List.of(optionValues), Money.won(priceDelta),
                weightGrams, VariantStatus.ACTIVE);
    }

    public static ProductCreated created(String id, String sellerId, String name, long basePrice,
                                         ProductVariant... variants) {
        return created(id, sellerId, name, null, null, List.of(), basePrice, variants);
    }

    public static ProductCreated created(String id, String sellerId, String name, String brand, String categoryId,
                                         List<String> tags, long basePrice, ProductVariant... variants) {
        List<ProductVariant> all = variants.length == 0 ? List.of(variant(DEFAULT.value(), 0, 500)) : List.of(variants);
        List<OptionAxis> options = all.get(0).optionValues().isEmpty() ? List.of()
                : List.of(new OptionAxis("색상", all.stream().map(v -> v.optionValues().get(0)).toList()));
        return new ProductCreated(ProductId.of(id), SellerId.of(sellerId), name, "About " + name, brand,
                categoryId == null ? null : CategoryId.of(categoryId), tags, Money.won(basePrice), options, all);
    }

    /** Creates a product, stocks each variant and, unless {@code DRAFT}, publishes it and moves it on to {@code status}. */
    public static void product(EventFeed feed, ProductCreated created, long stock, ProductStatus status) {
        String id = created.productId().value();
        feed.next(id, created);
        if (stock > 0) {
            for (ProductVariant variant : created.variants()) {
                feed.next(id, new StockReceived(created.productId(), created.sellerId(), variant.variantId(), stock,
                        "입고", stock, 0));
            }
        }
        if (status != ProductStatus.DRAFT) {
            feed.next(id, new ProductPublished(created.productId(), created.sellerId(),
                    stock > 0 ? ProductStatus.ON_SALE : ProductStatus.SOLD_OUT));
        }
        if (status == ProductStatus.HIDDEN) {
            feed.next(id, new ProductHidden(created.productId(), created.sellerId()));
        } else if (status == ProductStatus.DISCONTINUED) {
            feed.next(id, new ProductDiscontinued(created.productId(), created.sellerId()));
        }
    }
}
