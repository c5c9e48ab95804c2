package io.jangteo.command.media;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Media processing's parts. {@code jangteo.media.dir} must name the same directory the upload endpoint writes to
 * (in scale-out mode, storage shared by every node); it defaults to {@code media} in the data directory.
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean
    FileSystemMediaStore mediaStore(@Value("${jangteo.media.dir:${jangteo.data-dir:./data}/media}") Path directory) {
        return new FileSystemMediaStore(directory);
    }

    @Bean
    MediaProcessor mediaProcessor(FileSystemMediaStore mediaStore,
                                  @Value("${jangteo.media.ffmpeg-dir:}") String ffmpegDirectory,
                                  @Value("${jangteo.media.probe-timeout:30s}") Duration probeTimeout,
                                  @Value("${jangteo.media.poster-timeout:60s}") Duration posterTimeout) {
        Ffmpeg ffmpeg = new Ffmpeg(ffmpegDirectory.isBlank() ? null : Path.of(ffmpegDirectory));
        return new MediaProcessor(new ImageRenditions(mediaStore),
                new VideoRenditions(mediaStore, ffmpeg, probeTimeout, posterTimeout));
    }

    /**
     * One medium per unit of work: the outcome's events are stored when the processor's unit of work commits, so in
     * a batch of many a finished image would stay PENDING until the slowest video of the batch is done, and a long
     * batch could outlast the processor's claim on its segment.
     */
    @Bean
    ConfigurerModule mediaProcessingOneMediumAtATime() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(MediaProcessing.PROCESSING_GROUP, config ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1)));
    }

    @Bean
    MediaMetrics mediaMetrics(ObjectProvider<MeterRegistry> registry) {
        return new MediaMetrics(registry::getIfAvailable);
    }

    /** Bound once Axon has built its processors: the gauge asks the media processor where it is. */
    @Bean
    SmartInitializingSingleton mediaQueueDepthGauge(MediaMetrics metrics, ObjectProvider<MeterRegistry> registry,
                                                    ObjectProvider<EventProcessingConfiguration> processing,
                                                    ObjectProvider<EventStore> eventStore,
                                                    ObjectProvider<EventStorageEngine> engine) {
        return () -> {
            MeterRegistry meters = registry.getIfAvailable();
            EventProcessingConfiguration processors = processing.getIfAvailable();
            EventStore store = eventStore.getIfAvailable();
            if (meters != null && processors != null && store != null) {
                metrics.bindQueueDepth(meters, processors, store, engine::getIfAvailable);
            }
        };
    }

    @Bean
    MediaProcessing mediaProcessing(MediaProcessor mediaProcessor, CommandGateway commandGateway,
                                    MediaMetrics mediaMetrics) {
        return new MediaProcessing(mediaProcessor, commandGateway, Backoff.standard(), mediaMetrics);
    }
}
