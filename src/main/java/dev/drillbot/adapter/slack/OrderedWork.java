package dev.drillbot.adapter.slack;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done after an envelope was acknowledged. Tasks with the same key (a channel) run one after
 * another in arrival order, so an answer is scored before its edit; different channels run in
 * parallel on a small pool.
 */
final class OrderedWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderedWork.class);

    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    OrderedWork(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "drillbot-slack-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void submit(String key, String what, Runnable task) {
        tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.thenRunAsync(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Slack {} failed: {}", what, e.toString(), e);
                }
            }, pool);
            next.whenComplete((v, e) -> tails.remove(k, next));
            return next;
        });
    }

    /** Finishes the work already accepted, waiting at most {@code seconds}. */
    void drain(long seconds) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
                log.warn("Slack work still running after {} s; stopping it", seconds);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain(30);
    }
}
