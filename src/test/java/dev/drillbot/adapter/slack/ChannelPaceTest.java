package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Posting at Slack's pace: one message a second per channel after a short burst")
class ChannelPaceTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final List<Long> postedAt = new ArrayList<>();
    private final ChannelPace pace = new ChannelPace(Duration.ofSeconds(1), 3, now::get, nanos -> now.addAndGet(nanos));

    private void post(String channel) throws InterruptedException {
        pace.await(channel);
        postedAt.add(now.get());
    }

    @Test
    @DisplayName("a quiet channel lets a burst of 3 through at once, then one a second, in order")
    void burstThenOneASecond() throws InterruptedException {
        for (int i = 0; i < 7; i++) {
            post("C1");
        }
        long start = 5 * SECOND;
        assertThat(postedAt).containsExactly(start, start, start, start + SECOND, start + 2 * SECOND,
                start + 3 * SECOND, start + 4 * SECOND);
    }

    @Test
    @DisplayName("another channel does not wait for a busy one")
    void channelsAreIndependent() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            post("C1");
        }
        long before = now.get();
        assertThat(pace.await("C2")).isZero();
        assertThat(now.get()).isEqualTo(before);
    }

    @Test
    @DisplayName("after a quiet spell the burst is available again")
    void burstRefills() throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            post("C1");
        }
        now.addAndGet(10 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(pace.await("C1")).isZero();
        }
        assertThat(pace.await("C1")).isEqualTo(SECOND);
    }

    @Test
    @DisplayName("posts that ask at the same moment get slots in the order they asked")
    void reservationsAreOrdered() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(pace.reserve("C1")); // no time passes: six posts asked for a slot together
        }
        assertThat(waits).containsExactly(0L, 0L, 0L, SECOND, 2 * SECOND, 3 * SECOND);
    }

    @Test
    @DisplayName("switched off (SLACK_POST_INTERVAL_MS=0), nothing waits")
    void off() throws InterruptedException {
        ChannelPace none = new ChannelPace(Duration.ZERO, 5);
        for (int i = 0; i < 100; i++) {
            assertThat(none.await("C1")).isZero();
        }
    }
}
