package io.jangteo.query.catalog;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
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
 * The storefront catalog read model. Every write is conditional on the document's version being older than the
 * event, so a replay or a redelivered batch gives the same read model and never moves a product back in time.
 */
@Component
@ProcessingGroup(ProductCatalogProjection.PROCESSING_GROUP)
class ProductCatalogProjection {

    static final String PROCESSING_GROUP = "product-catalog";

    private final MongoCollection<Document> products;
    private final QueryUpdateEmitter updateEmitter;

    ProductCatalogProjection(MongoDatabase database, QueryUpdateEmitter updateEmitter) {
        this.products = ProductDocument.collection(database);
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
        Document created = ProductDocument.created(event, version, occurredAt);
        try {
            products.updateOne(and(eq("_id", event.productId().value()), lt(ProductDocument.VERSION, version)),
                    new Document("$set", created), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return; // a newer or equal version is stored already: this event was applied before
        }
        emit(ProductDocument.toView(created.append("_id", event.productId().value())));
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
    }

    private void emit(ProductView view) {
        updateEmitter.emit(FindProductQuery.class, query -> query.productId().value().equals(view.id()), view);
    }
}
