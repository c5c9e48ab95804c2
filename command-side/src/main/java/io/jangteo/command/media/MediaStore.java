package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaId;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where originals and renditions live. Keys are relative to the store's root ({@code jangteo.media.dir}) and are what
 * events carry, so that the API and every node resolve the same file.
 */
interface MediaStore {

    /** Where the upload endpoint puts an original; the same layout the API writes to. */
    static String originalKey(MediaId mediaId) {
        return "originals/" + mediaId.value();
    }

    static String renditionKey(MediaId mediaId, String name, String extension) {
        return "renditions/" + mediaId.value() + "/" + name + "." + extension;
    }

    /**
     * A local file holding the original, readable while the medium is processed (external tools need a path).
     *
     * @throws java.nio.file.NoSuchFileException when there is no such original
     */
    Path original(String storageKey) throws IOException;

    /**
     * Stores a rendition: {@code writer} fills a temporary file whose name ends with {@code .<extension>} (so tools
     * that pick the format from the name pick the right one), which then replaces the rendition at once, so a reader
     * never sees half a file.
     */
    Stored writeRendition(MediaId mediaId, String name, String extension, FileWriter writer)
            throws IOException, UnprocessableMedia;

    @FunctionalInterface
    interface FileWriter {
        void writeTo(Path file) throws IOException, UnprocessableMedia;
    }

    record Stored(String storageKey, long sizeBytes, Path file) {
    }
}
