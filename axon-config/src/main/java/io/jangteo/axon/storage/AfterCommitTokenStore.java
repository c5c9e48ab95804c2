package io.jangteo.axon.storage;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores an event processor's token only once the unit of work that handled the events has committed: every read-model
 * write, saga state and event a saga's commands appended is then stored, so a process killed in between handles those
 * events again (every handler here is idempotent) instead of skipping them.
 * <p>
 * Axon assumes the token store shares the processor's transaction. It does not here: tokens live in MongoDB, while the
 * transaction (embedded mode) is the event store's JDBC one. A tracking processor with a transaction manager stores the
 * batch's last token <em>before</em> handling the batch, relying on a rollback to undo it; without one, it stores it
 * when the unit of work prepares to commit, before sagas are saved and before the events their commands produced are
 * appended. Either way a crash, or a failure the processor retries, left the token past events whose effects were never
 * stored: a projection lost documents for good, a checkout saga skipped its order. Outside a unit of work (a batch of
 * events the processor ignores, segment claims, resets) tokens are stored at once.
 */
final class AfterCommitTokenStore implements TokenStore {

    private final TokenStore delegate;

    AfterCommitTokenStore(TokenStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> processing = CurrentUnitOfWork.get().root();
            processing.afterCommit(committed -> delegate.storeToken(token, processorName, segment));
            return;
        }
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
