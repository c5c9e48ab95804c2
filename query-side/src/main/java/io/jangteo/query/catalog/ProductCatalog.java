package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.ProductView;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.seller.SellerDirectory;
import io.jangteo.query.seller.Sellers;
import io.jangteo.messages.catalog.CatalogVersion;
import io.jangteo.query.shared.ChangeCounters;
import io.jangteo.query.shared.CoalescedRead;
import io.jangteo.query.shared.ChangeCounters.Stamp;
import io.jangteo.query.shared.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The catalog as queries read it: an in-memory index of every product's list fields, the category tree and the
 * seller directory, each revalidated against its change counter with one read of all three counters per query
 * (by {@code _id}, which every MongoDB serves from its index). Only what changed since is read again. Lists are
 * filtered and sorted in memory, because the embedded server ignores the non-unique indexes a filtered query would
 * need and would read the whole collection on every page.
 * <p>
 * A page's full documents come from a cache that holds each product with the change number it was read at; a product
 * changed since is read again, all of a page's in one {@code _id $in} read. Every application node keeps its own
 * copy, current against the same counters.
 */
@Component
public final class ProductCatalog {

    static final String PRODUCTS = ProductCatalogProjection.PROCESSING_GROUP;
    static final String CATEGORIES = CategoryTreeProjection.PROCESSING_GROUP;
    private static final List<String> COUNTERS = List.of(PRODUCTS, CATEGORIES, SellerDirectory.COUNTER);
    /** Full product views kept; beyond this the cache starts over, as a bound on memory, not a tuning knob. */
    private static final int CACHED_VIEWS = 20_000;

    private final MongoCollection<Document> products;
    private final MongoCollection<Document> categories;
    private final ChangeCounters counters;
    private final CoalescedRead<Map<String, Stamp>> stamps;
    private final SellerDirectory sellers;
    private final Object indexLock = new Object();
    private final Object treeLock = new Object();
    private final Map<String, CachedView> views = new ConcurrentHashMap<>();
    private volatile ProductIndex index = ProductIndex.EMPTY;
    private volatile CategoryTree tree = CategoryTree.EMPTY;
    private volatile Listing listing = new Listing(ProductIndex.EMPTY, null, CategoryTree.EMPTY);

    /** A product view made with {@code sellerActive = false}; the flag is set per use from the current directory. */
    private record CachedView(long changeSeq, ProductView view) {
    }

    ProductCatalog(MongoDatabase database, SellerDirectory sellers) {
        this.products = ProductDocument.collection(database);
        this.categories = CategoryDocument.collection(database);
        this.counters = new ChangeCounters(database);
        this.stamps = new CoalescedRead<>(() -> counters.read(COUNTERS));
        this.sellers = sellers;
    }

    /**
     * Where products, categories and sellers stand, as one opaque token: equal tokens mean no catalog answer can
     * differ (every write takes a new counter value, and a reset starts a new epoch).
     */
    CatalogVersion version() {
        Map<String, Stamp> stamps = this.stamps.get();
        StringBuilder token = new StringBuilder(48);
        for (String name : COUNTERS) {
            Stamp stamp = stamps.get(name);
            token.append(stamp.epoch()).append('.').append(stamp.committed()).append('/');
        }
        return new CatalogVersion(token.toString());
    }

    /** The catalog as it is now, at the cost of one counter read when nothing changed. */
    Listing listing() {
        Map<String, Stamp> stamps = this.stamps.get();
        ProductIndex currentIndex = index(stamps.get(PRODUCTS));
        CategoryTree currentTree = tree(stamps.get(CATEGORIES));
        Sellers currentSellers = sellers.at(stamps.get(SellerDirectory.COUNTER));
        Listing current = listing;
        if (!current.isOf(currentIndex, currentSellers, currentTree)) {
            current = new Listing(currentIndex, currentSellers, currentTree);
            listing = current;
        }
        return current;
    }

    /**
     * One product's current view, read by id without the list index: the lookup behind read-your-writes after every
     * product change, which must not wait for the index to take that change in.
     */
    Optional<ProductView> findOne(String productId) {
        Document document = products.find(eq("_id", productId)).first();
        if (document == null) {
            return Optional.empty();
        }
        ProductView view = ProductDocument.toView(document, false);
        return Optional.of(withSellerActive(view, sellers.current().isActive(view.sellerId())));
    }

    /** Current views of the products among {@code productIds} that exist, by id; one read at most. */
    public Map<String, ProductView> findByIds(Collection<String> productIds) {
        Listing current = listing();
        List<CatalogEntry> entries = new ArrayList<>();
        for (String productId : productIds) {
            CatalogEntry entry = current.products().find(productId);
            if (entry != null) {
                entries.add(entry);
            }
        }
        Map<String, ProductView> byId = new LinkedHashMap<>();
        for (ProductView view : views(current, entries)) {
            byId.put(view.id(), view);
        }
        return byId;
    }

    CategoryTreeView categoryTree(Viewer viewer) {
        return listing().categoryTree(viewer);
    }

    /** The full views of {@code entries}, in their order, with each seller's current state. */
    List<ProductView> views(Listing current, List<CatalogEntry> entries) {
        List<String> missing = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            CachedView cached = views.get(entry.id());
            if (cached == null || cached.changeSeq() < entry.changeSeq()) {
                missing.add(entry.id());
            }
        }
        Map<String, CachedView> read = new HashMap<>();
        if (!missing.isEmpty()) {
            if (views.size() + missing.size() > CACHED_VIEWS) {
                views.clear();
            }
            for (Document document : products.find(in("_id", missing))) {
                CachedView fresh = new CachedView(ProductDocument.changeSeq(document),
                        ProductDocument.toView(document, false));
                read.put(fresh.view().id(), fresh);
                views.merge(fresh.view().id(), fresh, (a, b) -> a.changeSeq() >= b.changeSeq() ? a : b);
            }
        }
        List<ProductView> result = new ArrayList<>(entries.size());
        for (CatalogEntry entry : entries) {
            CachedView cached = read.getOrDefault(entry.id(), views.get(entry.id()));
            if (cached != null) { // absent only when the catalog was reset under this query
                result.add(withSellerActive(cached.view(), current.sellers().isActive(cached.view().sellerId())));
            }
        }
        return result;
    }

    private ProductIndex index(Stamp stamp) {
        ProductIndex current = index;
        if (current.isAtLeast(stamp)) {
            return current;
        }
        synchronized (indexLock) {
            current = index;
            if (current.isAtLeast(stamp)) {
                return current;
            }
            if (current == ProductIndex.EMPTY || current.stamp().epoch() != stamp.epoch()) {
                Map<String, CatalogEntry> all = new HashMap<>();
                for (Document document : products.find().projection(ProductDocument.LIST_FIELDS)) {
                    CatalogEntry entry = CatalogEntry.of(document);
                    all.put(entry.id(), entry);
                }
                current = ProductIndex.build(stamp, all);
            } else {
                List<CatalogEntry> changed = new ArrayList<>();
                for (Document document : products.find(VersionedDocuments.changedBetween(current.stamp().committed(), stamp.committed()))
                        .projection(ProductDocument.LIST_FIELDS)) {
                    changed.add(CatalogEntry.of(document));
                }
                current = current.updated(stamp, changed);
            }
            index = current;
            return current;
        }
    }

    private CategoryTree tree(Stamp stamp) {
        CategoryTree current = tree;
        if (current.isAtLeast(stamp)) {
            return current;
        }
        synchronized (treeLock) {
            current = tree;
            if (!current.isAtLeast(stamp)) {
                List<CategoryTree.Category> all = new ArrayList<>();
                for (Document document : categories.find()) {
                    all.add(new CategoryTree.Category(document.getString("_id"),
                            document.getString(CategoryDocument.PARENT_ID), document.getString(CategoryDocument.NAME)));
                }
                current = new CategoryTree(stamp, all);
                tree = current;
            }
            return current;
        }
    }

    private static ProductView withSellerActive(ProductView view, boolean sellerActive) {
        return view.sellerActive() == sellerActive ? view : new ProductView(view.id(), view.sellerId(), view.name(),
                view.description(), view.brand(), view.categoryId(), view.tags(), view.status(), view.basePrice(),
                view.minPrice(), view.maxPrice(), view.options(), view.variants(), view.media(), view.inStock(),
                sellerActive, view.version(), view.createdAt(), view.updatedAt());
    }
}
