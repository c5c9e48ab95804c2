package io.jangteo.command.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.Rendition;
import io.jangteo.messages.catalog.VideoMetadata;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a product video needs before a page can show it: its duration, display size and codec (from ffprobe) and a
 * {@code poster} frame (from ffmpeg) to show until it plays. Videos are served as uploaded; transcoding is not done.
 */
final class VideoRenditions {

    static final String POSTER = "poster";
    static final int POSTER_MAX_WIDTH = 1200;
    /** Late enough to skip the black or title frame most videos open with. */
    static final long POSTER_AT_MILLIS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MediaStore store;
    private final Ffmpeg ffmpeg;
    private final Duration probeTimeout;
    private final Duration posterTimeout;

    VideoRenditions(MediaStore store, Ffmpeg ffmpeg, Duration probeTimeout, Duration posterTimeout) {
        this.store = store;
        this.ffmpeg = ffmpeg;
        this.probeTimeout = probeTimeout;
        this.posterTimeout = posterTimeout;
    }

    record Result(VideoMetadata video, List<Rendition> renditions) {
    }

    /**
     * @throws IOException        the original could not be read or the poster not stored: worth another try
     * @throws UnprocessableMedia ffmpeg is missing ({@code UNSUPPORTED}) or refuses the file ({@code FAILED})
     */
    Result render(MediaId mediaId, String storageKey) throws IOException, UnprocessableMedia {
        Ffmpeg.Tools tools = ffmpeg.tools();
        Path original = store.original(storageKey);
        VideoMetadata video = probe(tools, original);
        Rendition poster = poster(tools, mediaId, original, video);
        return new Result(video, List.of(poster));
    }

    VideoMetadata probe(Ffmpeg.Tools tools, Path original) throws IOException, UnprocessableMedia {
        Ffmpeg.Result result = runOrFail(List.of(tools.ffprobe().toString(), "-v", "error",
                "-print_format", "json", "-show_streams", "-show_format", original.toString()), probeTimeout);
        if (!result.succeeded()) {
            throw UnprocessableMedia.failed("ffprobe could not read the video: " + withoutPath(result.reason(), original));
        }
        JsonNode probe;
        try {
            probe = JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw UnprocessableMedia.failed("ffprobe's report on the video could not be read");
        }
        JsonNode stream = null;
        for (JsonNode candidate : probe.path("streams")) {
            // cover art in MP4/MOV files is a "video" stream too; it has a single frame and the attached_pic flag
            if ("video".equals(candidate.path("codec_type").asText())
                    && candidate.path("disposition").path("attached_pic").asInt(0) == 0) {
                stream = candidate;
                break;
            }
        }
        if (stream == null) {
            throw UnprocessableMedia.failed("The file has no video stream");
        }
        int width = stream.path("width").asInt(0);
        int height = stream.path("height").asInt(0);
        if (width <= 0 || height <= 0) {
            throw UnprocessableMedia.failed("The video stream has no picture size");
        }
        if (Math.abs(rotation(stream)) % 180 == 90) {
            // phones store portrait videos as landscape frames plus a rotation; players show them turned
            int turned = width;
            width = height;
            height = turned;
        }
        double seconds = seconds(probe.path("format").path("duration"));
        if (Double.isNaN(seconds)) {
            seconds = seconds(stream.path("duration"));
        }
        if (Double.isNaN(seconds) || seconds < 0) {
            throw UnprocessableMedia.failed("The video's duration is unknown");
        }
        String codec = stream.path("codec_name").asText("");
        return new VideoMetadata(Math.round(seconds * 1000), width, height, codec.isEmpty() ? "unknown" : codec);
    }

    private Rendition poster(Ffmpeg.Tools tools, MediaId mediaId, Path original, VideoMetadata video)
            throws IOException, UnprocessableMedia {
        // a video shorter than the usual poster time shows its first frame
        long at = video.durationMillis() > POSTER_AT_MILLIS ? POSTER_AT_MILLIS : 0;
        MediaStore.Stored stored = store.writeRendition(mediaId, POSTER, "jpg", file -> {
            extractFrame(tools, original, file, at);
            if (at > 0 && (!Files.exists(file) || Files.size(file) == 0)) {
                // the container's duration can overstate the stream's: fall back to the first frame
                extractFrame(tools, original, file, 0);
            }
            if (!Files.exists(file) || Files.size(file) == 0) {
                throw UnprocessableMedia.failed("ffmpeg found no frame to use as a poster");
            }
        });
        BufferedImage image = ImageIO.read(stored.file().toFile());
        if (image == null) {
            throw new IOException("The poster just written cannot be read back: " + stored.storageKey());
        }
        return new Rendition(POSTER, ImageRenditions.CONTENT_TYPE, image.getWidth(), image.getHeight(),
                stored.sizeBytes(), stored.storageKey());
    }

    private void extractFrame(Ffmpeg.Tools tools, Path original, Path target, long atMillis)
            throws IOException, UnprocessableMedia {
        Ffmpeg.Result result = runOrFail(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-y",
                // -ss before -i seeks in the container instead of decoding every frame up to that point
                "-ss", String.format(java.util.Locale.ROOT, "%.3f", atMillis / 1000.0),
                "-i", original.toString(),
                "-frames:v", "1",
                // display size (ffmpeg applies the rotation), at most 1200 wide, even height for the encoder
                "-vf", "scale='min(" + POSTER_MAX_WIDTH + ",iw)':-2",
                "-q:v", "3", "-f", "image2", "-c:v", "mjpeg",
                target.toString()), posterTimeout);
        if (!result.succeeded()) {
            throw UnprocessableMedia.failed("ffmpeg could not take a poster frame: "
                    + withoutPath(result.reason(), original));
        }
    }

    /** A tool that needs longer than its limit on one file will again: the medium fails instead of blocking others. */
    private static Ffmpeg.Result runOrFail(List<String> command, Duration timeout)
            throws IOException, UnprocessableMedia {
        try {
            return Ffmpeg.run(command, timeout);
        } catch (Ffmpeg.ToolTimedOut e) {
            throw UnprocessableMedia.failed(e.getMessage());
        }
    }

    private static int rotation(JsonNode stream) {
        for (JsonNode sideData : stream.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return sideData.path("rotation").asInt(0);
            }
        }
        return stream.path("tags").path("rotate").asInt(0);
    }

    private static double seconds(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Tools name the input file in their messages; the server's directory layout is nobody's business. */
    private static String withoutPath(String reason, Path original) {
        return reason.replace(original.toString(), "the video");
    }
}
