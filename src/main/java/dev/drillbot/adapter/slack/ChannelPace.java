package dev.drillbot.adapter.slack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps posts to one channel at Slack's pace: "chat.postMessage generally allows posting one message per
 * second per channel", with short bursts allowed (Slack's rate-limit guide). Each post reserves the
 * channel's next slot in the order the posts ask for one, then waits for it; a channel that has been
 * quiet lets a burst through at once. Threads are part of their channel, so thread replies share its pace.
 * Other channels never wait for this one.
 */
final class ChannelPace {
    /** How the wait is spent; tests may record it instead. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** Channels remembered at most; quiet ones are forgotten first (a quiet channel starts with a full burst). */
    private static final int MAX_CHANNELS = 10_000;

    private final long interval;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    /** Per channel, the theoretical time at which its bucket is empty again (GCRA). */
    private final Map<String, Long> emptyAt = new HashMap<>();

    ChannelPace(Duration interval, int burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (interval.isNegative() || burst < 1) {
            throw new IllegalArgumentException("interval must be >= 0 and burst >= 1");
        }
        this.interval = interval.toNanos();
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    ChannelPace(Duration interval, int burst) {
        this(interval, burst, System::nanoTime, nanos -> {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        });
    }

    /** Waits until a post to {@code channel} may go out; returns how long it waited, in nanoseconds. */
    long await(String channel) throws InterruptedException {
        if (interval == 0) {
            return 0;
        }
        long wait = reserve(channel);
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        return wait;
    }

    /** Reserves the next slot for the channel and returns how far in the future it is. */
    synchronized long reserve(String channel) {
        long now = nanoClock.getAsLong();
        if (emptyAt.size() >= MAX_CHANNELS) {
            emptyAt.values().removeIf(t -> t - now <= 0);
        }
        long tat = Math.max(emptyAt.getOrDefault(channel, now), now);
        long slot = Math.max(now, tat - (burst - 1) * interval);
        emptyAt.put(channel, tat + interval);
        return slot - now;
    }
}
