package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.ProductId;
import io.jangteo.messages.seller.SellerId;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Real files for the media tests: PNGs drawn with ImageIO, videos made by the ffmpeg on this machine. */
final class MediaSamples {

    static final ProductId PRODUCT_ID = ProductId.of("0190a1b2c3d4e5f6media");
    static final SellerId SELLER_ID = SellerId.of("s-1");

    private MediaSamples() {
    }

    /** An opaque picture with a recognisable layout: red left half, blue right half. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return encode(image, "png");
    }

    /** Fully transparent except a green square in the middle. */
    static byte[] transparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.GREEN);
        graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return encode(image, "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Stores bytes as the upload endpoint does and describes them as the event does. */
    static MediaAttached attached(Path mediaRoot, MediaKind kind, String contentType, byte[] bytes)
            throws IOException {
        MediaId mediaId = MediaId.random();
        String key = MediaStore.originalKey(mediaId);
        Path original = mediaRoot.resolve(key);
        Files.createDirectories(original.getParent());
        Files.write(original, bytes);
        return new MediaAttached(PRODUCT_ID, SELLER_ID, mediaId, kind, contentType, bytes.length, "sha",
                "upload." + contentType.substring(contentType.indexOf('/') + 1), key);
    }

    static Optional<Path> ffmpegDirectory() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isExecutable(Path.of(entry, "ffmpeg"))
                    && Files.isExecutable(Path.of(entry, "ffprobe"))) {
                return Optional.of(Path.of(entry));
            }
        }
        return Optional.empty();
    }

    static final String NO_FFMPEG = "SKIPPED: ffmpeg not installed on this machine (.ci/run installs it), "
            + "so no test video can be made or processed";

    /** Runs ffmpeg from the PATH to make a test file; fails the test when ffmpeg refuses. */
    static void ffmpeg(Path output, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        command.add(output.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(output)) {
            throw new IllegalStateException("ffmpeg could not make " + output.getFileName() + ": " + log);
        }
    }

    /** A 320×240 H.264 test pattern, {@code seconds} long, 10 frames a second. */
    static byte[] mp4(Path workDirectory, String seconds) throws IOException, InterruptedException {
        Path file = workDirectory.resolve("sample-" + seconds + ".mp4");
        ffmpeg(file, "-f", "lavfi", "-i", "testsrc=duration=" + seconds + ":size=320x240:rate=10",
                "-pix_fmt", "yuv420p", "-c:v", "libx264");
        return Files.readAllBytes(file);
    }
}
