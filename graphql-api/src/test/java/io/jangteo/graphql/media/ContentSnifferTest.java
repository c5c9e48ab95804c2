package io.jangteo.graphql.media;

import io.jangteo.messages.catalog.MediaKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSnifferTest {

    private static byte[] head(Object... parts) {
        byte[] bytes = new byte[ContentSniffer.HEAD_BYTES];
        int at = 0;
        for (Object part : parts) {
            byte[] chunk = part instanceof byte[] b ? b : ((String) part).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(chunk, 0, bytes, at, chunk.length);
            at += chunk.length;
        }
        return bytes;
    }

    private static void assertSniffed(byte[] head, MediaKind kind, String contentType) {
        assertThat(ContentSniffer.sniff(head)).hasValue(new ContentSniffer.Sniffed(kind, contentType));
    }

    @Test
    void knowsImagesByTheirSignatures() {
        assertSniffed(head(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}), MediaKind.IMAGE, "image/png");
        assertSniffed(head(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}), MediaKind.IMAGE, "image/jpeg");
        assertSniffed(head("GIF89a"), MediaKind.IMAGE, "image/gif");
        assertSniffed(head("GIF87a"), MediaKind.IMAGE, "image/gif");
        assertSniffed(head("RIFF", new byte[]{1, 2, 3, 4}, "WEBPVP8 "), MediaKind.IMAGE, "image/webp");
    }

    @Test
    void knowsVideosByTheirContainers() {
        assertSniffed(head(new byte[]{0, 0, 0, 0x18}, "ftypisom"), MediaKind.VIDEO, "video/mp4");
        assertSniffed(head(new byte[]{0, 0, 0, 0x14}, "ftypqt  "), MediaKind.VIDEO, "video/quicktime");
        assertSniffed(head(new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82,
                (byte) 0x84}, "webm"), MediaKind.VIDEO, "video/webm");
        assertSniffed(head(new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82,
                (byte) 0x88}, "matroska"), MediaKind.VIDEO, "video/x-matroska");
    }

    @Test
    void refusesWhatItCannotProcessWhateverItIsCalled() {
        assertThat(ContentSniffer.sniff("<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ContentSniffer.sniff(head("RIFF", new byte[]{1, 2, 3, 4}, "WAVEfmt "))).isEmpty();
        // HEIC photos share MP4's box structure but are stills nothing here decodes
        assertThat(ContentSniffer.sniff(head(new byte[]{0, 0, 0, 0x18}, "ftypheic"))).isEmpty();
        assertThat(ContentSniffer.sniff(head(new byte[]{0, 0, 0, 0x18}, "ftypavif"))).isEmpty();
        assertThat(ContentSniffer.sniff(new byte[0])).isEmpty();
        assertThat(ContentSniffer.sniff(Arrays.copyOf(new byte[]{(byte) 0x89, 'P', 'N'}, 3))).isEmpty();
    }
}
