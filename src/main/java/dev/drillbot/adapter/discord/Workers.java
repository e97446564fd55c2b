package dev.drillbot.adapter.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where event work runs, off JDA's gateway thread: a few single-threaded lanes, chosen by a key (the
 * thread or channel). Events of one thread keep their order (an answer is scored before its edit or
 * deletion is handled) while different threads are scored in parallel.
 */
final class Workers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    private final List<ExecutorService> lanes = new ArrayList<>();

    Workers(int count) {
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "drillbot-discord-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }));
        }
    }

    void submit(String key, Runnable work) {
        ExecutorService lane = lanes.get(Math.floorMod(key.hashCode(), lanes.size()));
        try {
            lane.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Handling a Discord event failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.warn("Dropped a Discord event that arrived while shutting down");
        }
    }

    /** Finishes the work already queued, waiting at most {@code timeout}. */
    void drain(Duration timeout) {
        lanes.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
            }
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(30));
    }
}
