package io.jangteo.graphql.media;

import io.jangteo.graphql.security.Actor;
import io.jangteo.graphql.security.ApiException;
import io.jangteo.graphql.support.Commands;
import io.jangteo.graphql.support.Rejections;
import io.jangteo.graphql.web.RequestContext;
import io.jangteo.messages.catalog.AttachMedia;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.shared.ActorRole;
import io.jangteo.messages.shared.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Uploads of product media and the renditions made from them. An upload is answered as soon as the product has
 * recorded it ({@code 202}, status {@code PENDING}); renditions are made in the background and the product's media
 * field shows when they are ready.
 */
@RestController
class MediaController {

    private static final Logger log = LoggerFactory.getLogger(MediaController.class);
    /** Renditions never change under their URL: a medium processed again gets the same files. */
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_FILE_NAME = 255;

    private final MediaFiles files;
    private final Commands commands;
    private final MediaUploadProperties limits;

    MediaController(MediaFiles files, Commands commands, MediaUploadProperties limits) {
        this.files = files;
        this.commands = commands;
        this.limits = limits;
    }

    record UploadAccepted(String mediaId, MediaStatus status, MediaKind kind, String contentType, long sizeBytes) {
    }

    @PostMapping(path = "/media/products/{productId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(@PathVariable String productId,
                             @RequestParam(name = "file", required = false) MultipartFile file,
                             Authentication authentication, HttpServletRequest request) throws IOException {
        Actor actor = Actor.from(authentication);
        try {
            actor.requireRole(ActorRole.SELLER, ActorRole.ADMIN);
        } catch (ApiException e) {
            return e.code() == ApiException.Code.UNAUTHENTICATED
                    ? MediaError.response(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", e.getMessage())
                    : MediaError.response(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage());
        }
        ProductId product;
        try {
            product = ProductId.of(productId);
        } catch (IllegalArgumentException e) {
            return MediaError.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such product");
        }
        if (file == null) {
            return MediaError.response(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "Send the file as the multipart/form-data field 'file'");
        }

        Optional<ContentSniffer.Sniffed> sniffed;
        try (InputStream head = file.getInputStream()) {
            sniffed = ContentSniffer.sniff(head.readNBytes(ContentSniffer.HEAD_BYTES));
        }
        if (sniffed.isEmpty()) {
            return MediaError.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Upload a PNG, JPEG, GIF or WebP image, or an MP4, MOV or WebM video");
        }
        MediaKind kind = sniffed.get().kind();
        long maxBytes = kind == MediaKind.IMAGE ? limits.maxImageBytes().toBytes() : limits.maxVideoBytes().toBytes();
        if (file.getSize() > maxBytes) {
            return tooLarge(kind, maxBytes);
        }

        MediaId mediaId = MediaId.random();
        MediaFiles.StoredOriginal original;
        try (InputStream content = file.getInputStream()) {
            original = files.storeOriginal(mediaId, content, maxBytes);
        } catch (MediaFiles.UploadTooLarge e) {
            return tooLarge(kind, maxBytes);
        }

        AttachMedia command = new AttachMedia(product, mediaId, kind, sniffed.get().contentType(),
                original.sizeBytes(), original.sha256(), fileName(file.getOriginalFilename()), original.storageKey());
        try {
            commands.send(command, actor, requestContext(request))
                    .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while recording upload " + mediaId, e);
        } catch (ExecutionException | TimeoutException e) {
            Optional<RuleViolation> refusal = Rejections.violation(e);
            if (refusal.isPresent()) {
                // the product refused the medium: nothing refers to the file, so it must not stay
                files.delete(original);
                return refused(refusal.get());
            }
            // the outcome is unknown (a timeout, a lost connection): the medium may have been attached after all, so
            // its file stays where processing expects it
            log.warn("Recording upload {} for product {} failed; its original is kept: {}", mediaId, product,
                    e.toString());
            return MediaError.response(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                    "The upload could not be recorded; try again");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new UploadAccepted(mediaId.value(),
                MediaStatus.PENDING, kind, sniffed.get().contentType(), original.sizeBytes()));
    }

    @GetMapping("/media/{mediaId}/{rendition}")
    ResponseEntity<Resource> rendition(@PathVariable String mediaId, @PathVariable String rendition) {
        return files.rendition(mediaId, rendition)
                .map(found -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(found.contentType()))
                        .cacheControl(FOREVER)
                        .<Resource>body(new FileSystemResource(found.file())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<MediaError> refused(RuleViolation violation) {
        HttpStatus status = switch (violation.code()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return MediaError.response(status, violation.code().name(), violation.message());
    }

    private static ResponseEntity<MediaError> tooLarge(MediaKind kind, long maxBytes) {
        return MediaError.response(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                (kind == MediaKind.IMAGE ? "Images" : "Videos") + " may be at most " + MediaError.megabytes(maxBytes));
    }

    /** The client's name for the file, kept only as a label: no directories, no control characters, bounded. */
    static String fileName(String offered) {
        if (offered == null) {
            return null;
        }
        String name = offered.substring(Math.max(offered.lastIndexOf('/'), offered.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() <= MAX_FILE_NAME ? name : name.substring(0, MAX_FILE_NAME);
    }

    private static RequestContext requestContext(HttpServletRequest request) {
        Object context = request.getAttribute(RequestContext.ATTRIBUTE);
        if (context instanceof RequestContext known) {
            return known;
        }
        // RequestIdentityFilter runs before every request; this only keeps a misconfigured chain attributable
        return new RequestContext(UUID.randomUUID().toString(), request.getRemoteAddr(),
                RequestContext.userAgent(request.getHeader("User-Agent")));
    }
}
