package io.jangteo.messages.catalog;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CategoryAdded(CategoryId categoryId, CategoryId parentId, String name) {
}
