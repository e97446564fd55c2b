package dev.drillbot.core.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Where a chat platform's events are handled once they have been acknowledged, off the platform
 * client's own threads.
 *
 * <p>Order is kept only where it matters: one user's messages in one thread (an answer is scored
 * before its edit, its deletion or the follow-up that adds to it). Different users' answers are scored
 * in parallel, so a busy drill is not a queue; and commands and buttons have threads of their own, so
 * {@code /streak} is answered at once even while a flood of slow answers is being graded.
 */
public final class EventWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventWork.class);

    private final Lanes answers;
    private final Lanes commands;

    /**
     * @param name the platform, for thread names and logs
     * @param answerThreads how many answers are handled at once (scoring is CPU or waits for a grading process)
     * @param commandThreads how many commands and button presses are handled at once
     */
    public EventWork(String name, int answerThreads, int commandThreads) {
        this.answers = new Lanes("drillbot-" + name + "-answer-", answerThreads);
        this.commands = new Lanes("drillbot-" + name + "-command-", commandThreads);
    }

    /** An answer, edit or deletion by {@code userId} in {@code thread}: after that user's earlier events there. */
    public void answer(ThreadRef thread, String userId, String what, Runnable task) {
        answers.submit(thread.channel().platform() + ":" + thread.channel().id() + ":" + thread.id() + ":" + userId,
                what, task);
    }

    /** A command, button press or view: after the same user's earlier commands, never behind answers. */
    public void command(String userId, String what, Runnable task) {
        commands.submit(userId, what, task);
    }

    /**
     * Waits until everything submitted so far, and anything it submitted in turn, has been handled.
     *
     * @return false if work was still running after {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!answers.tails.isEmpty() || !commands.tails.isEmpty()) {
            List<CompletableFuture<Void>> running = new ArrayList<>(answers.tails.values());
            running.addAll(commands.tails.values());
            if (running.stream().allMatch(CompletableFuture::isDone)) {
                Thread.yield(); // finished, and about to leave the map
                if (System.nanoTime() > end) {
                    return false;
                }
                continue;
            }
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                        .get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                // a task that could not run; it is logged where it failed
            }
        }
        return true;
    }

    /** Finishes the work already accepted, waiting at most {@code timeout} in all. */
    public void drain(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            // a lane hands its next task to the pool only when the one before is done: wait for the lanes
            // to empty before the pool stops taking tasks
            awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.pool.shutdown();
        commands.pool.shutdown();
        await(answers.pool, end);
        await(commands.pool, end);
    }

    private static void await(ExecutorService pool, long end) {
        try {
            if (!pool.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("Event work still running at shutdown; stopping it");
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(30));
    }

    /** Tasks with the same key run one after another in submission order; different keys in parallel. */
    private static final class Lanes {
        final ExecutorService pool;
        final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

        Lanes(String prefix, int threads) {
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, prefix + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        void submit(String key, String what, Runnable task) {
            List<CompletableFuture<Void>> created = new ArrayList<>(1);
            tails.compute(key, (k, tail) -> {
                CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
                // whatever became of the previous task, this one runs (an Error must not stall the lane)
                CompletableFuture<Void> next = previous.exceptionally(e -> null).thenRunAsync(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("Handling {} failed: {}", what, e.toString(), e);
                    }
                }, pool);
                created.add(next);
                return next;
            });
            // only once it is in the map: a task that finished at once must still be removed from it
            CompletableFuture<Void> next = created.get(0);
            next.whenComplete((v, e) -> {
                if (e != null) {
                    log.warn("Handling {} did not finish: {}", what, e.toString());
                }
                tails.remove(key, next);
            });
        }
    }
}
