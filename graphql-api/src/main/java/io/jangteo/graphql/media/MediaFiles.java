package io.jangteo.graphql.media;

import io.jangteo.messages.catalog.MediaId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The API's side of the media store: where uploads are put and renditions are read. The layout ({@code originals/<id>},
 * {@code renditions/<id>/<name>.<ext>}) is shared with the command side's processing, which reads the same directory
 * ({@code jangteo.media.dir}, with the same default); in scale-out mode it must be storage every node mounts.
 */
@Component
class MediaFiles {

    static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern RENDITION_NAME = Pattern.compile("[a-z0-9-]{1,32}");
    /** What processing writes, in the order looked for, with the type each is served as. */
    private static final Map<String, String> RENDITION_TYPES = Map.of(
            "jpg", "image/jpeg", "webp", "image/webp", "png", "image/png", "mp4", "video/mp4");
    private static final String[] RENDITION_EXTENSIONS = {"jpg", "webp", "png", "mp4"};

    private final Path root;

    MediaFiles(@Value("${jangteo.media.dir:${jangteo.data-dir:./data}/media}") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    record StoredOriginal(String storageKey, long sizeBytes, String sha256, Path file) {
    }

    record RenditionFile(Path file, String contentType) {
    }

    static String originalKey(MediaId mediaId) {
        return "originals/" + mediaId.value();
    }

    /**
     * Streams an upload into the store, hashing it on the way, and only then moves it under its key: a crash or a
     * failed upload leaves at most a temporary file, never a half original that processing would choke on.
     *
     * @throws UploadTooLarge when more than {@code maxBytes} arrive (the declared size is not trusted either)
     */
    StoredOriginal storeOriginal(MediaId mediaId, InputStream content, long maxBytes) throws IOException {
        requireMediaId(mediaId.value());
        Path directory = Files.createDirectories(root.resolve("originals"));
        Path temporary = directory.resolve(".upload-" + UUID.randomUUID());
        Path target = directory.resolve(mediaId.value());
        MessageDigest sha256 = sha256();
        long size = 0;
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new UploadTooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new StoredOriginal(originalKey(mediaId), size, HexFormat.of().formatHex(sha256.digest()), target);
    }

    void delete(StoredOriginal original) throws IOException {
        Files.deleteIfExists(original.file());
    }

    /** The file of a rendition, or empty when the ids are malformed or nothing is stored under them. */
    Optional<RenditionFile> rendition(String mediaId, String name) {
        if (mediaId == null || name == null || !MEDIA_ID.matcher(mediaId).matches()
                || !RENDITION_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path directory = root.resolve("renditions").resolve(mediaId).normalize();
        if (!directory.startsWith(root.resolve("renditions"))) {
            return Optional.empty();
        }
        for (String extension : RENDITION_EXTENSIONS) {
            Path file = directory.resolve(name + "." + extension);
            if (Files.isRegularFile(file)) {
                return Optional.of(new RenditionFile(file, RENDITION_TYPES.get(extension)));
            }
        }
        return Optional.empty();
    }

    private static void requireMediaId(String mediaId) {
        if (!MEDIA_ID.matcher(mediaId).matches()) {
            throw new IllegalArgumentException("Not a media id a file may be named after");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static final class UploadTooLarge extends IOException {
        UploadTooLarge(long maxBytes) {
            super("The upload exceeds " + maxBytes + " bytes");
        }
    }
}
