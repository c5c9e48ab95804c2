package io.jangteo.command.media;

import io.jangteo.command.shared.DomainRuleViolation;
import io.jangteo.command.shared.RuleViolationTranslator;
import io.jangteo.messages.catalog.MediaAttached;
import io.jangteo.messages.catalog.MediaId;
import io.jangteo.messages.catalog.MediaKind;
import io.jangteo.messages.catalog.MediaStatus;
import io.jangteo.messages.catalog.RecordMediaProcessed;
import io.jangteo.messages.catalog.RecordMediaProcessingFailed;
import io.jangteo.messages.shared.AuditKeys;
import io.jangteo.messages.shared.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jangteo.command.media.MediaSamples.attached;
import static io.jangteo.command.media.MediaSamples.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event handler against a real command bus with the command side's rule-violation translation; the product's
 * handlers are stood in for by ones that record what arrives and fail on request.
 */
class MediaProcessingTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    @TempDir
    Path mediaRoot;

    private final List<CommandMessage<?>> received = Collections.synchronizedList(new ArrayList<>());
    /** What the product's handler does with the next commands, in order; it accepts once this is empty. */
    private final Deque<RuntimeException> productAnswers = new ArrayDeque<>();
    private final List<Duration> slept = new ArrayList<>();
    private final AtomicInteger storeFailuresLeft = new AtomicInteger();
    private final AtomicInteger storeReads = new AtomicInteger();
    private MediaProcessing handling;

    @BeforeEach
    void setUp() {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        for (Class<?> command : List.of(RecordMediaProcessed.class, RecordMediaProcessingFailed.class)) {
            commandBus.subscribe(command.getName(), message -> {
                received.add(message);
                RuntimeException answer = productAnswers.poll();
                if (answer != null) {
                    throw answer;
                }
                return null;
            });
        }
        FileSystemMediaStore files = new FileSystemMediaStore(mediaRoot);
        MediaStore flakyStore = new MediaStore() {
            @Override
            public Path original(String storageKey) throws IOException {
                storeReads.incrementAndGet();
                if (storeFailuresLeft.getAndDecrement() > 0) {
                    throw new IOException("NFS server not responding");
                }
                return files.original(storageKey);
            }

            @Override
            public Stored writeRendition(MediaId mediaId, String name, String extension, FileWriter writer)
                    throws IOException, UnprocessableMedia {
                return files.writeRendition(mediaId, name, extension, writer);
            }
        };
        MediaProcessor processor = new MediaProcessor(new ImageRenditions(flakyStore), new VideoRenditions(
                flakyStore, new Ffmpeg(null), Duration.ofSeconds(30), Duration.ofSeconds(60)));
        handling = new MediaProcessing(processor, DefaultCommandGateway.builder().commandBus(commandBus).build(),
                new Backoff(DELAYS, slept::add), new MediaMetrics(() -> meters));
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double failures(String kind) {
        var counter = meters.find(MediaMetrics.FAILURES).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aProcessedImageIsRecordedByTheNamedSystemActor() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(640, 480));

        handling.on(medium);

        assertThat(received).singleElement().satisfies(command -> {
            RecordMediaProcessed processed = (RecordMediaProcessed) command.getPayload();
            assertThat(processed.productId()).isEqualTo(medium.productId());
            assertThat(processed.mediaId()).isEqualTo(medium.mediaId());
            assertThat(processed.renditions()).hasSize(3);
            assertThat(command.getMetaData())
                    .containsEntry(AuditKeys.ACTOR_ID, "system:media-processing")
                    .containsEntry(AuditKeys.ACTOR_ROLE, "SYSTEM")
                    .doesNotContainKeys(AuditKeys.CLIENT_IP, AuditKeys.USER_AGENT, AuditKeys.ACTOR_SELLER_ID);
            assertThat((String) command.getMetaData().get(AuditKeys.REQUEST_ID)).matches("sys-[0-9a-f-]{36}");
        });
        assertThat(slept).isEmpty();
    }

    @Test
    void anUndecodableImageIsRecordedAsFailedNotThrown() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", "<html>".getBytes());

        handling.on(medium);

        assertThat(received).singleElement().satisfies(command -> {
            RecordMediaProcessingFailed failed = (RecordMediaProcessingFailed) command.getPayload();
            assertThat(failed.status()).isEqualTo(MediaStatus.FAILED);
            assertThat(failed.reason()).isNotBlank();
        });
        assertThat(failures("failed")).isEqualTo(1);
        assertThat(failures("parked")).isZero();
    }

    @Test
    void aPassingStoreFailureIsRetriedWithBackOff() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(64, 64));
        storeFailuresLeft.set(2);

        handling.on(medium);

        assertThat(storeReads).hasValue(3);
        assertThat(slept).containsExactly(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(failures("retried")).isEqualTo(2);
        assertThat(received).singleElement()
                .satisfies(command -> assertThat(command.getPayload()).isInstanceOf(RecordMediaProcessed.class));
    }

    @Test
    void aStoreThatStaysDownIsRethrownAfterTheLastAttemptSoTheEventIsDeadLettered() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(64, 64));
        storeFailuresLeft.set(Integer.MAX_VALUE);

        assertThatThrownBy(() -> handling.on(medium)).isInstanceOf(IOException.class)
                .hasMessage("NFS server not responding");

        assertThat(storeReads).hasValue(4);
        assertThat(slept).containsExactlyElementsOf(DELAYS);
        assertThat(received).isEmpty();
        assertThat(failures("parked")).isEqualTo(1);
    }

    @Test
    void aConflictWhileRecordingIsRetriedWithTheSameRequestId() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(64, 64));
        productAnswers.add(new ConcurrencyException("someone else appended first"));

        handling.on(medium);

        assertThat(received).hasSize(2);
        assertThat(received.get(1).getMetaData().get(AuditKeys.REQUEST_ID))
                .isEqualTo(received.get(0).getMetaData().get(AuditKeys.REQUEST_ID));
        assertThat(slept).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void conflictsThatNeverEndAreRethrown() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(64, 64));
        for (int i = 0; i < 4; i++) {
            productAnswers.add(new ConcurrencyException("someone else appended first"));
        }

        assertThatThrownBy(() -> handling.on(medium)).isInstanceOf(RuntimeException.class);

        assertThat(received).hasSize(4);
    }

    @Test
    void aProductThatRefusesTheOutcomeIsNotAskedAgain() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(64, 64));
        productAnswers.add(new MediumNoLongerAttached());

        handling.on(medium);

        assertThat(received).hasSize(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void aReplayNeverRunsItButLiveEventsDo() throws Exception {
        MediaAttached medium = attached(mediaRoot, MediaKind.IMAGE, "image/png", png(64, 64));
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handling);
        TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(3));

        adapter.handle(new GenericTrackedEventMessage<>(replaying, GenericEventMessage.asEventMessage(medium)));
        assertThat(received).as("commands sent during a replay").isEmpty();
        assertThat(adapter.supportsReset()).isFalse();

        adapter.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(11),
                GenericEventMessage.asEventMessage(medium)));
        assertThat(received).hasSize(1);
        assertThat(MediaProcessing.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("media-processing");
    }

    private static final class MediumNoLongerAttached extends DomainRuleViolation {
        MediumNoLongerAttached() {
            super(ErrorCode.NOT_FOUND, List.of(), "No such medium on this product");
        }
    }
}
