package io.jangteo.command.catalog;

import io.jangteo.command.catalog.MediaRules.DuplicateMedia;
import io.jangteo.command.catalog.MediaRules.MediaKindMismatch;
import io.jangteo.command.catalog.MediaRules.NotAFailureStatus;
import io.jangteo.command.catalog.MediaRules.TooManyMedia;
import io.jangteo.command.catalog.MediaRules.UnknownMedia;
import io.jangteo.command.catalog.ProductAccessPolicy.NotMediaProcessor;
import io.jangteo.command.catalog.ProductAccessPolicy.NotProductOwner;
import io.jangteo.messages.catalog.AttachMedia;
import io.jangteo.messages.catalog.DetachMedia;
import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaDetached;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaProcessed;
import io.jangteo.messages.catalog.MediaProcessingFailed;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.RecordMediaProcessed;
import io.jangteo.messages.catalog.RecordMediaProcessingFailed;
import io.jangteo.messages.catalog.Rendition;
import io.jangteo.messages.catalog.VideoMetadata;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jangteo.command.catalog.ProductFixtures.OTHER_SELLER;
import static io.jangteo.command.catalog.ProductFixtures.PHOTO;
import static io.jangteo.command.catalog.ProductFixtures.PRODUCT_ID;
import static io.jangteo.command.catalog.ProductFixtures.SELLER;
import static io.jangteo.command.catalog.ProductFixtures.actingAs;
import static io.jangteo.command.catalog.ProductFixtures.mediaAttached;
import static io.jangteo.command.catalog.ProductFixtures.owner;
import static io.jangteo.command.catalog.ProductFixtures.productCreated;
import static io.jangteo.command.catalog.ProductFixtures.productDiscontinued;
import static io.jangteo.command.catalog.ProductFixtures.seller;
import static io.jangteo.command.catalog.ProductFixtures.violation;

/** Attaching images and videos, recording what background processing made of them, and detaching them. */
class ProductMediaTest {

    private static final List<Rendition> RENDITIONS = List.of(
            new Rendition("thumbnail", "image/webp", 200, 200, 4_000, "renditions/m-1/thumbnail.webp"));

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    private static AttachMedia attach(MediaId mediaId, MediaKind kind, String contentType) {
        return new AttachMedia(PRODUCT_ID, mediaId, kind, contentType, 1_024, "ab12", "kimchi.jpg",
                "originals/" + mediaId + ".jpg");
    }

    @Test
    void ownerAttachesAnImage() {
        fixture.given(productCreated())
                .when(attach(PHOTO, MediaKind.IMAGE, "image/jpeg"), owner())
                .expectEvents(mediaAttached(PHOTO))
                .expectResultMessagePayload(1L);
    }

    @Test
    void ownerAttachesAVideo() {
        MediaId clip = MediaId.of("m-2");
        fixture.given(productCreated())
                .when(new AttachMedia(PRODUCT_ID, clip, MediaKind.VIDEO, "video/mp4", 9_000_000, "cd34", "a.mp4",
                        "originals/m-2.mp4"), owner())
                .expectEvents(new MediaAttached(PRODUCT_ID, SELLER, clip, MediaKind.VIDEO, "video/mp4", 9_000_000,
                        "cd34", "a.mp4", "originals/m-2.mp4"));
    }

    @Test
    void theKindMustMatchTheContentType() {
        fixture.given(productCreated())
                .when(attach(PHOTO, MediaKind.IMAGE, "video/mp4"), owner())
                .expectNoEvents()
                .expectException(MediaKindMismatch.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("contentType")));
        fixture.given(productCreated())
                .when(attach(PHOTO, MediaKind.VIDEO, "image/png"), owner())
                .expectNoEvents()
                .expectException(MediaKindMismatch.class);
        fixture.given(productCreated())
                .when(attach(PHOTO, MediaKind.IMAGE, "application/pdf"), owner())
                .expectNoEvents()
                .expectException(MediaKindMismatch.class);
    }

    @Test
    void cannotAttachTheSameMediumTwice() {
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(attach(PHOTO, MediaKind.IMAGE, "image/jpeg"), owner())
                .expectNoEvents()
                .expectException(DuplicateMedia.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("mediaId")));
    }

    @Test
    void aDetachedMediumsIdCannotBeAttachedAgain() {
        // a late processing result for the detached file would otherwise land on the newcomer
        fixture.given(productCreated(), mediaAttached(PHOTO), new MediaDetached(PRODUCT_ID, SELLER, PHOTO))
                .when(attach(PHOTO, MediaKind.IMAGE, "image/jpeg"), owner())
                .expectNoEvents()
                .expectException(DuplicateMedia.class);
    }

    @Test
    void aProductHasAtMostTwentyMedia() {
        List<Object> twenty = new ArrayList<>(List.of(productCreated()));
        for (int i = 1; i <= 20; i++) {
            twenty.add(mediaAttached(MediaId.of("m-" + i)));
        }
        fixture.given(twenty)
                .when(attach(MediaId.of("m-21"), MediaKind.IMAGE, "image/jpeg"), owner())
                .expectNoEvents()
                .expectException(TooManyMedia.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of()));
    }

    @Test
    void aDetachedMediumFreesItsPlace() {
        List<Object> given = new ArrayList<>(List.of(productCreated()));
        for (int i = 1; i <= 20; i++) {
            given.add(mediaAttached(MediaId.of("m-" + i)));
        }
        given.add(new MediaDetached(PRODUCT_ID, SELLER, MediaId.of("m-3")));
        fixture.given(given)
                .when(attach(MediaId.of("m-21"), MediaKind.IMAGE, "image/jpeg"), owner())
                .expectEvents(mediaAttached(MediaId.of("m-21")));
    }

    @Test
    void cannotAttachMediaToAnotherSellersProduct() {
        fixture.given(productCreated())
                .when(attach(PHOTO, MediaKind.IMAGE, "image/jpeg"), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }

    @Test
    void processingRecordsTheRenditionsOfAPendingMedium() {
        VideoMetadata none = null;
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(new RecordMediaProcessed(PRODUCT_ID, PHOTO, RENDITIONS, none), actingAs(ActorRole.SYSTEM))
                .expectEvents(new MediaProcessed(PRODUCT_ID, SELLER, PHOTO, RENDITIONS, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aSecondResultForTheSameMediumChangesNothing() {
        fixture.given(productCreated(), mediaAttached(PHOTO),
                        new MediaProcessed(PRODUCT_ID, SELLER, PHOTO, RENDITIONS, null))
                .when(new RecordMediaProcessingFailed(PRODUCT_ID, PHOTO, MediaStatus.FAILED, "late"),
                        actingAs(ActorRole.SYSTEM))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void aResultForADetachedOrUnknownMediumChangesNothing() {
        fixture.given(productCreated(), mediaAttached(PHOTO), new MediaDetached(PRODUCT_ID, SELLER, PHOTO))
                .when(new RecordMediaProcessed(PRODUCT_ID, PHOTO, RENDITIONS, null), actingAs(ActorRole.SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
        fixture.given(productCreated())
                .when(new RecordMediaProcessed(PRODUCT_ID, PHOTO, RENDITIONS, null), actingAs(ActorRole.ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void processingRecordsAFailure() {
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(new RecordMediaProcessingFailed(PRODUCT_ID, PHOTO, MediaStatus.UNSUPPORTED, "HEIC"),
                        actingAs(ActorRole.SYSTEM))
                .expectEvents(new MediaProcessingFailed(PRODUCT_ID, SELLER, PHOTO, MediaStatus.UNSUPPORTED, "HEIC"));
    }

    @Test
    void aFailureIsFailedOrUnsupported() {
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(new RecordMediaProcessingFailed(PRODUCT_ID, PHOTO, MediaStatus.READY, null),
                        actingAs(ActorRole.SYSTEM))
                .expectNoEvents()
                .expectException(NotAFailureStatus.class)
                .expectException(violation(ErrorCode.INVALID_INPUT, List.of("status")));
    }

    @Test
    void theOwningSellerCannotRecordProcessingResults() {
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(new RecordMediaProcessed(PRODUCT_ID, PHOTO, RENDITIONS, null), owner())
                .expectNoEvents()
                .expectException(NotMediaProcessor.class)
                .expectException(violation(ErrorCode.FORBIDDEN, List.of()));
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(new RecordMediaProcessingFailed(PRODUCT_ID, PHOTO, MediaStatus.FAILED, "x"), owner())
                .expectNoEvents()
                .expectException(NotMediaProcessor.class);
    }

    @Test
    void processingResultsAreStillRecordedForADiscontinuedProduct() {
        fixture.given(productCreated(), mediaAttached(PHOTO), productDiscontinued())
                .when(new RecordMediaProcessed(PRODUCT_ID, PHOTO, RENDITIONS, null), actingAs(ActorRole.SYSTEM))
                .expectEvents(new MediaProcessed(PRODUCT_ID, SELLER, PHOTO, RENDITIONS, null));
    }

    @Test
    void ownerDetachesAMedium() {
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(new DetachMedia(PRODUCT_ID, PHOTO), owner())
                .expectEvents(new MediaDetached(PRODUCT_ID, SELLER, PHOTO))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotDetachAnUnknownOrAlreadyDetachedMedium() {
        fixture.given(productCreated())
                .when(new DetachMedia(PRODUCT_ID, PHOTO), owner())
                .expectNoEvents()
                .expectException(UnknownMedia.class)
                .expectException(violation(ErrorCode.NOT_FOUND, List.of("mediaId")));
        fixture.given(productCreated(), mediaAttached(PHOTO), new MediaDetached(PRODUCT_ID, SELLER, PHOTO))
                .when(new DetachMedia(PRODUCT_ID, PHOTO), owner())
                .expectNoEvents()
                .expectException(UnknownMedia.class);
    }

    @Test
    void cannotDetachAnotherSellersMedium() {
        fixture.given(productCreated(), mediaAttached(PHOTO))
                .when(new DetachMedia(PRODUCT_ID, PHOTO), seller(OTHER_SELLER))
                .expectNoEvents()
                .expectException(NotProductOwner.class);
    }
}
