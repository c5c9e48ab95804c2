package io.jangteo.command.catalog;

import io.jangteo.messages.catalog.AddCategory;
import io.jangteo.messages.catalog.CategoryAdded;
import io.jangteo.messages.catalog.CategoryId;
import io.jangteo.messages.catalog.CategoryMoved;
import io.jangteo.messages.catalog.CategoryRenamed;
import io.jangteo.messages.catalog.CategoryTreeId;
import io.jangteo.messages.catalog.MoveCategory;
import io.jangteo.messages.catalog.RenameCategory;
import io.jangteo.messages.shared.AuditKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The whole category tree as one aggregate ({@link CategoryTreeId#CATALOG}): sibling names and "no cycles" are rules
 * over the tree, and categories are few enough to keep in memory. Handlers return the tree's version.
 */
@Aggregate(cache = "aggregateCache")
public class CategoryTree {

    @AggregateIdentifier
    private CategoryTreeId treeId;
    private final Map<CategoryId, CategoryNode> categories = new HashMap<>();
    private long version;

    protected CategoryTree() {
        // for Axon, and as the empty tree the first AddCategory starts from
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(AddCategory command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        CategoryTreeRules.assertMayEdit(actorRole);
        CategoryTreeRules.assertTheCatalog(command.treeId());
        CategoryTreeRules.assertNewId(categories, command.categoryId());
        String name = CategoryTreeRules.validName(command.name());
        CategoryTreeRules.assertParentExists(categories, command.parentId());
        CategoryTreeRules.assertFitsUnder(categories, command.parentId(), 1);
        CategoryTreeRules.assertNoSiblingNamed(categories, command.parentId(), name, null, "name");
        apply(new CategoryAdded(command.categoryId(), command.parentId(), name));
        return version;
    }

    @CommandHandler
    long handle(RenameCategory command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        CategoryTreeRules.assertMayEdit(actorRole);
        CategoryNode category = CategoryTreeRules.existing(categories, command.categoryId());
        String name = CategoryTreeRules.validName(command.name());
        if (!name.equals(category.name())) {
            CategoryTreeRules.assertNoSiblingNamed(categories, category.parentId(), name, command.categoryId(),
                    "name");
            apply(new CategoryRenamed(command.categoryId(), category.name(), name));
        }
        return version;
    }

    @CommandHandler
    long handle(MoveCategory command, @MetaDataValue(AuditKeys.ACTOR_ROLE) String actorRole) {
        CategoryTreeRules.assertMayEdit(actorRole);
        CategoryNode category = CategoryTreeRules.existing(categories, command.categoryId());
        CategoryTreeRules.assertParentExists(categories, command.parentId());
        if (!Objects.equals(command.parentId(), category.parentId())) {
            CategoryTreeRules.assertNotIntoItself(categories, command.categoryId(), command.parentId());
            CategoryTreeRules.assertFitsUnder(categories, command.parentId(),
                    CategoryTreeRules.height(categories, command.categoryId()));
            CategoryTreeRules.assertNoSiblingNamed(categories, command.parentId(), category.name(),
                    command.categoryId(), "parentId");
            apply(new CategoryMoved(command.categoryId(), category.parentId(), command.parentId()));
        }
        return version;
    }

    @EventSourcingHandler
    void on(CategoryAdded event, @SequenceNumber long sequenceNumber) {
        // the event does not name the tree: there is only one
        treeId = CategoryTreeId.CATALOG;
        categories.put(event.categoryId(), new CategoryNode(event.parentId(), event.name()));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(CategoryRenamed event, @SequenceNumber long sequenceNumber) {
        categories.computeIfPresent(event.categoryId(), (id, node) -> new CategoryNode(node.parentId(), event.name()));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(CategoryMoved event, @SequenceNumber long sequenceNumber) {
        categories.computeIfPresent(event.categoryId(), (id, node) -> new CategoryNode(event.parentId(), node.name()));
        version = sequenceNumber;
    }

    /** Where a category hangs and what it is called; its children are found by their parent, categories are few. */
    record CategoryNode(CategoryId parentId, String name) {
    }
}
