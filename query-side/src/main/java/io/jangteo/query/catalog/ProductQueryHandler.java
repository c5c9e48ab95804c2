package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.CatalogVersion;
import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.FindCatalogVersionQuery;
import io.jangteo.messages.catalog.FindCategoriesQuery;
import io.jangteo.messages.catalog.FindProductQuery;
import io.jangteo.messages.catalog.FindProductsQuery;
import io.jangteo.messages.catalog.ProductPage;
import io.jangteo.messages.catalog.ProductSort;
import io.jangteo.messages.catalog.ProductView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Catalog reads, answered from {@link ProductCatalog}: one counter read, an in-memory search, and at most one read of
 * the page's documents that are not cached yet.
 */
@Component
class ProductQueryHandler {

    private final ProductCatalog catalog;

    ProductQueryHandler(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @QueryHandler
    Optional<ProductView> find(FindProductQuery query) {
        return catalog.findOne(query.productId().value());
    }

    @QueryHandler
    ProductPage find(FindProductsQuery query) {
        Listing listing = catalog.listing();
        ProductSort sort = query.sort();
        CatalogEntry[] order = listing.products().order(sort);
        int[] matches = listing.matching(query.filter(), sort, query.viewer());
        int from;
        int to;
        if (query.isBackward()) {
            int end = query.before() == null ? order.length
                    : firstAtOrAfter(order, ProductCursor.probe(sort, query.before()), sort, false);
            to = firstMatchFrom(matches, end);
            from = Math.max(0, to - query.last());
        } else {
            int start = query.after() == null ? 0
                    : firstAtOrAfter(order, ProductCursor.probe(sort, query.after()), sort, true);
            from = firstMatchFrom(matches, start);
            to = Math.min(matches.length, from + query.first());
        }
        List<CatalogEntry> entries = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            entries.add(order[matches[i]]);
        }
        List<ProductView> items = catalog.views(listing, entries);
        List<String> cursors = new ArrayList<>(items.size());
        int next = 0;
        for (ProductView item : items) {
            while (!entries.get(next).id().equals(item.id())) {
                next++; // a product gone under a reset: its cursor goes with it
            }
            cursors.add(ProductCursor.of(sort, entries.get(next++)));
        }
        return new ProductPage(items, cursors, matches.length, to < matches.length, from > 0);
    }

    @QueryHandler
    CatalogVersion find(FindCatalogVersionQuery query) {
        return catalog.version();
    }

    @QueryHandler
    CategoryTreeView find(FindCategoriesQuery query) {
        return catalog.categoryTree(query.viewer());
    }

    /**
     * The first position in {@code order} after the cursor's product ({@code after}) or at it (otherwise), found by
     * its sort key, so it works also when that product has moved or gone since.
     */
    private static int firstAtOrAfter(CatalogEntry[] order, CatalogEntry probe, ProductSort sort, boolean after) {
        Comparator<CatalogEntry> comparator = ProductOrder.of(sort);
        int low = 0;
        int high = order.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int compared = comparator.compare(order[middle], probe);
            if (compared < 0 || (after && compared == 0)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index in {@code matches} (ascending positions) of the first match at or after {@code position}. */
    private static int firstMatchFrom(int[] matches, int position) {
        int found = Arrays.binarySearch(matches, position);
        return found >= 0 ? found : -found - 1;
    }
}
