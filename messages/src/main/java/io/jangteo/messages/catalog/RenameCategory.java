package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameCategory(@TargetAggregateIdentifier CategoryTreeId treeId, CategoryId categoryId, String name) {
    public RenameCategory {
        Objects.requireNonNull(treeId, "treeId");
        Objects.requireNonNull(categoryId, "categoryId");
    }

    public RenameCategory(CategoryId categoryId, String name) {
        this(CategoryTreeId.CATALOG, categoryId, name);
    }
}
