package io.jangteo.query.catalog;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.jangteo.messages.catalog.CategoryAdded;
import io.jangteo.messages.catalog.CategoryMoved;
import io.jangteo.messages.catalog.CategoryRenamed;
import io.jangteo.messages.catalog.CategoryTreeView;
import io.jangteo.messages.catalog.FindCategoriesQuery;
import io.jangteo.messages.shared.Viewer;
import io.jangteo.query.shared.ChangeCounters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * The category tree read model. All its events come from one aggregate (the tree {@code catalog}), so one version
 * guards the whole tree: its change counter holds the number of tree events applied (sequence + 1). Each category
 * write sets the category's state outright before the counter moves, so an event redelivered after a crash between
 * the two writes lands the same way again.
 */
@Component
@ProcessingGroup(CategoryTreeProjection.PROCESSING_GROUP)
class CategoryTreeProjection {

    static final String PROCESSING_GROUP = "category-tree";

    private final MongoCollection<Document> categories;
    private final ChangeCounters counters;
    private final ProductCatalog catalog;
    private final QueryUpdateEmitter updateEmitter;

    CategoryTreeProjection(MongoDatabase database, ProductCatalog catalog, QueryUpdateEmitter updateEmitter) {
        this.categories = CategoryDocument.collection(database);
        this.counters = new ChangeCounters(database);
        this.catalog = catalog;
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(CategoryAdded event, @SequenceNumber long version) {
        apply(version, () -> categories.replaceOne(eq("_id", event.categoryId().value()),
                new Document("_id", event.categoryId().value())
                        .append(CategoryDocument.PARENT_ID, event.parentId() == null ? null : event.parentId().value())
                        .append(CategoryDocument.NAME, event.name()),
                new ReplaceOptions().upsert(true)));
    }

    @EventHandler
    void on(CategoryRenamed event, @SequenceNumber long version) {
        apply(version, () -> categories.updateOne(eq("_id", event.categoryId().value()),
                Updates.set(CategoryDocument.NAME, event.name())));
    }

    @EventHandler
    void on(CategoryMoved event, @SequenceNumber long version) {
        apply(version, () -> categories.updateOne(eq("_id", event.categoryId().value()),
                Updates.set(CategoryDocument.PARENT_ID, event.parentId() == null ? null : event.parentId().value())));
    }

    @ResetHandler
    void reset() {
        categories.deleteMany(new Document());
        counters.reset(PROCESSING_GROUP);
    }

    private void apply(long version, Runnable write) {
        long applied = counters.read(PROCESSING_GROUP).committed();
        if (version < applied) {
            return; // seen before: the tree is past this event
        }
        write.run();
        counters.set(PROCESSING_GROUP, version + 1);
        emit();
    }

    /** Product counts depend on who looks, so each distinct viewer among the subscribers gets a tree of its own. */
    private void emit() {
        Set<Viewer> viewers = new LinkedHashSet<>();
        updateEmitter.activeSubscriptions().forEach(subscription -> {
            if (subscription.getPayload() instanceof FindCategoriesQuery query) {
                viewers.add(query.viewer());
            }
        });
        for (Viewer viewer : viewers) {
            CategoryTreeView tree = catalog.categoryTree(viewer);
            updateEmitter.emit(FindCategoriesQuery.class, query -> query.viewer().equals(viewer), tree);
        }
    }
}
