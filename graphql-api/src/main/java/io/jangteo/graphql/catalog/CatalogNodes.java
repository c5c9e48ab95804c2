package io.jangteo.graphql.catalog;

import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.CategoryView;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.MediaView;
import io.jangteo.messages.catalog.VariantStatus;
import io.jangteo.messages.catalog.VariantView;
import io.jangteo.messages.catalog.VideoMetadata;
import io.jangteo.messages.shared.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GraphQL shapes of catalog views where the schema shows more (or less) than the view holds. */
final class CatalogNodes {

    private CatalogNodes() {
    }

    record PriceRange(Money min, Money max) {
    }

    record Stock(long available, Long onHand, Long reserved) {
    }

    record Variant(String id, String sku, List<String> optionValues, Money price, Money priceDelta, long weightGrams,
                   VariantStatus status, Stock stock) {

        /** Stock levels beyond "available" are the seller's business: shown to the seller and staff only. */
        static Variant of(VariantView view, boolean showLevels) {
            Stock stock = showLevels ? new Stock(view.available(), view.onHand(), view.reserved())
                    : new Stock(view.available(), null, null);
            return new Variant(view.variantId(), view.sku(), view.optionValues(), view.price(), view.priceDelta(),
                    view.weightGrams(), view.status(), stock);
        }
    }

    record Rendition(String name, String contentType, int width, int height, long sizeBytes, String url) {
    }

    record Media(String id, MediaKind kind, MediaStatus status, String contentType, String fileName, long sizeBytes,
                 List<Rendition> renditions, VideoMetadata video, String failureReason) {

        static Media of(MediaView view) {
            List<Rendition> renditions = view.renditions().stream()
                    .map(r -> new Rendition(r.name(), r.contentType(), r.width(), r.height(), r.sizeBytes(),
                            "/media/" + view.mediaId() + "/" + r.name()))
                    .toList();
            return new Media(view.mediaId(), view.kind(), view.status(), view.contentType(), view.fileName(),
                    view.sizeBytes(), renditions, view.video(), view.failureReason());
        }
    }

    record Category(String id, String name, String parentId, List<String> path, List<Category> children,
                    long productCount) {
    }

    /** The tree's categories by id, each with its children (the view lists parents before children). */
    static Map<String, Category> categories(CategoryTreeView tree) {
        Map<String, List<Category>> children = new LinkedHashMap<>();
        Map<String, Category> byId = new LinkedHashMap<>();
        // children first: walk the list backwards so every child exists before its parent is made
        List<CategoryView> views = tree.categories();
        for (int i = views.size() - 1; i >= 0; i--) {
            CategoryView view = views.get(i);
            List<Category> own = children.getOrDefault(view.id(), new ArrayList<>());
            own.sort(java.util.Comparator.comparing(Category::name));
            Category category = new Category(view.id(), view.name(), view.parentId(), view.path(), List.copyOf(own),
                    view.productCount());
            byId.put(view.id(), category);
            if (view.parentId() != null) {
                children.computeIfAbsent(view.parentId(), k -> new ArrayList<>()).add(category);
            }
        }
        return byId;
    }

    static List<Category> roots(CategoryTreeView tree) {
        Map<String, Category> byId = categories(tree);
        return tree.categories().stream().filter(c -> c.parentId() == null).map(c -> byId.get(c.id())).toList();
    }
}
