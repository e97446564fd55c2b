package dev.drillbot.scoring.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When a grade must stop, and how much memory it may take: shared by SQLite's progress handler and
 * the Java functions it calls. SQLite's own heap limits are not enforced by this build (it is compiled
 * with memory statistics off), so memory is watched from outside: the growth of the process's
 * resident set since the grade's connection opened, read from /proc at most once a millisecond. A legitimate grade
 * lasts milliseconds, so another thread's allocations cannot push it over the limit by accident.
 */
final class Deadline {
    static final long DEFAULT_MEMORY_LIMIT = 128L * 1024 * 1024;
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final boolean CAN_MEASURE = Files.isReadable(STATM) && residentBytes() > 0;

    private final long endNanos;
    private final long memoryLimit;
    private long residentAtStart;
    private long lastMemoryCheck;
    private volatile boolean cancelled;
    private volatile boolean overMemory;

    Deadline(long millis) {
        this(millis, DEFAULT_MEMORY_LIMIT);
    }

    Deadline(long millis, long memoryLimitBytes) {
        this.endNanos = System.nanoTime() + millis * 1_000_000L;
        this.memoryLimit = memoryLimitBytes;
        this.lastMemoryCheck = System.nanoTime(); // the baseline is taken by startMemoryWatch()
    }

    /**
     * Measures growth from now on. Called when the grade's connection opens, not when the answer
     * arrives: an answer that waited in the queue while another query hoarded memory must not be
     * blamed for it.
     */
    void startMemoryWatch() {
        residentAtStart = CAN_MEASURE ? residentBytes() : 0;
        lastMemoryCheck = System.nanoTime();
    }

    boolean passed() {
        return cancelled || System.nanoTime() - endNanos > 0;
    }

    long remainingMillis() {
        return (endNanos - System.nanoTime()) / 1_000_000L;
    }

    void cancel() {
        cancelled = true;
    }

    /** Called from the progress handler (one thread per connection): true once the grade used too much memory. */
    boolean overMemory() {
        if (overMemory) {
            return true;
        }
        long now = System.nanoTime();
        if (!CAN_MEASURE || now - lastMemoryCheck < 1_000_000L) {
            return false;
        }
        lastMemoryCheck = now;
        if (residentBytes() - residentAtStart > memoryLimit) {
            overMemory = true;
        }
        return overMemory;
    }

    boolean wasOverMemory() {
        return overMemory;
    }

    long memoryLimitBytes() {
        return memoryLimit;
    }

    private static long residentBytes() {
        try {
            String[] f = new String(Files.readAllBytes(STATM), StandardCharsets.US_ASCII).trim().split(" ");
            return Long.parseLong(f[1]) * 4096L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Thrown from Java code running inside a query (a regex) when time is up. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("deadline passed", null, false, false);
        }
    }
}
