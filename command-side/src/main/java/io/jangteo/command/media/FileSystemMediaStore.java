package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaId;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The media store on a local (or mounted, shared) file system. Keys come from events, which anyone who can upload
 * influences, so every key is checked against the layout before it touches the disk: a crafted id must never read or
 * write outside the root.
 */
final class FileSystemMediaStore implements MediaStore {

    /** Segments of a key: no separators, no "." or "..", nothing a shell or another OS would read differently. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

    private final Path root;

    FileSystemMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public Path original(String storageKey) throws IOException {
        Path file = resolve(storageKey);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(storageKey, null, "no original in the media store");
        }
        return file;
    }

    @Override
    public Stored writeRendition(MediaId mediaId, String name, String extension, FileWriter writer)
            throws IOException, UnprocessableMedia {
        if (!NAME.matcher(name).matches() || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("Not a rendition name: " + name + "." + extension);
        }
        String key = MediaStore.renditionKey(mediaId, name, extension);
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        // same directory as the target, so the move is a rename on one file system
        Path temporary = target.resolveSibling(".tmp-" + UUID.randomUUID() + "-" + name + "." + extension);
        try {
            writer.writeTo(temporary);
            if (!Files.isRegularFile(temporary) || Files.size(temporary) == 0) {
                throw new IOException("Nothing was written for rendition " + key);
            }
            long size = Files.size(temporary);
            move(temporary, target);
            return new Stored(key, size, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // some network file systems cannot rename atomically; a reader may then briefly see the old rendition
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Resolves a key below the root, refusing anything that is not plain segments separated by '/'. */
    Path resolve(String storageKey) {
        if (storageKey == null || storageKey.isEmpty() || storageKey.length() > 512) {
            throw new IllegalArgumentException("Not a storage key");
        }
        for (String segment : storageKey.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("Not a storage key: " + printable(storageKey));
            }
        }
        Path file = root.resolve(storageKey).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Not a storage key: " + printable(storageKey));
        }
        return file;
    }

    private static String printable(String key) {
        String shown = key.length() > 80 ? key.substring(0, 80) + "..." : key;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
