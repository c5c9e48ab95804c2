package io.jangteo.messages.catalog;

import java.util.List;

/** A medium of a product and how far its processing got; {@code failureReason} is set for FAILED and UNSUPPORTED. */
public record MediaView(String mediaId, MediaKind kind, MediaStatus status, String contentType, String fileName,
                        long sizeBytes, List<Rendition> renditions, VideoMetadata video, String failureReason) {
    public MediaView {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }
}
