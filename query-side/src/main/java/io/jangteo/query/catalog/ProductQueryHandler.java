package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductView;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Catalog reads. A page is a set of positions fetched through the unique position index (see
 * {@link ProductDocument}); cursors are positions. Positions left unused by a failed write are skipped over.
 */
@Component
class ProductQueryHandler {

    private final MongoCollection<Document> products;
    private final MongoCollection<Document> counters;

    ProductQueryHandler(MongoDatabase database) {
        this.products = ProductDocument.collection(database);
        this.counters = ProductDocument.counters(database);
    }

    @QueryHandler
    Optional<ProductView> find(FindProductQuery query) {
        Document document = products.find(eq("_id", query.productId().value())).first();
        return Optional.ofNullable(document).map(ProductDocument::toView);
    }

    @QueryHandler
    ProductPage find(FindProductsQuery query) {
        long lastPosition = lastPosition();
        return query.isBackward() ? backward(query, lastPosition) : forward(query, lastPosition);
    }

    private ProductPage forward(FindProductsQuery query, long lastPosition) {
        long start = query.after() == null ? 1 : parse(query.after()) + 1;
        List<Document> found = collect(start, 1, query.first() + 1, lastPosition);
        boolean hasNext = found.size() > query.first();
        List<Document> page = hasNext ? found.subList(0, query.first()) : found;
        return page(page, hasNext, start > 1);
    }

    private ProductPage backward(FindProductsQuery query, long lastPosition) {
        long start = query.before() == null ? lastPosition : parse(query.before()) - 1;
        List<Document> found = collect(start, -1, query.last() + 1, lastPosition);
        boolean hasPrevious = found.size() > query.last();
        List<Document> page = new ArrayList<>(hasPrevious ? found.subList(0, query.last()) : found);
        Collections.reverse(page);
        return page(page, query.before() != null && parse(query.before()) <= lastPosition, hasPrevious);
    }

    /** Walks positions from {@code start} in {@code step} direction until {@code wanted} documents are found. */
    private List<Document> collect(long start, int step, int wanted, long lastPosition) {
        List<Document> found = new ArrayList<>(wanted);
        long next = start;
        while (found.size() < wanted && next >= 1 && next <= lastPosition) {
            List<Long> window = new ArrayList<>();
            for (int i = found.size(); i < wanted && next >= 1 && next <= lastPosition; i++, next += step) {
                window.add(next);
            }
            Map<Long, Document> byPosition = new HashMap<>();
            for (Document document : products.find(in(ProductDocument.POSITION, window))) {
                byPosition.put(ProductDocument.position(document), document);
            }
            for (Long position : window) {
                Document document = byPosition.get(position);
                if (document != null) {
                    found.add(document);
                }
            }
        }
        return found;
    }

    private ProductPage page(List<Document> documents, boolean hasNext, boolean hasPrevious) {
        List<ProductView> items = documents.stream().map(ProductDocument::toView).toList();
        List<String> cursors = documents.stream().map(d -> Long.toString(ProductDocument.position(d))).toList();
        return new ProductPage(items, cursors, products.estimatedDocumentCount(), hasNext, hasPrevious);
    }

    private long lastPosition() {
        Document counter = counters.find(eq("_id", ProductDocument.POSITION_COUNTER)).first();
        return counter == null ? 0 : ((Number) counter.get(ProductCatalogProjection.LAST)).longValue();
    }

    private static long parse(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a catalog cursor: " + cursor);
        }
    }
}
