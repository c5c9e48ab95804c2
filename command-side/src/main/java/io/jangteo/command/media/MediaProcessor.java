package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.RecordMediaProcessed;
import io.jangteo.messages.catalog.RecordMediaProcessingFailed;

import java.io.IOException;

/** Turns an attached medium into the command that records how its processing ended. */
final class MediaProcessor {

    private final ImageRenditions images;
    private final VideoRenditions videos;

    MediaProcessor(ImageRenditions images, VideoRenditions videos) {
        this.images = images;
        this.videos = videos;
    }

    /**
     * @return {@link RecordMediaProcessed} or {@link RecordMediaProcessingFailed}: the medium's final state
     * @throws IOException the store failed; processing may succeed when tried again
     */
    Object process(MediaAttached medium) throws IOException {
        try {
            return switch (medium.kind()) {
                case IMAGE -> new RecordMediaProcessed(medium.productId(), medium.mediaId(),
                        images.render(medium.mediaId(), medium.storageKey()), null);
                case VIDEO -> {
                    VideoRenditions.Result video = videos.render(medium.mediaId(), medium.storageKey());
                    yield new RecordMediaProcessed(medium.productId(), medium.mediaId(), video.renditions(),
                            video.video());
                }
            };
        } catch (UnprocessableMedia e) {
            return new RecordMediaProcessingFailed(medium.productId(), medium.mediaId(), e.status(), e.reason());
        } catch (IllegalArgumentException e) {
            // the store refused the event's storage key: a crafted or corrupt event, not a passing fault
            return new RecordMediaProcessingFailed(medium.productId(), medium.mediaId(), MediaStatus.FAILED,
                    "The medium's storage key is not valid");
        }
    }

}
