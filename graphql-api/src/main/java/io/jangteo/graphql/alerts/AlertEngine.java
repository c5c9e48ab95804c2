package io.jangteo.graphql.alerts;

import io.jangteo.axon.audit.AuditMetaData;
import io.jangteo.graphql.alerts.AlertProperties.Rule;
import io.jangteo.messages.alerts.IncidentStatus;
import io.jangteo.messages.alerts.OpenIncident;
import io.jangteo.messages.alerts.RecordAlertDelivery;
import io.jangteo.messages.alerts.ResolveIncident;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the metrics every evaluation interval on its own thread, evaluates each rule, records each incident's
 * opening and resolution as events (as {@code system:alerts}) and hands the messages to the {@link AlertDispatcher}.
 * Recording waits for the command so an incident exists before its deliveries are recorded; sending does not wait.
 */
final class AlertEngine implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final String GRAPHIQL_QUERY =
            "{ alerts(first: 20) { edges { node { rule subject status value threshold openedAt resolvedAt } } } }";

    private final AlertProperties properties;
    private final MetricReader reader;
    private final CommandGateway commandGateway;
    private final Clock clock;
    private final SampleWindow window;
    private final IncidentTracker tracker = new IncidentTracker();
    private final AlertDispatcher dispatcher;
    private final String instance;
    /** Open incidents by tracker key, for the resolution message. */
    private final Map<String, AlertMessage> open = new HashMap<>();
    private ScheduledExecutorService evaluator;

    AlertEngine(AlertProperties properties, MetricReader reader, CommandGateway commandGateway, Clock clock) {
        this.properties = properties;
        this.reader = reader;
        this.commandGateway = commandGateway;
        this.clock = clock;
        this.window = new SampleWindow(properties.rules().stream().map(Rule::window)
                .max(Duration::compareTo).orElse(Duration.ofMinutes(5)));
        this.instance = properties.instance() == null || properties.instance().isBlank() ? hostName()
                : properties.instance();
        this.dispatcher = new AlertDispatcher(properties.notifiers(), properties.delivery(), new Recorder());
    }

    /** One evaluation: sample, then every rule and subject. */
    void evaluate() {
        Instant now = clock.instant();
        window.add(reader.read(now));
        for (Rule rule : properties.rules()) {
            Map<String, RuleEvaluator.Measurement> measured = RuleEvaluator.measure(rule, window);
            String prefix = rule.name() + "|";
            for (String key : tracker.keys()) {
                // a subject no longer measured (a processor removed) clears its incident
                if (key.startsWith(prefix) && !measured.containsKey(key.substring(prefix.length()))) {
                    measured.put(key.substring(prefix.length()), new RuleEvaluator.Measurement(0, false));
                }
            }
            measured.forEach((subject, measurement) -> tracker
                    .evaluate(prefix + subject, measurement.holds(), rule.coolDown(), now)
                    .ifPresent(transition -> apply(rule, prefix + subject, subject, measurement, transition, now)));
        }
    }

    private void apply(Rule rule, String key, String subject, RuleEvaluator.Measurement measurement,
                       IncidentTracker.Transition transition, Instant now) {
        if (transition.kind() == IncidentTracker.Transition.Kind.OPENED) {
            AlertMessage message = new AlertMessage(transition.incidentId(), rule.name(), subject,
                    IncidentStatus.FIRING, measurement.value(), rule.threshold(), rule.window().toString(), instance,
                    now, null, link(rule));
            open.put(key, message);
            LOG.warn("Alert {} on {}: value {} above threshold {} over {}{}", message.title(), instance,
                    AlertMessage.number(measurement.value()), AlertMessage.number(rule.threshold()), rule.window(),
                    transition.send() ? "" : " (within cool-down, not sent)");
            record(new OpenIncident(transition.incidentId(), rule.name(), rule.type().name(), subject,
                    measurement.value(), rule.threshold(), rule.window().toString(), instance, message.link(),
                    transition.send(), now));
            if (transition.send()) {
                dispatcher.send(message);
            }
        } else {
            AlertMessage opened = open.remove(key);
            LOG.info("Alert {} on {} resolved: value {}", rule.name() + (subject.isEmpty() ? "" : " (" + subject + ")"),
                    instance, AlertMessage.number(measurement.value()));
            record(new ResolveIncident(transition.incidentId(), measurement.value(), now));
            if (transition.send() && opened != null) {
                dispatcher.send(new AlertMessage(opened.incidentId(), opened.rule(), opened.subject(),
                        IncidentStatus.RESOLVED, measurement.value(), opened.threshold(), opened.window(), instance,
                        opened.startedAt(), now, opened.link()));
            }
        }
    }

    private String link(Rule rule) {
        if (rule.link() != null && !rule.link().isBlank()) {
            return rule.link();
        }
        return properties.consoleUrl().replaceAll("/+$", "") + "/graphiql?query="
                + URLEncoder.encode(GRAPHIQL_QUERY, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void record(Object command) {
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(AuditMetaData.system("alerts").toMetaData()), 10, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            LOG.warn("Could not record {}: {}", command.getClass().getSimpleName(), e.toString());
        }
    }

    /** Delivery outcomes, recorded on the delivery thread without waiting. */
    private final class Recorder implements AlertDispatcher.Outcome {
        @Override
        public void delivered(AlertMessage message, String notifier, int attempts) {
            send(new RecordAlertDelivery(message.incidentId(), message.status(), notifier, true, attempts, null,
                    clock.instant()));
        }

        @Override
        public void failed(AlertMessage message, String notifier, int attempts, String error) {
            send(new RecordAlertDelivery(message.incidentId(), message.status(), notifier, false, attempts, error,
                    clock.instant()));
        }

        private void send(RecordAlertDelivery command) {
            commandGateway.send(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(AuditMetaData.system("alerts").toMetaData()))
                    .exceptionally(e -> {
                        LOG.warn("Could not record the delivery to {}: {}", command.notifier(), e.toString());
                        return null;
                    });
        }
    }

    @Override
    public synchronized void start() {
        evaluator = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "alerts-evaluator");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.evaluationInterval().toMillis();
        evaluator.scheduleWithFixedDelay(() -> {
            try {
                evaluate();
            } catch (RuntimeException e) {
                LOG.warn("Alert evaluation failed", e); // the next interval tries again
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Alerts: {} rules every {}, {} notifiers {}, instance {}", properties.rules().size(),
                properties.evaluationInterval(), properties.notifiers().size(), properties.notifiers(), instance);
    }

    @Override
    public synchronized void stop() {
        if (evaluator != null) {
            evaluator.shutdownNow();
            evaluator = null;
        }
        dispatcher.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return evaluator != null;
    }

    @Override
    public int getPhase() {
        // after Axon's buses are up, and stopped before them
        return Integer.MAX_VALUE - 1000;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
