package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductView;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

/** Catalog reads. Pages are ranges of the primary key, which every MongoDB (and the embedded server) serves by index. */
@Component
class ProductQueryHandler {

    private final MongoCollection<Document> products;

    ProductQueryHandler(MongoDatabase database) {
        this.products = ProductDocument.collection(database);
    }

    @QueryHandler
    Optional<ProductView> find(FindProductQuery query) {
        Document document = products.find(eq("_id", query.productId().value())).first();
        return Optional.ofNullable(document).map(ProductDocument::toView);
    }

    @QueryHandler
    ProductPage find(FindProductsQuery query) {
        return query.isBackward() ? backward(query) : forward(query);
    }

    private ProductPage forward(FindProductsQuery query) {
        Bson filter = query.afterId() == null ? new Document() : gt("_id", query.afterId());
        List<ProductView> items = fetch(filter, Sorts.ascending("_id"), query.first() + 1);
        boolean hasNext = items.size() > query.first();
        if (hasNext) {
            items = items.subList(0, query.first());
        }
        boolean hasPrevious = query.afterId() != null && exists(lte("_id", query.afterId()));
        return new ProductPage(items, products.estimatedDocumentCount(), hasNext, hasPrevious);
    }

    private ProductPage backward(FindProductsQuery query) {
        Bson filter = query.beforeId() == null ? new Document() : lt("_id", query.beforeId());
        List<ProductView> items = fetch(filter, Sorts.descending("_id"), query.last() + 1);
        boolean hasPrevious = items.size() > query.last();
        if (hasPrevious) {
            items = items.subList(0, query.last());
        }
        items = new ArrayList<>(items);
        Collections.reverse(items);
        boolean hasNext = query.beforeId() != null && exists(gte("_id", query.beforeId()));
        return new ProductPage(items, products.estimatedDocumentCount(), hasNext, hasPrevious);
    }

    private List<ProductView> fetch(Bson filter, Bson sort, int limit) {
        List<ProductView> items = new ArrayList<>(limit);
        for (Document document : products.find(filter).sort(sort).limit(limit)) {
            items.add(ProductDocument.toView(document));
        }
        return items;
    }

    private boolean exists(Bson filter) {
        return products.find(filter).limit(1).first() != null;
    }
}
