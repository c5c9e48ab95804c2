package io.jangteo.command.media;

import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.Rendition;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The three renditions every product image gets: a square {@code thumbnail} for grids, a {@code list} image of one
 * width so that list rows line up, and a {@code detail} image that is never larger than its original. All are JPEG,
 * the one format every browser and mail client shows; transparency is flattened on white, the page background.
 */
final class ImageRenditions {

    static final int THUMBNAIL_SIZE = 200;
    static final int LIST_WIDTH = 480;
    static final int DETAIL_MAX_WIDTH = 1200;
    static final String CONTENT_TYPE = "image/jpeg";

    /**
     * Decoding allocates four bytes per pixel whatever the file's size, so a small file can claim gigabytes (a
     * "decompression bomb"); the dimensions are read from the header and checked before any pixel is decoded.
     */
    static final long MAX_PIXELS = 40_000_000L;
    /** The API accepts far smaller images; this only keeps a misconfigured upload limit from exhausting the heap. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final float JPEG_QUALITY = 0.85f;

    private final MediaStore store;

    ImageRenditions(MediaStore store) {
        this.store = store;
    }

    /**
     * @throws IOException         the original could not be read or a rendition not written: worth another try
     * @throws UnprocessableMedia  the original is not an image this server can decode
     */
    List<Rendition> render(MediaId mediaId, String storageKey) throws IOException, UnprocessableMedia {
        Path original = store.original(storageKey);
        if (Files.size(original) > MAX_FILE_BYTES) {
            throw UnprocessableMedia.failed("The image file is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                    + " MB");
        }
        // read first, decode from memory: a read error is the store's (transient), a decode error the file's
        BufferedImage source = decode(Files.readAllBytes(original));

        BufferedImage detail = flattened(source.getWidth() <= DETAIL_MAX_WIDTH ? source
                : resized(Thumbnails.of(source).width(DETAIL_MAX_WIDTH)));
        source.flush();
        // the smaller renditions are derived from the detail image: the same look, a fraction of the work
        BufferedImage list = flattened(resized(Thumbnails.of(detail).width(LIST_WIDTH)));
        BufferedImage thumbnail = flattened(resized(Thumbnails.of(detail)
                .size(THUMBNAIL_SIZE, THUMBNAIL_SIZE).crop(Positions.CENTER)));

        return List.of(write(mediaId, "thumbnail", thumbnail), write(mediaId, "list", list),
                write(mediaId, "detail", detail));
    }

    static BufferedImage decode(byte[] bytes) throws UnprocessableMedia {
        checkDimensions(bytes);
        try {
            // Thumbnailator applies the EXIF orientation phones record instead of rotating the pixels
            BufferedImage image = Thumbnails.of(new ByteArrayInputStream(bytes)).scale(1.0).asBufferedImage();
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw UnprocessableMedia.failed("The file could not be decoded as an image");
            }
            return image;
        } catch (UnprocessableMedia e) {
            throw e;
        } catch (Exception | LinkageError e) {
            // decoders report broken files with all kinds of exceptions (IIOException, EOFException,
            // ArrayIndexOutOfBounds...): whatever they throw on bytes already in memory, the file is at fault
            throw UnprocessableMedia.failed("The file could not be decoded as an image (" + describe(e) + ")");
        }
    }

    private static void checkDimensions(byte[] bytes) throws UnprocessableMedia {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw UnprocessableMedia.failed("The file is not an image format this server can decode");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw UnprocessableMedia.failed("The image has no pixels");
                }
                if (width * height > MAX_PIXELS) {
                    throw UnprocessableMedia.failed("The image is " + width + "×" + height
                            + " pixels; at most " + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
                }
            } finally {
                reader.dispose();
            }
        } catch (UnprocessableMedia e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw UnprocessableMedia.failed("The file could not be decoded as an image (" + describe(e) + ")");
        }
    }

    private static BufferedImage resized(Thumbnails.Builder<BufferedImage> builder) throws IOException {
        return builder.asBufferedImage();
    }

    /** JPEG has no alpha channel: transparent pixels would turn black, so they are painted on white first. */
    static BufferedImage flattened(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private Rendition write(MediaId mediaId, String name, BufferedImage image)
            throws IOException, UnprocessableMedia {
        MediaStore.Stored stored = store.writeRendition(mediaId, name, "jpg", file -> writeJpeg(image, file));
        return new Rendition(name, CONTENT_TYPE, image.getWidth(), image.getHeight(), stored.sizeBytes(),
                stored.storageKey());
    }

    static void writeJpeg(BufferedImage image, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("This JVM has no JPEG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            // progressive JPEGs show a whole, blurry image at once on slow mobile connections
            parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
