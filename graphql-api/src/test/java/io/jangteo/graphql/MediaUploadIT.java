package io.jangteo.graphql;

import io.jangteo.messages.catalog.MediaAttached;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A seller uploads product media over real HTTP; processing runs in the background of the same application and the
 * product's media field shows how it ended.
 */
class MediaUploadIT extends GraphQlTestSupport {

    private static final Duration PROCESSING = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void uploadAnImageIsAcceptedAtOnceAndBecomesReadyWithThreeRenditions() throws Exception {
        String shop = uniqueSeller();
        String productId = (String) createProduct(seller(shop), "Jeju tangerines 5kg", 32_000).get("id");
        byte[] png = noisyPng(1600, 1000);
        // larger than the GraphQL endpoint's 64 KB body limit, which must not apply here
        assertThat(png.length).isGreaterThan(64 * 1024);

        long started = System.nanoTime();
        Map<String, Object> accepted = upload(productId, token("SELLER", shop), png, "tangerines.png", "image/png")
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        assertThat(accepted).containsEntry("status", "PENDING").containsEntry("kind", "IMAGE")
                .containsEntry("contentType", "image/png")
                .containsEntry("sizeBytes", png.length);
        String mediaId = (String) accepted.get("mediaId");
        assertThat(mediaId).isNotBlank();

        Map<String, Object> medium = awaitMedium(productId, mediaId, "READY");
        assertThat(medium).containsEntry("fileName", "tangerines.png").containsEntry("kind", "IMAGE");
        assertThat(renditions(medium)).extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("thumbnail", "list", "detail");
        assertThat(rendition(medium, "list")).containsEntry("width", 480).containsEntry("height", 300);
        assertThat(rendition(medium, "detail")).containsEntry("width", 1200);
        assertThat(rendition(medium, "thumbnail")).containsEntry("width", 200).containsEntry("height", 200);

        EntityExchangeResult<byte[]> list = http().get().uri("/media/{id}/list", mediaId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL,
                        value -> assertThat(value).contains("public").contains("max-age=31536000").contains("immutable"))
                .expectBody(byte[].class).returnResult();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(list.getResponseBody()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(480);

        assertThat(eventsOf(productId)).anyMatch(e -> e.getPayload() instanceof MediaAttached);
        MediaAttached attached = (MediaAttached) eventsOf(productId).stream()
                .filter(e -> e.getPayload() instanceof MediaAttached).findFirst().orElseThrow().getPayload();
        assertThat(attached.sha256()).matches("[0-9a-f]{64}");
        assertThat(eventsOf(productId).stream()
                .filter(e -> e.getPayload() instanceof MediaAttached).findFirst().orElseThrow().getMetaData())
                .containsEntry("actorRole", "SELLER");
    }

    @Test
    void uploadAVideoBecomesReadyWithItsDurationSizeAndAPoster() throws Exception {
        Assumptions.assumeTrue(ffmpegOnPath(), "SKIPPED: ffmpeg not installed on this machine (.ci/run installs it), "
                + "so no test video can be made or processed");
        String shop = uniqueSeller();
        String productId = (String) createProduct(seller(shop), "Kimchi fridge tour", 9_000).get("id");
        Path mp4 = work.resolve("tour.mp4");
        ffmpeg(mp4, "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=10", "-pix_fmt", "yuv420p",
                "-c:v", "libx264");

        // declared as octet-stream: the server must know it from its bytes
        String mediaId = (String) upload(productId, token("SELLER", shop), Files.readAllBytes(mp4), "tour.bin",
                "application/octet-stream")
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(MAP).returnResult().getResponseBody().get("mediaId");

        Map<String, Object> medium = awaitMedium(productId, mediaId, "READY");
        assertThat(medium).containsEntry("kind", "VIDEO").containsEntry("contentType", "video/mp4");
        @SuppressWarnings("unchecked")
        Map<String, Object> video = (Map<String, Object>) medium.get("video");
        assertThat(((Number) video.get("durationMillis")).longValue()).isBetween(1_900L, 2_100L);
        assertThat(video).containsEntry("width", 320).containsEntry("height", 240).containsEntry("codec", "h264");
        assertThat(rendition(medium, "poster")).containsEntry("width", 320).containsEntry("height", 240);

        byte[] poster = http().get().uri("/media/{id}/poster", mediaId).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(ImageIO.read(new ByteArrayInputStream(poster))).isNotNull();
    }

    @Test
    void uploadACorruptPngEndsFailedWithAReasonAndTheProductStaysUsable() throws Exception {
        String shop = uniqueSeller();
        String productId = (String) createProduct(seller(shop), "Broken picture", 1_000).get("id");
        byte[] corrupt = Arrays.copyOf(noisyPng(200, 200), 20_000);
        Arrays.fill(corrupt, 60, corrupt.length, (byte) 0x5A);

        String mediaId = (String) upload(productId, token("SELLER", shop), corrupt, "broken.png", "image/png")
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(MAP).returnResult().getResponseBody().get("mediaId");

        Map<String, Object> medium = awaitMedium(productId, mediaId, "FAILED");
        assertThat((String) medium.get("failureReason")).contains("could not be decoded");
        assertThat(renditions(medium)).isEmpty();

        seller(shop).documentName("renameProduct")
                .variable("input", Map.of("productId", productId, "name", "Fixed picture"))
                .execute()
                .path("renameProduct.errors").entityList(Object.class).hasSize(0)
                .path("renameProduct.product.name").entity(String.class).isEqualTo("Fixed picture");
    }

    @Test
    void uploadATextFileNamedPngIsRefused415AndAttachesNothing() throws Exception {
        String shop = uniqueSeller();
        String productId = (String) createProduct(seller(shop), "Honest label", 1_000).get("id");
        List<String> originalsBefore = originals();

        Map<String, Object> error = upload(productId, token("SELLER", shop),
                "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8), "photo.png", "image/png")
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(error).containsEntry("code", "UNSUPPORTED_MEDIA_TYPE");
        assertThat((String) error.get("message")).isNotBlank();
        assertThat(eventsOf(productId)).noneMatch(e -> e.getPayload() instanceof MediaAttached);
        assertThat(media(productId)).isEmpty();
        assertThat(originals()).isEqualTo(originalsBefore);
    }

    @Test
    void uploadToAnotherSellersProductIsForbiddenAndKeepsNoFile() throws Exception {
        String productId = (String) createProduct(seller(uniqueSeller()), "Not yours", 1_000).get("id");
        List<String> originalsBefore = originals();

        Map<String, Object> error = upload(productId, token("SELLER", uniqueSeller()), noisyPng(64, 64),
                "mine-now.png", "image/png")
                .expectStatus().isForbidden()
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(error).containsEntry("code", "FORBIDDEN");
        assertThat(eventsOf(productId)).noneMatch(e -> e.getPayload() instanceof MediaAttached);
        assertThat(originals()).isEqualTo(originalsBefore);
    }

    @Test
    void uploadToAnUnknownProductIsNotFoundAndKeepsNoFile() throws Exception {
        List<String> originalsBefore = originals();

        upload("no-such-product", token("SELLER", uniqueSeller()), noisyPng(64, 64), "x.png", "image/png")
                .expectStatus().isNotFound()
                .expectBody(MAP).value(body -> assertThat(body).containsEntry("code", "NOT_FOUND"));

        assertThat(originals()).isEqualTo(originalsBefore);
    }

    @Test
    void uploadWithoutSigningInIsUnauthorized() throws Exception {
        String productId = (String) createProduct(seller(uniqueSeller()), "Private", 1_000).get("id");

        upload(productId, null, noisyPng(64, 64), "x.png", "image/png").expectStatus().isUnauthorized();

        assertThat(eventsOf(productId)).noneMatch(e -> e.getPayload() instanceof MediaAttached);
    }

    @Test
    void uploadOfAnImageAboveTheImageLimitIs413() {
        String shop = uniqueSeller();
        String productId = (String) createProduct(seller(shop), "Huge picture", 1_000).get("id");
        // a PNG signature on 11 MB: the kind is known from the head, the size refuses it before any decoding
        byte[] tooLarge = new byte[11 * 1024 * 1024];
        new Random(7).nextBytes(tooLarge);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, tooLarge, 0, 8);

        upload(productId, token("SELLER", shop), tooLarge, "huge.png", "image/png")
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectBody(MAP).value(body -> assertThat(body).containsEntry("code", "PAYLOAD_TOO_LARGE"));

        assertThat(eventsOf(productId)).noneMatch(e -> e.getPayload() instanceof MediaAttached);
    }

    @Test
    void renditionsThatDoNotExistOrNameNoFileAre404() {
        http().get().uri("/media/{id}/list", "0000000000000000nothing").exchange().expectStatus().isNotFound();
        http().get().uri("/media/{id}/{name}", "a.b", "list").exchange().expectStatus().isNotFound();
        http().get().uri("/media/{id}/{name}", "abc", "LIST.jpg").exchange().expectStatus().isNotFound();
    }

    // ---- helpers

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(60)).build();
    }

    private WebTestClient.ResponseSpec upload(String productId, String token, byte[] content, String fileName,
                                              String declaredType) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", content).filename(fileName).contentType(MediaType.parseMediaType(declaredType));
        WebTestClient.RequestBodySpec request = http().post().uri("/media/products/{id}", productId)
                .contentType(MediaType.MULTIPART_FORM_DATA);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> media(String productId) {
        return (List<Map<String, Object>>) (List<?>) as("ADMIN", null).documentName("productMedia")
                .variable("id", productId).execute()
                .path("product.media").entityList(Map.class).get();
    }

    private Map<String, Object> awaitMedium(String productId, String mediaId, String status) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(PROCESSING).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Object> medium = media(productId).stream()
                    .filter(m -> mediaId.equals(m.get("id"))).findFirst().orElseThrow();
            assertThat(medium.get("status")).as("status of medium " + mediaId).isEqualTo(status);
            found.clear();
            found.add(medium);
        });
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> renditions(Map<String, Object> medium) {
        return (List<Map<String, Object>>) medium.get("renditions");
    }

    private static Map<String, Object> rendition(Map<String, Object> medium, String name) {
        return renditions(medium).stream().filter(r -> name.equals(r.get("name"))).findFirst().orElseThrow();
    }

    /** The originals stored so far; the media directory defaults to media/ in the data directory. */
    private static List<String> originals() throws IOException {
        Path directory = DATA_DIR.resolve("media").resolve("originals");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Random pixels compress badly, so the file is as large as a real photo of that size. */
    private static byte[] noisyPng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static boolean ffmpegOnPath() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, "ffmpeg"))
                        && Files.isExecutable(Path.of(dir, "ffprobe")));
    }

    private static void ffmpeg(Path output, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        command.add(output.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ffmpeg: " + log).isZero();
    }
}
