package io.jangteo.messages.catalog;

import java.util.Objects;

/** An opaque token of where the catalog's read models stand; only compared for equality. */
public record CatalogVersion(String token) {
    public CatalogVersion {
        Objects.requireNonNull(token, "token");
    }
}
