package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a category (with its sub-tree) under another parent (null: top level); never under itself or a descendant. */
public record MoveCategory(@TargetAggregateIdentifier CategoryTreeId treeId, CategoryId categoryId,
                           CategoryId parentId) {
    public MoveCategory {
        Objects.requireNonNull(treeId, "treeId");
        Objects.requireNonNull(categoryId, "categoryId");
    }

    public MoveCategory(CategoryId categoryId, CategoryId parentId) {
        this(CategoryTreeId.CATALOG, categoryId, parentId);
    }
}
