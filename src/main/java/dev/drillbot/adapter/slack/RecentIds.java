package dev.drillbot.adapter.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers the last few thousand ids seen, to drop events Slack delivers again (same {@code event_id}). */
final class RecentIds {
    private final Map<String, Boolean> seen;

    RecentIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered; null and blank ids always count as new. */
    synchronized boolean firstTime(String id) {
        if (id == null || id.isBlank()) {
            return true;
        }
        return seen.put(id, Boolean.TRUE) == null;
    }
}
