package dev.drillbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Event work keeps one user's order in a thread and lets everyone else past")
class EventWorkTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final ThreadRef THREAD = new ThreadRef(new ChannelRef("test", "C1"), "T1");

    @Test
    @DisplayName("one user's events in a thread run in the order sent, while another user's and a command run past them")
    void orderPerUserOthersPast() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (EventWork work = new EventWork("test", 4, 1)) {
            work.answer(THREAD, "ana", "answer", () -> {
                await(slow);
                ran.add("ana-1");
            });
            IntStream.range(2, 6).forEach(i -> work.answer(THREAD, "ana", "answer", () -> ran.add("ana-" + i)));
            CountDownLatch others = new CountDownLatch(2);
            work.answer(THREAD, "ben", "answer", () -> {
                ran.add("ben");
                others.countDown();
            });
            work.command("ana", "/streak", () -> {
                ran.add("streak");
                others.countDown();
            });
            assertThat(others.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(ran).containsExactlyInAnyOrder("ben", "streak");

            slow.countDown();
            assertThat(work.awaitIdle(WAIT)).isTrue();
            assertThat(ran.subList(2, ran.size())).containsExactly("ana-1", "ana-2", "ana-3", "ana-4", "ana-5");
        }
    }

    @Test
    @DisplayName("a task that fails, or finishes at once, frees its lane: nothing is left waiting")
    void lanesFreed() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (EventWork work = new EventWork("test", 2, 1)) {
            for (int i = 0; i < 2_000; i++) {
                String user = "u" + (i % 50);
                int n = i;
                work.answer(THREAD, user, "answer", () -> {
                    if (n % 7 == 0) {
                        throw new IllegalStateException("broken event " + n);
                    }
                    ran.add(user);
                });
            }
            assertThat(work.awaitIdle(WAIT)).isTrue();
            assertThat(ran).hasSize(2_000 - (2_000 + 6) / 7);
        }
    }

    @Test
    @DisplayName("stopping finishes the work already accepted, queued behind a slow task included")
    void drainFinishesQueued() {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        EventWork work = new EventWork("test", 1, 1);
        IntStream.range(0, 20).forEach(i -> work.answer(THREAD, "ana", "answer", () -> ran.add(i)));
        work.drain(WAIT);
        assertThat(ran).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
