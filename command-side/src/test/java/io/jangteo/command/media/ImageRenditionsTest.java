package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.RecordMediaProcessed;
import io.jangteo.messages.catalog.RecordMediaProcessingFailed;
import io.jangteo.messages.catalog.Rendition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import static io.jangteo.command.media.MediaSamples.attached;
import static io.jangteo.command.media.MediaSamples.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Image media through the real processor, store and JPEG encoder, with files made here. */
class ImageRenditionsTest {

    @TempDir
    Path mediaRoot;
    @TempDir
    Path work;

    private MediaProcessor processor;

    @BeforeEach
    void setUp() {
        FileSystemMediaStore store = new FileSystemMediaStore(mediaRoot);
        processor = new MediaProcessor(new ImageRenditions(store), new VideoRenditions(store,
                new Ffmpeg(null), Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }

    @Test
    void aPngGetsAThumbnailAListAndADetailJpegOfTheRightSizes() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(1600, 900));

        RecordMediaProcessed processed = (RecordMediaProcessed) processor.process(medium);

        assertThat(processed.productId()).isEqualTo(medium.productId());
        assertThat(processed.mediaId()).isEqualTo(medium.mediaId());
        assertThat(processed.video()).isNull();
        Map<String, Rendition> renditions = byName(processed);
        assertThat(renditions).containsOnlyKeys("thumbnail", "list", "detail");
        assertSize(renditions.get("thumbnail"), 200, 200);
        assertSize(renditions.get("list"), 480, 270);
        assertSize(renditions.get("detail"), 1200, 675);
        for (Rendition rendition : renditions.values()) {
            Path file = mediaRoot.resolve(rendition.storageKey());
            assertThat(rendition.contentType()).isEqualTo("image/jpeg");
            assertThat(rendition.storageKey())
                    .isEqualTo("renditions/" + medium.mediaId() + "/" + rendition.name() + ".jpg");
            assertThat(rendition.sizeBytes()).isEqualTo(Files.size(file));
            BufferedImage image = readJpeg(file);
            assertThat(image.getWidth()).as(rendition.name()).isEqualTo(rendition.width());
            assertThat(image.getHeight()).as(rendition.name()).isEqualTo(rendition.height());
        }
        // the layout survives: left red, right blue, in the cropped thumbnail too
        BufferedImage thumbnail = readJpeg(mediaRoot.resolve(renditions.get("thumbnail").storageKey()));
        assertThat(isClose(new Color(thumbnail.getRGB(20, 100)), Color.RED)).isTrue();
        assertThat(isClose(new Color(thumbnail.getRGB(180, 100)), Color.BLUE)).isTrue();
    }

    @Test
    void aSmallImageIsNeverUpscaledForDetailButFillsTheListWidth() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(300, 150));

        Map<String, Rendition> renditions = byName((RecordMediaProcessed) processor.process(medium));

        assertSize(renditions.get("detail"), 300, 150);
        assertSize(renditions.get("list"), 480, 240);
        assertSize(renditions.get("thumbnail"), 200, 200);
    }

    @Test
    void transparencyIsFlattenedOnWhite() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png",
                MediaSamples.transparentPng(800, 800));

        Map<String, Rendition> renditions = byName((RecordMediaProcessed) processor.process(medium));

        BufferedImage detail = readJpeg(mediaRoot.resolve(renditions.get("detail").storageKey()));
        assertThat(isClose(new Color(detail.getRGB(5, 5)), Color.WHITE)).as("corner").isTrue();
        assertThat(isClose(new Color(detail.getRGB(400, 400)), Color.GREEN)).as("centre").isTrue();
    }

    @Test
    void aCorruptPngFailsWithAReasonAndLeavesNoRendition() throws Exception {
        byte[] corrupt = Arrays.copyOf(png(400, 300), 400 * 300);
        // keep the signature and header, overwrite the pixel data
        Arrays.fill(corrupt, 60, corrupt.length, (byte) 0x5A);
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", corrupt);

        RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) processor.process(medium);

        assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
        assertThat(failed.reason()).startsWith("The file could not be decoded as an image");
        assertThat(mediaRoot.resolve("renditions").resolve(medium.mediaId().value())).doesNotExist();
    }

    @Test
    void aFileThatIsNoImageAtAllFails() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png",
                "just some text, not a picture".getBytes());

        RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) processor.process(medium);

        assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("The file is not an image format this server can decode");
    }

    @Test
    void anImageClaimingMorePixelsThanTheLimitIsRefusedBeforeDecoding() throws Exception {
        // a genuine PNG whose header claims 100,000 × 100,000 pixels: 40 GB once decoded
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png",
                withDimensions(png(10, 10), 100_000, 100_000));

        RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) processor.process(medium);

        assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
        assertThat(failed.reason()).contains("100000×100000").contains("at most 40 megapixels");
    }

    @Test
    void aMissingOriginalIsAStoreFailureWorthRetryingNotAFailedMedium() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(10, 10));
        Files.delete(mediaRoot.resolve(medium.storageKey()));

        assertThatThrownBy(() -> processor.process(medium)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aWebpImageIsDecoded() throws Exception {
        Assumptions.assumeTrue(MediaSamples.ffmpegDirectory().isPresent(), MediaSamples.NO_FFMPEG);
        Path webp = work.resolve("sample.webp");
        MediaSamples.ffmpeg(webp, "-f", "lavfi", "-i", "testsrc=size=640x360", "-frames:v", "1", "-c:v", "libwebp");
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/webp", Files.readAllBytes(webp));

        Map<String, Rendition> renditions = byName((RecordMediaProcessed) processor.process(medium));

        assertSize(renditions.get("detail"), 640, 360);
        assertSize(renditions.get("list"), 480, 270);
    }

    private static Map<String, Rendition> byName(RecordMediaProcessed processed) {
        return processed.renditions().stream().collect(Collectors.toMap(Rendition::name, Function.identity()));
    }

    private static void assertSize(Rendition rendition, int width, int height) {
        assertThat(rendition.width()).as(rendition.name() + " width").isEqualTo(width);
        assertThat(rendition.height()).as(rendition.name() + " height").isEqualTo(height);
    }

    private static BufferedImage readJpeg(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("decodable " + file.getFileName()).isNotNull();
        return image;
    }

    private static boolean isClose(Color actual, Color expected) {
        return Math.abs(actual.getRed() - expected.getRed()) < 40
                && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }

    /** Rewrites a PNG's IHDR width and height, with a correct checksum, leaving the rest as it was. */
    private static byte[] withDimensions(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        // signature (8), IHDR length (4), "IHDR" (4), then width and height
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return copy;
    }
}
