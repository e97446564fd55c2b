package dev.drillbot.adapter.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import dev.drillbot.core.chat.UserRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Display names for user ids, from {@code users.info}, cached. The core shows names in feedback and
 * on the leaderboard; a name (not a {@code <@U…>} mention) keeps a leaderboard from pinging everyone
 * on it. When the lookup fails the mention is used, which Slack still renders as the name.
 */
final class SlackUsers {
    private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);
    private final MethodsClient client;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    /** Told each user's profile time zone ({@code tz}) when it is looked up. */
    private final java.util.function.BiConsumer<String, java.time.ZoneId> zones;

    SlackUsers(MethodsClient client) {
        this(client, (id, zone) -> { });
    }

    SlackUsers(MethodsClient client, java.util.function.BiConsumer<String, java.time.ZoneId> zones) {
        this.client = client;
        this.zones = zones;
    }

    UserRef user(String id) {
        String known = names.get(id);
        if (known != null) {
            return new UserRef(id, known);
        }
        String name = lookUp(id);
        if (name != null) {
            names.put(id, name);
        }
        // A failed lookup is not cached: the next event tries again.
        return new UserRef(id, name != null ? name : id); // a name is text, shown as typed: never a mention
    }

    private String lookUp(String id) {
        try {
            var r = client.usersInfo(q -> q.user(id));
            if (r.isOk() && r.getUser() != null) {
                User u = r.getUser();
                learnZone(id, u.getTz());
                if (u.getProfile() != null && notBlank(u.getProfile().getDisplayName())) {
                    return u.getProfile().getDisplayName();
                }
                if (notBlank(u.getRealName())) {
                    return u.getRealName();
                }
                if (notBlank(u.getName())) {
                    return u.getName();
                }
            } else {
                log.debug("users.info for {} failed: {}", id, r.getError());
            }
        } catch (Exception e) {
            log.debug("users.info for {} failed: {}", id, e.toString());
        }
        return null;
    }

    /** The profile's tz database name (users.info {@code user.tz}); an unknown one is ignored. */
    private void learnZone(String id, String tz) {
        if (!notBlank(tz)) {
            return;
        }
        try {
            zones.accept(id, java.time.ZoneId.of(tz));
        } catch (RuntimeException e) {
            log.debug("Slack user {} has a time zone this Java does not know ({}); ignored", id, tz);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
