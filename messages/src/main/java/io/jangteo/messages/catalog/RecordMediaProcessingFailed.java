package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by background processing when a medium cannot be processed: {@code FAILED} (with a reason) or {@code UNSUPPORTED}. */
public record RecordMediaProcessingFailed(@TargetAggregateIdentifier ProductId productId, MediaId mediaId,
                                          MediaStatus status, String reason) {
    public RecordMediaProcessingFailed {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(status, "status");
    }
}
