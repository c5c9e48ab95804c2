package io.jangteo.command.media;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs ffprobe and ffmpeg: in {@code jangteo.media.ffmpeg-dir} when that is set, else on the PATH. The
 * tools are looked up on every use, so installing them needs no restart.
 */
final class Ffmpeg {

    static final String NOT_INSTALLED = "video processing needs ffmpeg, which is not installed on this server";
    /** Enough of a tool's complaint to tell a seller what is wrong, not so much that an event grows without bound. */
    private static final int MAX_REASON = 500;

    private final Path directory;
    private final String path;

    /** @param directory where the tools are; null to search the PATH */
    Ffmpeg(Path directory) {
        this(directory, System.getenv("PATH"));
    }

    Ffmpeg(Path directory, String path) {
        this.directory = directory;
        this.path = path == null ? "" : path;
    }

    /** ffprobe and ffmpeg, or {@code UNSUPPORTED} when either is missing. */
    Tools tools() throws UnprocessableMedia {
        Optional<Path> ffprobe = find("ffprobe");
        Optional<Path> ffmpeg = find("ffmpeg");
        if (ffprobe.isEmpty() || ffmpeg.isEmpty()) {
            throw new UnprocessableMedia(io.jangteo.messages.catalog.MediaStatus.UNSUPPORTED, NOT_INSTALLED);
        }
        return new Tools(ffprobe.get(), ffmpeg.get());
    }

    private Optional<Path> find(String tool) {
        List<Path> candidates = new ArrayList<>();
        if (directory != null) {
            candidates.add(directory.resolve(tool));
        } else {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry, tool));
                }
            }
        }
        return candidates.stream().filter(f -> Files.isRegularFile(f) && Files.isExecutable(f)).findFirst();
    }

    record Tools(Path ffprobe, Path ffmpeg) {
    }

    /** What a finished tool left: its exit code, its output and its complaints. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** The tool's own words, the last (most specific) lines kept when long. */
        String reason() {
            // "[mov,mp4,m4a @ 0x55b7…] moov atom not found": the demuxer's address means nothing to a seller
            String text = stderr.replaceAll("\\[[^\\]\n]*@ 0x[0-9a-fA-F]+\\] ?", "")
                    .strip().replaceAll("\\s*\n\\s*", "; ");
            if (text.isEmpty()) {
                return "exit code " + exitCode;
            }
            return text.length() <= MAX_REASON ? text : "…" + text.substring(text.length() - MAX_REASON);
        }
    }

    /**
     * Runs a tool with a time limit. Output goes to files rather than pipes: a tool blocked on a full pipe that nobody
     * reads would otherwise run into the time limit for nothing.
     *
     * @throws ToolTimedOut when the tool had to be killed
     */
    static Result run(List<String> command, Duration timeout) throws IOException, ToolTimedOut {
        Path stdout = Files.createTempFile("jangteo-tool-", ".out");
        Path stderr = Files.createTempFile("jangteo-tool-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while running " + Path.of(command.get(0)).getFileName(), e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new ToolTimedOut(Path.of(command.get(0)).getFileName() + " did not finish within "
                        + timeout.toSeconds() + " s");
            }
            // lenient decoding: tools echo the file's own metadata, in whatever encoding it came
            return new Result(process.exitValue(), new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }

    static final class ToolTimedOut extends Exception {
        ToolTimedOut(String message) {
            super(message, null, false, false);
        }
    }
}
