package io.jangteo.messages.catalog;

import io.jangteo.messages.seller.SellerId;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MediaProcessed(ProductId productId, SellerId sellerId, MediaId mediaId, List<Rendition> renditions,
                             VideoMetadata video) {
}
