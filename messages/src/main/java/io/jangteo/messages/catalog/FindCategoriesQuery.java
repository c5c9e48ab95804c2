package io.jangteo.messages.catalog;

import io.jangteo.messages.shared.Viewer;
import java.util.Objects;

/** Answers a {@link CategoryTreeView}; product counts are of the products {@code viewer} may see. */
public record FindCategoriesQuery(Viewer viewer) {
    public FindCategoriesQuery {
        Objects.requireNonNull(viewer, "viewer");
    }
}
