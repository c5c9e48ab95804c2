package io.jangteo.query.catalog;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.ProductCreated;
import io.jangteo.messages.catalog.ProductRenamed;
import io.jangteo.messages.catalog.ProductView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

/**
 * The storefront catalog read model. Every change is conditional on the document's version being older than the
 * event, and a creation happens once, so a replay or a redelivered batch gives the same read model and never moves a
 * product back in time.
 */
@Component
@ProcessingGroup(ProductCatalogProjection.PROCESSING_GROUP)
class ProductCatalogProjection {

    static final String PROCESSING_GROUP = "product-catalog";
    static final String LAST = "last";

    private final MongoCollection<Document> products;
    private final MongoCollection<Document> counters;
    private final QueryUpdateEmitter updateEmitter;

    ProductCatalogProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter) {
        this.products = ProductDocument.collection(database);
        this.counters = ProductDocument.counters(database);
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        String id = event.productId().value();
        if (products.find(eq("_id", id)).projection(Projections.include("_id")).first() != null) {
            return; // applied before: a creation happens once, and its position must not change
        }
        Document created = ProductDocument.created(event, version, nextPosition(), occurredAt).append("_id", id);
        try {
            products.insertOne(created);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return; // another delivery of the same event won the race; the position taken here stays a gap
        }
        emit(ProductDocument.toView(created));
    }

    @EventHandler
    void on(ProductRenamed event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        Document after = products.findOneAndUpdate(
                and(eq("_id", event.productId().value()), lt(ProductDocument.VERSION, version)),
                Updates.combine(
                        Updates.set(ProductDocument.NAME, event.name()),
                        Updates.set(ProductDocument.VERSION, version),
                        Updates.set(ProductDocument.UPDATED_AT, occurredAt.toEpochMilli())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after != null) {
            emit(ProductDocument.toView(after));
        }
    }

    @ResetHandler
    void reset() {
        products.deleteMany(new Document());
        counters.deleteOne(eq("_id", ProductDocument.POSITION_COUNTER));
    }

    private long nextPosition() {
        Document counter = counters.findOneAndUpdate(eq("_id", ProductDocument.POSITION_COUNTER),
                Updates.inc(LAST, 1L), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get(LAST)).longValue();
    }

    private void emit(ProductView view) {
        updateEmitter.emit(FindProductQuery.class, query -> query.productId().value().equals(view.id()), view);
    }
}
