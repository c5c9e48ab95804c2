package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.MediaView;
import io.jangteo.messages.catalog.OptionAxis;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductStatus;
import io.jangteo.messages.catalog.ProductVariant;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.catalog.Rendition;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantView;
import io.jangteo.messages.catalog.VideoMetadata;
import io.jangteo.messages.shared.Money;
import io.jangteo.query.shared.BsonValues;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a catalog document in the {@code products} collection: the product as its events left it, plus the
 * derived fields lists filter and sort on ({@code minPrice}, {@code maxPrice}, {@code inStock}), recomputed on every
 * write. {@code position} is the change number of the product's creation, so it orders products by creation.
 */
final class ProductDocument {

    /**
     * "_v2" since the catalog gained variants, stock and media: with a new name (and processing group), an installation
     * from before rebuilds this read model from every event at its first start, instead of reading old-shape
     * documents; the old {@code products} collection is left for the operator to drop.
     */
    static final String COLLECTION = "products_v2";
    static final String SELLER_ID = "sellerId";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String BRAND = "brand";
    static final String CATEGORY_ID = "categoryId";
    static final String TAGS = "tags";
    static final String STATUS = "status";
    static final String BASE_PRICE = "basePrice";
    static final String MIN_PRICE = "minPrice";
    static final String MAX_PRICE = "maxPrice";
    static final String IN_STOCK = "inStock";
    static final String OPTIONS = "options";
    static final String VARIANTS = "variants";
    static final String MEDIA = "media";
    static final String POSITION = "position";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    static final String VARIANT_ID = "variantId";
    static final String SKU = "sku";
    static final String OPTION_VALUES = "optionValues";
    static final String PRICE_DELTA = "priceDelta";
    static final String WEIGHT_GRAMS = "weightGrams";
    static final String ON_HAND = "onHand";
    static final String RESERVED = "reserved";

    static final String MEDIA_ID = "mediaId";

    /** What the in-memory list index needs of each product; everything else is read only for a page's items. */
    static final Bson LIST_FIELDS = Projections.include(SELLER_ID, CATEGORY_ID, STATUS, MIN_PRICE, IN_STOCK, NAME,
            BRAND, TAGS, POSITION, VersionedDocuments.CHANGE_SEQ);

    private ProductDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        return database.getCollection(COLLECTION);
    }

    static Document created(ProductCreated event, long position, Instant occurredAt) {
        List<Document> variants = new ArrayList<>();
        for (ProductVariant variant : nullSafe(event.variants())) {
            variants.add(variant(variant));
        }
        List<Document> options = new ArrayList<>();
        for (OptionAxis axis : nullSafe(event.options())) {
            options.add(new Document("name", axis.name()).append("values", axis.values()));
        }
        return derive(new Document()
                .append(SELLER_ID, event.sellerId().value())
                .append(NAME, event.name())
                .append(DESCRIPTION, event.description())
                .append(BRAND, event.brand())
                .append(CATEGORY_ID, event.categoryId() == null ? null : event.categoryId().value())
                .append(TAGS, List.copyOf(nullSafe(event.tags())))
                .append(STATUS, ProductStatus.DRAFT.name())
                .append(BASE_PRICE, BsonValues.money(event.basePrice()))
                .append(OPTIONS, options)
                .append(VARIANTS, variants)
                .append(MEDIA, new ArrayList<Document>())
                .append(POSITION, position)
                .append(CREATED_AT, occurredAt.toEpochMilli())
                .append(UPDATED_AT, occurredAt.toEpochMilli()));
    }

    static Document variant(ProductVariant variant) {
        return new Document(VARIANT_ID, variant.variantId().value())
                .append(SKU, variant.sku())
                .append(OPTION_VALUES, variant.optionValues())
                .append(PRICE_DELTA, BsonValues.money(variant.priceDelta()))
                .append(WEIGHT_GRAMS, variant.weightGrams())
                .append(STATUS, (variant.status() == null ? VariantStatus.ACTIVE : variant.status()).name())
                .append(ON_HAND, 0L)
                .append(RESERVED, 0L);
    }

    static Document media(MediaAttached event) {
        return new Document(MEDIA_ID, event.mediaId().value())
                .append("kind", event.kind().name())
                .append(STATUS, MediaStatus.PENDING.name())
                .append("contentType", event.contentType())
                .append("fileName", event.fileName())
                .append("sizeBytes", event.sizeBytes())
                .append("sha256", event.sha256())
                .append("storageKey", event.storageKey())
                .append("renditions", new ArrayList<Document>())
                .append("video", null)
                .append("failureReason", null);
    }

    static Document rendition(Rendition rendition) {
        return new Document("name", rendition.name())
                .append("contentType", rendition.contentType())
                .append("width", rendition.width())
                .append("height", rendition.height())
                .append("sizeBytes", rendition.sizeBytes())
                .append("storageKey", rendition.storageKey());
    }

    static Document video(VideoMetadata video) {
        return video == null ? null : new Document("durationMillis", video.durationMillis())
                .append("width", video.width())
                .append("height", video.height())
                .append("codec", video.codec());
    }

    @SuppressWarnings("unchecked")
    static List<Document> variants(Document product) {
        List<Document> variants = (List<Document>) product.get(VARIANTS);
        return variants == null ? new ArrayList<>() : variants;
    }

    @SuppressWarnings("unchecked")
    static List<Document> media(Document product) {
        List<Document> media = (List<Document>) product.get(MEDIA);
        return media == null ? new ArrayList<>() : media;
    }

    /**
     * Recomputes the fields lists filter and sort on: the span of the active variants' prices (of all variants when
     * none is active, of the base price when there are none), and whether an active variant has stock available.
     */
    static Document derive(Document product) {
        Money base = BsonValues.money(product, BASE_PRICE);
        List<Document> variants = variants(product);
        boolean anyActive = variants.stream().anyMatch(ProductDocument::isActive);
        Money min = null;
        Money max = null;
        boolean inStock = false;
        for (Document variant : variants) {
            if (anyActive && !isActive(variant)) {
                continue;
            }
            Money price = base.plus(BsonValues.money(variant, PRICE_DELTA));
            min = min == null || price.amount() < min.amount() ? price : min;
            max = max == null || price.amount() > max.amount() ? price : max;
            inStock |= isActive(variant) && available(variant) > 0;
        }
        return product
                .append(MIN_PRICE, BsonValues.money(min == null ? base : min))
                .append(MAX_PRICE, BsonValues.money(max == null ? base : max))
                .append(IN_STOCK, inStock);
    }

    private static boolean isActive(Document variant) {
        return VariantStatus.ACTIVE.name().equals(variant.getString(STATUS));
    }

    private static long available(Document variant) {
        return BsonValues.number(variant, ON_HAND)
                - BsonValues.number(variant, RESERVED);
    }

    static long changeSeq(Document document) {
        return BsonValues.number(document, VersionedDocuments.CHANGE_SEQ);
    }

    static long position(Document document) {
        return BsonValues.number(document, POSITION);
    }

    static ProductView toView(Document document, boolean sellerActive) {
        Money base = BsonValues.money(document, BASE_PRICE);
        return new ProductView(
                document.getString("_id"),
                document.getString(SELLER_ID),
                document.getString(NAME),
                document.getString(DESCRIPTION),
                document.getString(BRAND),
                document.getString(CATEGORY_ID),
                BsonValues.strings(document, TAGS),
                BsonValues.enumValue(document, STATUS, ProductStatus.class),
                base,
                BsonValues.money(document, MIN_PRICE),
                BsonValues.money(document, MAX_PRICE),
                BsonValues.documents(document, OPTIONS, axis ->
                        new OptionAxis(axis.getString("name"), BsonValues.strings(axis, "values"))),
                BsonValues.documents(document, VARIANTS, variant -> toVariantView(variant, base)),
                BsonValues.documents(document, MEDIA, ProductDocument::toMediaView),
                document.getBoolean(IN_STOCK, false),
                sellerActive,
                BsonValues.number(document, VersionedDocuments.VERSION),
                BsonValues.instant(document, CREATED_AT),
                BsonValues.instant(document, UPDATED_AT));
    }

    private static VariantView toVariantView(Document variant, Money base) {
        Money delta = BsonValues.money(variant, PRICE_DELTA);
        long onHand = BsonValues.number(variant, ON_HAND);
        long reserved = BsonValues.number(variant, RESERVED);
        return new VariantView(variant.getString(VARIANT_ID), variant.getString(SKU),
                BsonValues.strings(variant, OPTION_VALUES), delta, base.plus(delta),
                BsonValues.number(variant, WEIGHT_GRAMS),
                BsonValues.enumValue(variant, STATUS, VariantStatus.class),
                onHand, reserved, onHand - reserved);
    }

    private static MediaView toMediaView(Document media) {
        Document video = media.get("video", Document.class);
        return new MediaView(media.getString(MEDIA_ID),
                BsonValues.enumValue(media, "kind", MediaKind.class),
                BsonValues.enumValue(media, STATUS, MediaStatus.class),
                media.getString("contentType"), media.getString("fileName"),
                BsonValues.number(media, "sizeBytes"),
                BsonValues.documents(media, "renditions", r -> new Rendition(r.getString("name"),
                        r.getString("contentType"), (int) BsonValues.number(r, "width"),
                        (int) BsonValues.number(r, "height"),
                        BsonValues.number(r, "sizeBytes"), r.getString("storageKey"))),
                video == null ? null : new VideoMetadata(BsonValues.number(video, "durationMillis"),
                        (int) BsonValues.number(video, "width"),
                        (int) BsonValues.number(video, "height"), video.getString("codec")),
                media.getString("failureReason"));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
