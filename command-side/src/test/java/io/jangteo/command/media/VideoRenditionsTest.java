package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.RecordMediaProcessed;
import io.jangteo.messages.catalog.RecordMediaProcessingFailed;
import io.jangteo.messages.catalog.Rendition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.jangteo.command.media.MediaSamples.attached;
import static org.assertj.core.api.Assertions.assertThat;

/** Video media through the real ffprobe and ffmpeg of this machine, on videos those tools make here. */
class VideoRenditionsTest {

    @TempDir
    Path mediaRoot;
    @TempDir
    Path work;

    private MediaProcessor processor(Path ffmpegDirectory) {
        FileSystemMediaStore store = new FileSystemMediaStore(mediaRoot);
        return new MediaProcessor(new ImageRenditions(store), new VideoRenditions(store,
                new Ffmpeg(ffmpegDirectory), Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }

    private static Path requireFfmpeg() {
        Assumptions.assumeTrue(MediaSamples.ffmpegDirectory().isPresent(), MediaSamples.NO_FFMPEG);
        return MediaSamples.ffmpegDirectory().get();
    }

    @Test
    void anMp4GetsItsDurationSizeCodecAndAPosterFrame() throws Exception {
        Path ffmpeg = requireFfmpeg();
        MediaAttached medium = attached(mediaRoot, MediaKind.VIDEO, "video/mp4", MediaSamples.mp4(work, "2"));

        RecordMediaProcessed processed = (RecordMediaProcessed) processor(ffmpeg).process(medium);

        assertThat(processed.video().durationMillis()).isBetween(1_900L, 2_100L);
        assertThat(processed.video().width()).isEqualTo(320);
        assertThat(processed.video().height()).isEqualTo(240);
        assertThat(processed.video().codec()).isEqualTo("h264");
        assertThat(processed.renditions()).singleElement().satisfies(poster -> {
            assertThat(poster.name()).isEqualTo("poster");
            assertThat(poster.contentType()).isEqualTo("image/jpeg");
            assertThat(poster.storageKey()).isEqualTo("renditions/" + medium.mediaId() + "/poster.jpg");
            assertPoster(poster, 320, 240);
        });
    }

    @Test
    void aVideoShorterThanASecondGetsItsFirstFrameAsPoster() throws Exception {
        Path ffmpeg = requireFfmpeg();
        MediaAttached medium = attached(mediaRoot, MediaKind.VIDEO, "video/mp4", MediaSamples.mp4(work, "0.5"));

        RecordMediaProcessed processed = (RecordMediaProcessed) processor(ffmpeg).process(medium);

        assertThat(processed.video().durationMillis()).isBetween(400L, 600L);
        assertPoster(processed.renditions().get(0), 320, 240);
    }

    @Test
    void aVideoThatFfprobeCannotReadFailsWithFfprobesReasonAndNoServerPath() throws Exception {
        Path ffmpeg = requireFfmpeg();
        byte[] fake = new byte[4096];
        byte[] header = "\0\0\0\u0018ftypisom\0\0\0\0isomiso2".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, fake, 0, header.length);
        MediaAttached medium = attached(mediaRoot, MediaKind.VIDEO, "video/mp4", fake);

        RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) processor(ffmpeg).process(medium);

        assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
        assertThat(failed.reason()).startsWith("ffprobe could not read the video: ")
                .contains("Invalid data found when processing input")
                .doesNotContain(mediaRoot.toString()).doesNotContain("@ 0x").doesNotContain("\n");
        assertThat(mediaRoot.resolve("renditions").resolve(medium.mediaId().value())).doesNotExist();
    }

    @Test
    void aFileWithSoundButNoPictureFails() throws Exception {
        Path ffmpeg = requireFfmpeg();
        Path audio = work.resolve("tone.m4a");
        MediaSamples.ffmpeg(audio, "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac");
        MediaAttached medium = attached(mediaRoot, MediaKind.VIDEO, "video/mp4", Files.readAllBytes(audio));

        RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) processor(ffmpeg).process(medium);

        assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("The file has no video stream");
    }

    @Test
    void withoutFfmpegAVideoEndsUnsupported() throws Exception {
        Path empty = Files.createDirectory(work.resolve("no-tools-here"));
        // not a real video: without the tools nothing may even look at it
        MediaAttached medium = attached(mediaRoot, MediaKind.VIDEO, "video/mp4", new byte[]{0, 0, 0, 0x18});

        RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) processor(empty).process(medium);

        assertThat(failed.status()).isEqualTo(MediaStatus.UNSUPPORTED);
        assertThat(failed.reason()).isEqualTo("video processing needs ffmpeg, which is not installed on this server");
    }

    @Test
    void ffmpegIsFoundOnThePathWhenNoDirectoryIsConfigured() throws Exception {
        Path tools = Files.createDirectory(work.resolve("bin"));
        for (String tool : new String[]{"ffprobe", "ffmpeg"}) {
            Path script = Files.writeString(tools.resolve(tool), "#!/bin/sh\nexit 0\n");
            assertThat(script.toFile().setExecutable(true)).isTrue();
        }

        Ffmpeg.Tools found = new Ffmpeg(null, work.resolve("elsewhere") + java.io.File.pathSeparator + tools)
                .tools();

        assertThat(found.ffprobe()).isEqualTo(tools.resolve("ffprobe"));
        assertThat(found.ffmpeg()).isEqualTo(tools.resolve("ffmpeg"));
    }

    private void assertPoster(Rendition poster, int width, int height) throws Exception {
        Path file = mediaRoot.resolve(poster.storageKey());
        assertThat(poster.sizeBytes()).isEqualTo(Files.size(file)).isPositive();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width).isEqualTo(poster.width());
        assertThat(image.getHeight()).isEqualTo(height).isEqualTo(poster.height());
    }
}
