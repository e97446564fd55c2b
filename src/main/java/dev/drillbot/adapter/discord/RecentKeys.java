package dev.drillbot.adapter.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent event keys, to drop events Discord delivers twice (a resumed gateway session replays
 * what the client may already have seen). Bounded: the oldest keys are forgotten first; the core's own
 * message-id check is the safety net behind it.
 */
final class RecentKeys {
    private final Values<Boolean> keys;

    RecentKeys(int capacity) {
        this.keys = new Values<>(capacity);
    }

    /** @return true the first time a key is seen */
    boolean add(String key) {
        return keys.putIfAbsent(key, Boolean.TRUE);
    }

    /** A bounded map from key to value, oldest entries evicted first. */
    static final class Values<V> {
        private final Map<String, V> map;

        Values(int capacity) {
            this.map = new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized void put(String key, V value) {
            map.put(key, value);
        }

        synchronized boolean putIfAbsent(String key, V value) {
            return map.putIfAbsent(key, value) == null;
        }

        synchronized Optional<V> get(String key) {
            return Optional.ofNullable(map.get(key));
        }
    }
}
