package io.jangteo.bench;

/** Samples the application's resident set size twice a second while a scenario runs, keeping the peak. */
final class RssSampler {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile double peakMib;

    private RssSampler(AppProcess app) {
        thread = new Thread(() -> {
            while (running) {
                peakMib = Math.max(peakMib, app.rssMib());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
    }

    static RssSampler start(AppProcess app) {
        RssSampler sampler = new RssSampler(app);
        sampler.thread.start();
        return sampler;
    }

    double stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2_000);
        return peakMib;
    }
}
