package io.jangteo.query.history;

import com.mongodb.client.MongoDatabase;
import io.jangteo.messages.shared.Viewer;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one read model's state is rebuilt from the event store. Implemented next to each projection, which stays
 * package-private, so that a state rebuilt for an instant is made by the very code that made the live read model and
 * the two cannot drift apart.
 *
 * @param <V> the view the live read model answers with
 */
public interface StateReplay<V> {

    /** For the projections a replay makes: subscribers of live queries must never hear of a rebuilt past. */
    QueryUpdateEmitter NOWHERE = SimpleQueryUpdateEmitter.builder().build();

    /** The aggregate types (as stored) whose streams feed this state, e.g. {@code Member} and {@code Rewards}. */
    Set<String> aggregateTypes();

    /** The state a stream belongs to: the member of a rewards stream; most streams are their own state. */
    default String stateId(String streamId) {
        return streamId;
    }

    /** The streams that feed the state, merged by time (a tie going to the earlier stream in this list). */
    default List<String> streams(String stateId) {
        return List.of(stateId);
    }

    /** A fresh projection writing into {@code scratch}; it must never tell subscribers anything. */
    Object projection(MongoDatabase scratch);

    /** The state's document in {@code scratch}, or null when the state does not exist (yet). */
    Document read(MongoDatabase scratch, String stateId);

    /** Top-level fields that are bookkeeping of the read model, not state: never reported as changes. */
    Set<String> bookkeeping();

    /** Top-level fields (of the document and of event payloads) that hold the data subject's personal data. */
    default Set<String> personalFields() {
        return Set.of();
    }

    /** The member whose personal data the state holds, or null when it holds none. */
    default String dataSubject(String stateId, Document state) {
        return null;
    }

    /** The document as the live read model shows it at {@code asOf}. */
    V view(Document state, Instant asOf);

    /** What {@code viewer} may see of the view; the live query's rule, for read models that have one. */
    default Optional<V> visibleTo(Viewer viewer, V view) {
        return Optional.of(view);
    }
}
