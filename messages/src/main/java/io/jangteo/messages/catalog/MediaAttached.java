package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MediaAttached(ProductId productId, SellerId sellerId, MediaId mediaId, MediaKind kind,
                            String contentType, long sizeBytes, String sha256, String fileName,
                            String storageKey) {
}
