package io.jangteo.query.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Shares one read among callers that arrive while another read is under way, without ever answering a caller with a
 * read that started before it arrived: callers queue for the <em>next</em> read, which starts as soon as the current
 * one ends and answers all of them. So an answer is as fresh as if each caller had read alone, while under load the
 * store sees one read per round trip instead of one per caller.
 */
public final class CoalescedRead<T> {

    private static final Executor READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "coalesced-read");
        thread.setDaemon(true);
        return thread;
    });

    private final Supplier<T> read;
    private CompletableFuture<T> next;
    private boolean reading;

    public CoalescedRead(Supplier<T> read) {
        this.read = read;
    }

    public T get() {
        CompletableFuture<T> answer;
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            answer = next;
            if (!reading) {
                startNext();
            }
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    // holds the monitor: the callers already queued on this future are exactly those that arrived before it starts
    private void startNext() {
        CompletableFuture<T> current = next;
        next = null;
        reading = true;
        READERS.execute(() -> {
            try {
                current.complete(read.get());
            } catch (Throwable failure) {
                current.completeExceptionally(failure);
            } finally {
                synchronized (this) {
                    reading = false;
                    if (next != null) {
                        startNext();
                    }
                }
            }
        });
    }
}
