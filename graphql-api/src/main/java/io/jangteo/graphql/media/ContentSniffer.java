package io.jangteo.graphql.media;

import io.jangteo.messages.catalog.MediaKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what an upload is from its first bytes. A file's name and declared type are the client's say and are never
 * believed: a script named {@code photo.png} must not be stored and served as an image.
 */
final class ContentSniffer {

    /** Enough bytes for every signature below, including a WebM DocType a few elements into the EBML header. */
    static final int HEAD_BYTES = 64;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    /**
     * ISO base media files that hold still images (HEIF/HEIC, AVIF) share MP4's 'ftyp' box; these brands are refused
     * rather than mistaken for videos, since nothing here can decode them.
     */
    private static final Set<String> STILL_IMAGE_BRANDS = Set.of(
            "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "avif", "avis");

    private ContentSniffer() {
    }

    record Sniffed(MediaKind kind, String contentType) {
    }

    static Optional<Sniffed> sniff(byte[] head) {
        if (startsWith(head, 0, PNG)) {
            return image("image/png");
        }
        if (startsWith(head, 0, JPEG)) {
            return image("image/jpeg");
        }
        if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a")) {
            return image("image/gif");
        }
        if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return image("image/webp");
        }
        if (ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (brand.length() < 4 || STILL_IMAGE_BRANDS.contains(brand)) {
                return Optional.empty();
            }
            return video(brand.equals("qt  ") ? "video/quicktime" : "video/mp4");
        }
        if (startsWith(head, 0, EBML)) {
            return video(contains(head, "webm".getBytes(StandardCharsets.US_ASCII))
                    ? "video/webm" : "video/x-matroska");
        }
        return Optional.empty();
    }

    private static Optional<Sniffed> image(String contentType) {
        return Optional.of(new Sniffed(MediaKind.IMAGE, contentType));
    }

    private static Optional<Sniffed> video(String contentType) {
        return Optional.of(new Sniffed(MediaKind.VIDEO, contentType));
    }

    private static boolean startsWith(byte[] head, int offset, byte[] signature) {
        return head.length >= offset + signature.length
                && Arrays.equals(head, offset, offset + signature.length, signature, 0, signature.length);
    }

    private static String ascii(byte[] head, int offset, int length) {
        if (head.length < offset + length) {
            return "";
        }
        return new String(head, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean contains(byte[] head, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= head.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (head[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
