package io.jangteo.graphql.media;

import io.jangteo.messages.catalog.MediaId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaFilesTest {

    @TempDir
    Path root;

    @Test
    void storesAnOriginalUnderItsKeyWithItsSizeAndHash() throws Exception {
        byte[] content = "pretend this is a photo".getBytes();
        MediaId mediaId = MediaId.random();

        MediaFiles.StoredOriginal stored = new MediaFiles(root)
                .storeOriginal(mediaId, new ByteArrayInputStream(content), 1024);

        assertThat(stored.storageKey()).isEqualTo("originals/" + mediaId.value());
        assertThat(root.resolve(stored.storageKey())).hasBinaryContent(content);
        assertThat(stored.sizeBytes()).isEqualTo(content.length);
        assertThat(stored.sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    @Test
    void anUploadLargerThanItsLimitLeavesNothingBehind() throws Exception {
        MediaFiles files = new MediaFiles(root);

        assertThatThrownBy(() -> files.storeOriginal(MediaId.random(), new ByteArrayInputStream(new byte[2048]), 1024))
                .isInstanceOf(MediaFiles.UploadTooLarge.class);

        try (Stream<Path> left = Files.list(root.resolve("originals"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void findsRenditionsOnlyUnderWellFormedIds() throws Exception {
        Path list = Files.createDirectories(root.resolve("renditions/abc123")).resolve("list.jpg");
        Files.write(list, new byte[]{1});
        Files.writeString(root.resolve("secret.jpg"), "not a rendition");
        MediaFiles files = new MediaFiles(root);

        assertThat(files.rendition("abc123", "list")).hasValueSatisfying(found -> {
            assertThat(found.file()).isEqualTo(list);
            assertThat(found.contentType()).isEqualTo("image/jpeg");
        });
        assertThat(files.rendition("abc123", "detail")).isEmpty();
        assertThat(files.rendition("..", "secret")).isEmpty();
        assertThat(files.rendition("abc123", "../../secret")).isEmpty();
        assertThat(files.rendition("abc123/..", "list")).isEmpty();
        assertThat(files.rendition("abc123", "list.jpg")).isEmpty();
    }

    @Test
    void fileNamesKeepNoDirectoriesOrControlCharacters() {
        assertThat(MediaController.fileName("C:\\Users\\kim\\사진.png")).isEqualTo("사진.png");
        assertThat(MediaController.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MediaController.fileName("a\u0000b\nc.png")).isEqualTo("abc.png");
        assertThat(MediaController.fileName("dir/")).isNull();
        assertThat(MediaController.fileName("x".repeat(300))).hasSize(255);
    }
}
