package io.jangteo.messages.catalog;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach an uploaded file to a product. The upload endpoint stores the file and sniffs its content type; the product
 * records the facts and background processing starts from the event. {@code storageKey} locates the original in the
 * media store, relative to its root ({@code jangteo.media.dir}).
 */
public record AttachMedia(@TargetAggregateIdentifier ProductId productId, MediaId mediaId, MediaKind kind,
                          String contentType, long sizeBytes, String sha256, String fileName,
                          String storageKey) {
    public AttachMedia {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(storageKey, "storageKey");
    }
}
