package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a medium from a product. */
public record DetachMedia(@TargetAggregateIdentifier ProductId productId, MediaId mediaId) {
    public DetachMedia {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(mediaId, "mediaId");
    }
}
