package io.jangteo.messages.catalog;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CategoryRenamed(CategoryId categoryId, String previousName, String name) {
}
