package io.jangteo.command.catalog;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.shared.ErrorCode;

import java.util.List;
import java.util.Locale;

/** Rules on a product's images and videos. */
final class MediaRules {

    static final int MAX_MEDIA = 20;

    private MediaRules() {
    }

    /** The kind drives which processing runs; a video declared as an image would be handed to the image pipeline. */
    static void assertKindMatchesContentType(MediaKind kind, String contentType) {
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        boolean matches = switch (kind) {
            case IMAGE -> type.startsWith("image/");
            case VIDEO -> type.startsWith("video/");
        };
        if (!matches) {
            throw new MediaKindMismatch(kind, contentType);
        }
    }

    static void assertRoomForMore(int attached) {
        if (attached >= MAX_MEDIA) {
            throw new TooManyMedia();
        }
    }

    static void assertFailureStatus(MediaStatus status) {
        if (status != MediaStatus.FAILED && status != MediaStatus.UNSUPPORTED) {
            throw new NotAFailureStatus(status);
        }
    }

    static final class DuplicateMedia extends DomainRuleViolation {
        DuplicateMedia(MediaId mediaId) {
            super(ErrorCode.INVALID_INPUT, List.of("mediaId"), "Medium " + mediaId + " was already attached to this product");
        }
    }

    static final class MediaKindMismatch extends DomainRuleViolation {
        MediaKindMismatch(MediaKind kind, String contentType) {
            super(ErrorCode.INVALID_INPUT, List.of("contentType"),
                    "Content type '" + contentType + "' is not a " + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    static final class TooManyMedia extends DomainRuleViolation {
        TooManyMedia() {
            super(ErrorCode.INVALID_INPUT, List.of(), "A product has at most " + MAX_MEDIA + " images and videos");
        }
    }

    static final class NotAFailureStatus extends DomainRuleViolation {
        NotAFailureStatus(MediaStatus status) {
            super(ErrorCode.INVALID_INPUT, List.of("status"), "Processing fails as FAILED or UNSUPPORTED, not " + status);
        }
    }

    static final class UnknownMedia extends DomainRuleViolation {
        UnknownMedia(MediaId mediaId) {
            super(ErrorCode.NOT_FOUND, List.of("mediaId"), "No medium " + mediaId + " on this product");
        }
    }
}
