package io.jangteo.query.catalog;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.BasePriceChanged;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaDetached;
import io.jangteo.messages.catalog.MediaProcessed;
import io.jangteo.messages.catalog.MediaProcessingFailed;
import io.jangteo.messages.catalog.MediaStatus;
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
import io.jangteo.messages.catalog.Rendition;
import io.jangteo.messages.catalog.StockAdjusted;
import io.jangteo.messages.catalog.StockCommitted;
import io.jangteo.messages.catalog.StockReceived;
import io.jangteo.messages.catalog.StockReleased;
import io.jangteo.messages.catalog.StockReserved;
import io.jangteo.messages.catalog.VariantAdded;
import io.jangteo.messages.catalog.VariantChanged;
import io.jangteo.messages.catalog.VariantId;
import io.jangteo.messages.catalog.VariantStatusChanged;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The storefront catalog read model, one document per product, version-guarded (see {@link VersionedDocuments}):
 * a replay or a redelivered batch gives the same read model and never moves a product back in time. Each write stamps
 * the product with a change number, which keeps the query side's in-memory list index current (see
 * {@link ProductCatalog}).
 */
@Component
@ProcessingGroup(ProductCatalogProjection.PROCESSING_GROUP)
class ProductCatalogProjection {

    /** Versioned with {@link ProductDocument#COLLECTION}: a new group starts from the first event. */
    static final String PROCESSING_GROUP = "product-catalog-v2";

    private final VersionedDocuments products;
    private final SellerDirectory sellers;
    private final QueryUpdateEmitter updateEmitter;

    ProductCatalogProjection(MongoDatabase database, SellerDirectory sellers, QueryUpdateEmitter updateEmitter) {
        this.products = new VersionedDocuments(ProductDocument.collection(database), new ChangeCounters(database),
                PROCESSING_GROUP);
        this.sellers = sellers;
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        emit(products.create(event.productId().value(), version,
                position -> ProductDocument.created(event, position, occurredAt)));
    }

    @EventHandler
    void on(ProductRenamed event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.productId(), version, occurredAt, product -> product.append(ProductDocument.NAME, event.name()));
    }

    @EventHandler
    void on(ProductDescribed event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.productId(), version, occurredAt, product -> product
                .append(ProductDocument.DESCRIPTION, event.description())
                .append(ProductDocument.BRAND, event.brand())
                .append(ProductDocument.TAGS, event.tags() == null ? List.of() : List.copyOf(event.tags())));
    }

    @EventHandler
    void on(ProductRecategorized event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.productId(), version, occurredAt, product -> product.append(ProductDocument.CATEGORY_ID,
                event.categoryId() == null ? null : event.categoryId().value()));
    }

    @EventHandler
    void on(BasePriceChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.productId(), version, occurredAt,
                product -> product.append(ProductDocument.BASE_PRICE, BsonValues.money(event.basePrice())));
    }

    @EventHandler
    void on(VariantAdded event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.productId(), version, occurredAt, product -> {
            List<Document> variants = new ArrayList<>(ProductDocument.variants(product));
            variants.removeIf(v -> event.variant().variantId().value().equals(v.getString(ProductDocument.VARIANT_ID)));
            variants.add(ProductDocument.variant(event.variant()));
            return product.append(ProductDocument.VARIANTS, variants);
        });
    }

    @EventHandler
    void on(VariantChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        changeVariant(event.productId(), event.variantId(), version, occurredAt, variant -> variant
                .append(ProductDocument.SKU, event.sku())
                .append(ProductDocument.PRICE_DELTA, BsonValues.money(event.priceDelta()))
                .append(ProductDocument.WEIGHT_GRAMS, event.weightGrams()));
    }

    @EventHandler
    void on(VariantStatusChanged event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        changeVariant(event.productId(), event.variantId(), version, occurredAt,
                variant -> variant.append(ProductDocument.STATUS, event.status().name()));
    }

    @EventHandler
    void on(ProductPublished event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        status(event.productId(), version, occurredAt, event.status());
    }

    @EventHandler
    void on(ProductHidden event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        status(event.productId(), version, occurredAt, ProductStatus.HIDDEN);
    }

    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        status(event.productId(), version, occurredAt, ProductStatus.DISCONTINUED);
    }

    @EventHandler
    void on(ProductSoldOut event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        status(event.productId(), version, occurredAt, ProductStatus.SOLD_OUT);
    }

    @EventHandler
    void on(ProductBackInStock event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        status(event.productId(), version, occurredAt, ProductStatus.ON_SALE);
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        stock(event.productId(), event.variantId(), version, occurredAt, event.onHand(), event.reserved());
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        stock(event.productId(), event.variantId(), version, occurredAt, event.onHand(), event.reserved());
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        stock(event.productId(), event.variantId(), version, occurredAt, event.onHand(), event.reserved());
    }

    @EventHandler
    void on(StockReleased event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        stock(event.productId(), event.variantId(), version, occurredAt, event.onHand(), event.reserved());
    }

    @EventHandler
    void on(StockCommitted event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        stock(event.productId(), event.variantId(), version, occurredAt, event.onHand(), event.reserved());
    }

    @EventHandler
    void on(MediaAttached event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.productId(), version, occurredAt, product -> {
            List<Document> media = new ArrayList<>(ProductDocument.media(product));
            media.removeIf(m -> event.mediaId().value().equals(m.getString(ProductDocument.MEDIA_ID)));
            media.add(ProductDocument.media(event));
            return product.append(ProductDocument.MEDIA, media);
        });
    }

    @EventHandler
    void on(MediaProcessed event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        List<Document> renditions = new ArrayList<>();
        for (Rendition rendition : event.renditions() == null ? List.<Rendition>of() : event.renditions()) {
            renditions.add(ProductDocument.rendition(rendition));
        }
        changeMedia(event.productId(), event.mediaId(), version, occurredAt, media -> media
                .append(ProductDocument.STATUS, MediaStatus.READY.name())
                .append("renditions", renditions)
                .append("video", ProductDocument.video(event.video()))
                .append("failureReason", null));
    }

    @EventHandler
    void on(MediaProcessingFailed event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        MediaStatus status = event.status() == null ? MediaStatus.FAILED : event.status();
        changeMedia(event.productId(), event.mediaId(), version, occurredAt, media -> media
                .append(ProductDocument.STATUS, status.name())
                .append("failureReason", event.reason()));
    }

    @EventHandler
    void on(MediaDetached event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        change(event.productId(), version, occurredAt, product -> {
            List<Document> media = new ArrayList<>(ProductDocument.media(product));
            media.removeIf(m -> event.mediaId().value().equals(m.getString(ProductDocument.MEDIA_ID)));
            return product.append(ProductDocument.MEDIA, media);
        });
    }

    @ResetHandler
    void reset() {
        products.reset();
    }

    private void status(ProductId productId, long version, Instant occurredAt, ProductStatus status) {
        change(productId, version, occurredAt, product -> product.append(ProductDocument.STATUS, status.name()));
    }

    private void stock(ProductId productId, VariantId variantId, long version, Instant occurredAt, long onHand,
                       long reserved) {
        // the events carry the levels after the event: setting them keeps a redelivery from counting twice
        changeVariant(productId, variantId, version, occurredAt, variant -> variant
                .append(ProductDocument.ON_HAND, onHand)
                .append(ProductDocument.RESERVED, reserved));
    }

    private void changeVariant(ProductId productId, VariantId variantId, long version, Instant occurredAt,
                               UnaryOperator<Document> change) {
        change(productId, version, occurredAt, product -> product.append(ProductDocument.VARIANTS,
                changed(ProductDocument.variants(product), ProductDocument.VARIANT_ID, variantId.value(), change)));
    }

    private void changeMedia(ProductId productId, MediaId mediaId, long version, Instant occurredAt,
                             UnaryOperator<Document> change) {
        change(productId, version, occurredAt, product -> product.append(ProductDocument.MEDIA,
                changed(ProductDocument.media(product), ProductDocument.MEDIA_ID, mediaId.value(), change)));
    }

    /** The list with the element whose {@code key} is {@code id} changed; an element it does not hold stays absent. */
    private static List<Document> changed(List<Document> elements, String key, String id,
                                          UnaryOperator<Document> change) {
        List<Document> changed = new ArrayList<>(elements.size());
        for (Document element : elements) {
            changed.add(id.equals(element.getString(key)) ? change.apply(new Document(element)) : element);
        }
        return changed;
    }

    private void change(ProductId productId, long version, Instant occurredAt, UnaryOperator<Document> change) {
        emit(products.change(productId.value(), version, product -> ProductDocument.derive(
                change.apply(product).append(ProductDocument.UPDATED_AT, occurredAt.toEpochMilli()))));
    }

    private void emit(Document written) {
        if (written == null) {
            return;
        }
        String id = written.getString("_id");
        // making the view costs a look at the seller directory: only worth it when someone waits for this product
        boolean watched = updateEmitter.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof FindProductQuery query && query.productId().value().equals(id));
        if (watched) {
            var view = ProductDocument.toView(written, sellers.current().isActive(written.getString(
                    ProductDocument.SELLER_ID)));
            updateEmitter.emit(FindProductQuery.class, query -> query.productId().value().equals(id), view);
        }
    }
}
