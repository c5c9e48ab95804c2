package io.jangteo.query.catalog;

import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.CategoryView;
import io.jangteo.messages.catalog.ProductFilter;
import io.jangteo.messages.catalog.ProductSort;
import io.jangteo.messages.catalog.ProductVisibility;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.seller.Sellers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The catalog as one query sees it: products, sellers and categories at stamps read together, plus what was worked
 * out from them (which products a filter matches, category counts). Those results depend only on the viewer's kind
 * (public, one seller, staff), so they are kept for as long as nothing changes and later pages and other visitors
 * with the same filter pay only for a binary search.
 */
final class Listing {

    /** A bound on remembered results, so that free-text searches cannot grow memory without end. */
    private static final int REMEMBERED = 512;

    private final ProductIndex products;
    private final Sellers sellers;
    private final CategoryTree categories;
    private final Map<MatchKey, int[]> matches = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> counts = new ConcurrentHashMap<>();

    private record MatchKey(String audience, ProductFilter filter, ProductSort sort) {
    }

    Listing(ProductIndex products, Sellers sellers, CategoryTree categories) {
        this.products = products;
        this.sellers = sellers;
        this.categories = categories;
    }

    boolean isOf(ProductIndex products, Sellers sellers, CategoryTree categories) {
        return this.products == products && this.sellers == sellers && this.categories == categories;
    }

    ProductIndex products() {
        return products;
    }

    Sellers sellers() {
        return sellers;
    }

    boolean isVisible(CatalogEntry entry, Viewer viewer) {
        return ProductVisibility.isVisible(entry.status(), entry.sellerId(), sellers.isActive(entry.sellerId()),
                viewer);
    }

    /** Positions in {@code products.order(sort)} of the products the viewer may see that match, ascending. */
    int[] matching(ProductFilter filter, ProductSort sort, Viewer viewer) {
        MatchKey key = new MatchKey(audience(viewer), filter, sort);
        int[] remembered = matches.get(key);
        if (remembered != null) {
            return remembered;
        }
        Predicate<CatalogEntry> predicate = predicate(filter, viewer);
        CatalogEntry[] order = products.order(sort);
        int[] found = new int[order.length];
        int count = 0;
        for (int i = 0; i < order.length; i++) {
            if (predicate.test(order[i])) {
                found[count++] = i;
            }
        }
        int[] result = java.util.Arrays.copyOf(found, count);
        if (matches.size() < REMEMBERED) {
            matches.put(key, result);
        }
        return result;
    }

    CategoryTreeView categoryTree(Viewer viewer) {
        Map<String, Long> direct = counts.computeIfAbsent(audience(viewer), audience -> {
            Map<String, Long> byCategory = new HashMap<>();
            for (CatalogEntry entry : products.entries()) {
                if (entry.categoryId() != null && isVisible(entry, viewer)) {
                    byCategory.merge(entry.categoryId(), 1L, Long::sum);
                }
            }
            return byCategory;
        });
        List<CategoryTree.Node> nodes = categories.ordered();
        // children follow their parents, so walking backwards totals every sub-tree before its parent needs it
        Map<String, Long> totals = new HashMap<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            CategoryTree.Node node = nodes.get(i);
            long total = totals.getOrDefault(node.id(), 0L) + direct.getOrDefault(node.id(), 0L);
            totals.put(node.id(), total);
            if (node.parentId() != null) {
                totals.merge(node.parentId(), total, Long::sum);
            }
        }
        List<CategoryView> views = new ArrayList<>(nodes.size());
        for (CategoryTree.Node node : nodes) {
            views.add(new CategoryView(node.id(), node.parentId(), node.name(), node.path(), totals.get(node.id())));
        }
        return new CategoryTreeView(views, categories.version());
    }

    private Predicate<CatalogEntry> predicate(ProductFilter filter, Viewer viewer) {
        Predicate<CatalogEntry> predicate = entry -> isVisible(entry, viewer);
        if (filter.categoryId() != null) {
            Set<String> subtree = categories.subtree(filter.categoryId().value());
            predicate = predicate.and(entry -> entry.categoryId() != null && subtree.contains(entry.categoryId()));
        }
        if (filter.sellerId() != null) {
            String sellerId = filter.sellerId().value();
            predicate = predicate.and(entry -> sellerId.equals(entry.sellerId()));
        }
        if (filter.minPrice() != null) {
            long amount = filter.minPrice().amount();
            String currency = filter.minPrice().currency();
            predicate = predicate.and(entry -> currency.equals(entry.currency()) && entry.minPrice() >= amount);
        }
        if (filter.maxPrice() != null) {
            long amount = filter.maxPrice().amount();
            String currency = filter.maxPrice().currency();
            predicate = predicate.and(entry -> currency.equals(entry.currency()) && entry.minPrice() <= amount);
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            Set<?> statuses = filter.statuses();
            predicate = predicate.and(entry -> statuses.contains(entry.status()));
        }
        if (filter.inStock() != null) {
            boolean inStock = filter.inStock();
            predicate = predicate.and(entry -> entry.inStock() == inStock);
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String key = CatalogEntry.searchKey(filter.text().strip());
            predicate = predicate.and(entry -> entry.containsText(key));
        }
        return predicate;
    }

    /** What visibility depends on: staff see everything, a seller its own shop too, everyone else the storefront. */
    private static String audience(Viewer viewer) {
        if (viewer.seesEverything()) {
            return "staff";
        }
        if (viewer.role() == ActorRole.SELLER && viewer.sellerId() != null) {
            return "seller:" + viewer.sellerId();
        }
        return "public";
    }
}
