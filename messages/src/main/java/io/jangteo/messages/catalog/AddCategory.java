package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin adds a category under {@code parentId} (null: a top-level category). */
public record AddCategory(@TargetAggregateIdentifier CategoryTreeId treeId, CategoryId categoryId, CategoryId parentId,
                          String name) {
    public AddCategory {
        Objects.requireNonNull(treeId, "treeId");
        Objects.requireNonNull(categoryId, "categoryId");
    }

    public AddCategory(CategoryId categoryId, CategoryId parentId, String name) {
        this(CategoryTreeId.CATALOG, categoryId, parentId, name);
    }
}
