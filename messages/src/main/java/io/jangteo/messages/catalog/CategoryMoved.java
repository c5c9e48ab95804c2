package io.jangteo.messages.catalog;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CategoryMoved(CategoryId categoryId, CategoryId previousParentId, CategoryId parentId) {
}
