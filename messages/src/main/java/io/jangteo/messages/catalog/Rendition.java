package io.jangteo.messages.catalog;

/** A processed derivative of a medium ({@code thumbnail}, {@code list}, {@code detail}, {@code poster}),
 * stored at {@code storageKey} relative to the media store's root. */
public record Rendition(String name, String contentType, int width, int height, long sizeBytes, String storageKey) {
}
