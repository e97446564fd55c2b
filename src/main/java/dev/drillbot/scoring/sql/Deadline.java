package dev.drillbot.scoring.sql;

/** When a grade must stop; shared by SQLite's progress handler and the Java functions it calls. */
final class Deadline {
    private final long endNanos;
    private volatile boolean cancelled;

    Deadline(long millis) {
        this.endNanos = System.nanoTime() + millis * 1_000_000L;
    }

    boolean passed() {
        return cancelled || System.nanoTime() - endNanos > 0;
    }

    void cancel() {
        cancelled = true;
    }

    /** Thrown from Java code running inside a query (a regex) when time is up. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("deadline passed", null, false, false);
        }
    }
}
