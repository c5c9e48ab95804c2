package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemMediaStoreTest {

    @TempDir
    Path root;

    @Test
    void readsAnOriginalByItsKey() throws IOException {
        MediaId mediaId = MediaId.random();
        Path file = root.resolve("originals").resolve(mediaId.value());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "bytes");

        Path original = new FileSystemMediaStore(root).original(MediaStore.originalKey(mediaId));

        assertThat(original).hasContent("bytes");
    }

    @Test
    void aMissingOriginalIsNoSuchFile() {
        assertThatThrownBy(() -> new FileSystemMediaStore(root).original("originals/nothing-here"))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void writesARenditionUnderItsKeyAndLeavesNoTemporaryFile() throws Exception {
        MediaId mediaId = MediaId.random();

        MediaStore.Stored stored = new FileSystemMediaStore(root).writeRendition(mediaId, "list", "jpg",
                file -> {
                    assertThat(file.getFileName().toString()).endsWith("list.jpg");
                    Files.writeString(file, "twelve bytes");
                });

        assertThat(stored.storageKey()).isEqualTo("renditions/" + mediaId.value() + "/list.jpg");
        assertThat(stored.sizeBytes()).isEqualTo(12);
        assertThat(root.resolve(stored.storageKey())).hasContent("twelve bytes");
        try (Stream<Path> files = Files.list(root.resolve("renditions").resolve(mediaId.value()))) {
            assertThat(files).containsExactly(root.resolve(stored.storageKey()));
        }
    }

    @Test
    void aFailedWriteKeepsTheEarlierRenditionAndLeavesNoTemporaryFile() throws Exception {
        FileSystemMediaStore store = new FileSystemMediaStore(root);
        MediaId mediaId = MediaId.random();
        MediaStore.Stored first = store.writeRendition(mediaId, "detail", "jpg", f -> Files.writeString(f, "old"));

        assertThatThrownBy(() -> store.writeRendition(mediaId, "detail", "jpg", file -> {
            Files.writeString(file, "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(first.file()).hasContent("old");
        try (Stream<Path> files = Files.list(first.file().getParent())) {
            assertThat(files).containsExactly(first.file());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "originals/../../secret", "/etc/passwd", "originals/", "originals//x",
            "originals/./x", "originals/..", "originals\\..\\x", "originals/a b", ".."})
    void refusesKeysThatLeaveTheLayout(String key) throws IOException {
        Files.writeString(root.resolve("secret"), "not yours");
        FileSystemMediaStore store = new FileSystemMediaStore(root.resolve("media"));

        assertThatThrownBy(() -> store.original(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMediaIdThatWouldLeaveTheRenditionDirectory() {
        FileSystemMediaStore store = new FileSystemMediaStore(root);

        assertThatThrownBy(() -> store.writeRendition(MediaId.of(".."), "list", "jpg",
                f -> Files.writeString(f, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.writeRendition(MediaId.of("a/../../b"), "list", "jpg",
                f -> Files.writeString(f, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.writeRendition(MediaId.random(), "../list", "jpg",
                f -> Files.writeString(f, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.resolveSibling("b")).doesNotExist();
    }
}
