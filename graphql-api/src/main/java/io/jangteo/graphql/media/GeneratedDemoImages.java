package io.jangteo.graphql.media;

import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.graphql.demo.DemoImages;
import io.jangteo.messages.catalog.AttachMedia;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.ProductId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Demo product pictures: a colour gradient with a simple pattern per product, stored and attached exactly like an
 * upload, so the demo also exercises background processing and rendition serving.
 */
@Component
class GeneratedDemoImages implements DemoImages {

    private static final int SIZE = 800;

    private final MediaFiles files;
    private final CommandGateway commandGateway;

    GeneratedDemoImages(MediaFiles files, CommandGateway commandGateway) {
        this.files = files;
        this.commandGateway = commandGateway;
    }

    @Override
    public void attach(ProductId productId, int index, AuditMetaData actor) {
        MediaId mediaId = MediaId.of(productId.value() + "-img");
        try {
            byte[] png = picture(index);
            MediaFiles.StoredOriginal original = files.storeOriginal(mediaId, new ByteArrayInputStream(png),
                    png.length);
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new AttachMedia(productId, mediaId,
                            MediaKind.IMAGE, "image/png", original.sizeBytes(), original.sha256(),
                            "demo-" + (index + 1) + ".png", original.storageKey()))
                    .andMetaData(actor.toMetaData()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] picture(int index) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float hue = (index * 0.137f) % 1f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.45f, 0.95f), SIZE, SIZE,
                    Color.getHSBColor((hue + 0.12f) % 1f, 0.65f, 0.75f)));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(255, 255, 255, 150));
            int shapes = 3 + index % 5;
            for (int i = 0; i < shapes; i++) {
                int d = 120 + (index * 37 + i * 91) % 260;
                int x = (index * 53 + i * 173) % (SIZE - d);
                int y = (index * 29 + i * 211) % (SIZE - d);
                if ((index + i) % 2 == 0) {
                    g.fillOval(x, y, d, d);
                } else {
                    g.fillRoundRect(x, y, d, d * 2 / 3, 40, 40);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
