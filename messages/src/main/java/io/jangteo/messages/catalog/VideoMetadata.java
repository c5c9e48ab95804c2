package io.jangteo.messages.catalog;

/** What ffprobe reports about a video. */
public record VideoMetadata(long durationMillis, int width, int height, String codec) {
}
