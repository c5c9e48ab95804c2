package io.jangteo.bench.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies template orders at the storage level, as rows of Axon's {@code DomainEventEntry}: pure, no database. Each copy
 * is a new order: a fresh order id (derived from the buyer and a fresh idempotency key, the way checkout derives it),
 * every occurrence of the template's order id and idempotency key replaced in payload and metadata (stock reservation
 * ids contain the order id, so they follow), fresh event identifiers, fresh correlation, trace and request ids (one
 * fresh value per template value, so what caused what inside the order is kept), and the whole order moved in time to
 * its place in the period the copies spread over. The buyer stays: the shipping address is sealed with the buyer's key
 * and bound to buyer and property name only (see axon-config's PersonalDataSerializer), so it still opens. Audit
 * metadata other than those ids (the acting member, seller or admin) is kept as the template had it.
 * <p>
 * The template's Product stock events (reserved, committed, released, all naming the order through the reservation
 * id) are copied too, at each product's next sequence numbers. Their onHand and reserved counts are the template's,
 * so a product's counts in the copies do not add up; the order projections do not read them.
 * <p>
 * Copies are interleaved, one event at a time round-robin over a window of orders in flight, so the stream looks like
 * many shops at once rather than one order's events back to back.
 */
final class StoreCloner {

    /** A DomainEventEntry row without its global index, which the database assigns. */
    record Row(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier, byte[] metaData,
               byte[] payload, String payloadRevision, String payloadType, String timeStamp) {
    }

    /** One template order: its Order events and the Product stock events naming it, in store order. */
    record Template(String orderId, String buyerId, String idempotencyKey, List<Row> rows) {

        Instant start() {
            return DateTimeUtils.parseInstant(rows.get(0).timeStamp());
        }

        Instant end() {
            return DateTimeUtils.parseInstant(rows.get(rows.size() - 1).timeStamp());
        }
    }

    interface Sink {
        void accept(Row row) throws Exception;
    }

    /** Metadata entries holding message ids: replaced per copy, consistently. */
    static final Set<String> ID_KEYS = Set.of("correlationId", "traceId", "causationId", "requestId");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private final List<Template> templates;
    private final Map<String, Long> nextProductSequence;
    private final Instant from;
    private final Instant to;
    private final int window;
    private final List<String[]> copies = new ArrayList<>();

    /**
     * @param nextProductSequence per product, the next free sequence number; advanced as copies are made
     * @param from                the first copy is placed at this instant, the last one just before {@code to}
     */
    StoreCloner(List<Template> templates, Map<String, Long> nextProductSequence, Instant from, Instant to,
            int window) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no template orders");
        }
        this.templates = templates;
        this.nextProductSequence = new HashMap<>(nextProductSequence);
        this.from = from;
        this.to = to;
        this.window = window;
    }

    /** How many copies (template i % templates) it takes to add at least {@code events} events. */
    int copiesFor(long events) {
        long total = 0;
        int copies = 0;
        while (total < events) {
            total += templates.get(copies % templates.size()).rows().size();
            copies++;
        }
        return copies;
    }

    /** Writes the copies adding at least {@code events} events; answers how many it wrote. */
    long run(long events, Sink sink) throws Exception {
        int count = copiesFor(events);
        Duration step = Duration.between(from, to).dividedBy(Math.max(1, count));
        Deque<Copy> inFlight = new ArrayDeque<>();
        int started = 0;
        long written = 0;
        while (started < count || !inFlight.isEmpty()) {
            while (inFlight.size() < window && started < count) {
                Copy copy = new Copy(templates.get(started % templates.size()), started,
                        from.plus(step.multipliedBy(started)));
                copies.add(new String[] {copy.orderId, copy.template.orderId()});
                inFlight.add(copy);
                started++;
            }
            Copy copy = inFlight.poll();
            sink.accept(copy.next());
            written++;
            if (copy.hasNext()) {
                inFlight.add(copy);
            }
        }
        return written;
    }

    /** Per copy made, its order id and its template's, in the order the copies were started. */
    List<String[]> copies() {
        return copies;
    }

    /** {@code ord-} and 24 hex digits of SHA-256(buyer, key), as messages' OrderId.forIdempotencyKey. */
    static String orderIdFor(String buyerId, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((buyerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "ord-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Copy {

        private final Template template;
        private final Iterator<Row> rows;
        private final String orderId;
        private final String idempotencyKey;
        private final Duration shift;
        private final Instant windowStart;
        private final Instant windowEnd;
        private final Map<String, String> ids = new HashMap<>();

        Copy(Template template, int number, Instant at) {
            this.template = template;
            this.rows = template.rows().iterator();
            this.idempotencyKey = template.idempotencyKey() + "-copy-" + number;
            this.orderId = orderIdFor(template.buyerId(), idempotencyKey);
            this.shift = Duration.between(template.start(), at);
            // instants in payloads inside the template's own period (placedAt, shippedAt, autoConfirmAt...) move
            // with it; others (a product's creation, say) are not the order's and stay
            this.windowStart = template.start().minus(Duration.ofHours(1));
            this.windowEnd = template.end().plus(Duration.ofDays(60));
        }

        boolean hasNext() {
            return rows.hasNext();
        }

        Row next() throws IOException {
            Row row = rows.next();
            boolean order = row.aggregateIdentifier().equals(template.orderId());
            String aggregate = order ? orderId : row.aggregateIdentifier();
            long sequence = order ? row.sequenceNumber() : nextProductSequence.merge(row.aggregateIdentifier(), 1L, Long::sum) - 1;
            String eventId = fresh(row.eventIdentifier());
            Instant timestamp = DateTimeUtils.parseInstant(row.timeStamp()).plus(shift);
            return new Row(aggregate, sequence, row.type(), eventId, metaData(row.metaData()),
                    payload(row.payload()), row.payloadRevision(), row.payloadType(), DateTimeUtils.formatInstant(timestamp));
        }

        private String fresh(String templateId) {
            return ids.computeIfAbsent(templateId, id -> UUID.randomUUID().toString());
        }

        private String replaced(String text) {
            String s = text.replace(template.orderId(), orderId);
            return template.idempotencyKey().isEmpty() ? s : s.replace(template.idempotencyKey(), idempotencyKey);
        }

        private byte[] payload(byte[] payload) {
            String text = replaced(new String(payload, StandardCharsets.UTF_8));
            Matcher m = INSTANT.matcher(text);
            StringBuilder out = new StringBuilder(text.length() + 16);
            while (m.find()) {
                String moved = m.group();
                try {
                    Instant instant = Instant.parse(moved);
                    if (!instant.isBefore(windowStart) && !instant.isAfter(windowEnd)) {
                        moved = instant.plus(shift).toString();
                    }
                } catch (DateTimeParseException e) {
                    // not an instant after all: keep it
                }
                m.appendReplacement(out, Matcher.quoteReplacement(moved));
            }
            m.appendTail(out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private byte[] metaData(byte[] metaData) throws IOException {
            if (metaData == null || metaData.length == 0) {
                return metaData;
            }
            JsonNode tree = JSON.readTree(replaced(new String(metaData, StandardCharsets.UTF_8)));
            if (tree instanceof ObjectNode object) {
                for (String key : ID_KEYS) {
                    JsonNode value = object.get(key);
                    if (value != null && value.isTextual()) {
                        object.set(key, TextNode.valueOf(fresh(value.textValue())));
                    }
                }
            }
            return JSON.writeValueAsBytes(tree);
        }
    }

    /** The templates' events per aggregate type, for the summary. */
    static Map<String, Long> countByType(List<Template> templates) {
        Map<String, Long> counts = new HashMap<>();
        for (Template t : templates) {
            for (Row r : t.rows()) {
                counts.merge(String.valueOf(r.type()), 1L, Long::sum);
            }
        }
        return counts;
    }

    static List<Row> rowsOf(List<Template> templates) {
        List<Row> rows = new ArrayList<>();
        templates.forEach(t -> rows.addAll(t.rows()));
        return rows;
    }
}
