package io.jangteo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: each worker sends its next request only when the previous one answered, so the
 * offered load adapts to the server and latency is what a client with that many connections sees.
 */
final class Load {

    /** One request; returns null on success, else a description of the error. */
    @FunctionalInterface
    interface Call {
        String execute() throws Exception;
    }

    private Load() {
    }

    static ScenarioResult run(String name, int concurrency, Duration warmup, Duration measured, Call call)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(call, measureFrom, measureUntil, firstError);
            Thread thread = new Thread(worker, name + "-worker-" + i);
            thread.setDaemon(true);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // histograms are per worker because Histogram is not thread-safe; merging after join is
        Histogram latencies = new Histogram(3);
        long requests = 0;
        long errors = 0;
        long ok = 0;
        long lastEnd = measureFrom;
        for (Worker w : workers) {
            latencies.add(w.latencies);
            requests += w.requests;
            errors += w.errors;
            ok += w.okIncludingWarmup;
            lastEnd = Math.max(lastEnd, w.lastEnd);
        }
        // requests still in flight at measureUntil are counted, so the window runs to the last answer
        double seconds = Math.max(lastEnd - measureFrom, measured.toNanos()) / 1e9;
        return new ScenarioResult(name, concurrency, requests, errors, ok, seconds, latencies, firstError.get());
    }

    private static final class Worker implements Runnable {
        private final Call call;
        private final long measureFrom;
        private final long measureUntil;
        private final AtomicReference<String> firstError;
        // auto-resizing, so one pathological answer cannot overflow it
        final Histogram latencies = new Histogram(3);
        long requests;
        long errors;
        long okIncludingWarmup;
        long lastEnd;

        Worker(Call call, long measureFrom, long measureUntil, AtomicReference<String> firstError) {
            this.call = call;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            while (System.nanoTime() < measureUntil) {
                long start = System.nanoTime();
                String error;
                try {
                    error = call.execute();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    error = e.toString();
                }
                long end = System.nanoTime();
                if (error == null) {
                    okIncludingWarmup++;
                }
                if (start < measureFrom) {
                    continue;
                }
                // errors are timed too: they are answers the client waited for
                latencies.recordValue(Math.max(1, (end - start) / 1_000));
                requests++;
                lastEnd = end;
                if (error != null) {
                    errors++;
                    firstError.compareAndSet(null, error);
                }
            }
        }
    }
}
