package io.jangteo.messages.catalog;

import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by background processing (a system actor) when a medium's renditions are ready. */
public record RecordMediaProcessed(@TargetAggregateIdentifier ProductId productId, MediaId mediaId,
                                   List<Rendition> renditions, VideoMetadata video) {
    public RecordMediaProcessed {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(mediaId, "mediaId");
        renditions = List.copyOf(renditions);
    }
}
