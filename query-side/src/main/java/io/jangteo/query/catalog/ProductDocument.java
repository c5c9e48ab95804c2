package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.shared.Money;
import org.bson.Document;

import java.time.Instant;

/**
 * The shape of a catalog document in the {@code products} collection. Times are stored as epoch milliseconds and
 * money as minor units plus currency, so the document needs no codec beyond the driver's defaults.
 * <p>
 * {@code position} numbers products 1, 2, 3… in the order the projection met them. Pages are fetched as sets of
 * positions through a unique index: a lookup every MongoDB serves from the index, where a range query with a sort
 * would make the embedded server read and sort the whole collection on every page.
 */
final class ProductDocument {

    static final String COLLECTION = "products";
    static final String COUNTERS = "counters";
    static final String POSITION_COUNTER = "product-positions";
    static final String SELLER_ID = "sellerId";
    static final String NAME = "name";
    static final String PRICE_AMOUNT = "priceAmount";
    static final String PRICE_CURRENCY = "priceCurrency";
    static final String VERSION = "version";
    static final String POSITION = "position";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    private ProductDocument() {
    }

    static MongoCollection<Document> collection(MongoDatabase database) {
        MongoCollection<Document> products = database.getCollection(COLLECTION);
        products.createIndex(Indexes.ascending(POSITION), new IndexOptions().unique(true).name("position_unique"));
        return products;
    }

    static MongoCollection<Document> counters(MongoDatabase database) {
        return database.getCollection(COUNTERS);
    }

    static Document created(ProductCreated event, long version, long position, Instant occurredAt) {
        return new Document()
                .append(SELLER_ID, event.sellerId().value())
                .append(NAME, event.name())
                .append(PRICE_AMOUNT, event.basePrice().amount())
                .append(PRICE_CURRENCY, event.basePrice().currency())
                .append(VERSION, version)
                .append(POSITION, position)
                .append(CREATED_AT, occurredAt.toEpochMilli())
                .append(UPDATED_AT, occurredAt.toEpochMilli());
    }

    static long position(Document document) {
        return ((Number) document.get(POSITION)).longValue();
    }

    static ProductView toView(Document document) {
        Money price = new Money(((Number) document.get(PRICE_AMOUNT)).longValue(), document.getString(PRICE_CURRENCY));
        return new ProductView(
                document.getString("_id"),
                document.getString(SELLER_ID),
                document.getString(NAME), "", null, null, java.util.List.of(),
                io.jangteo.messages.catalog.ProductStatus.DRAFT, price, price, price, java.util.List.of(),
                java.util.List.of(), java.util.List.of(), false, false,
                ((Number) document.get(VERSION)).longValue(),
                Instant.ofEpochMilli(((Number) document.get(CREATED_AT)).longValue()),
                Instant.ofEpochMilli(((Number) document.get(UPDATED_AT)).longValue()));
    }
}
