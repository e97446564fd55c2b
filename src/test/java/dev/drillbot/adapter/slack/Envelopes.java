package dev.drillbot.adapter.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Socket Mode envelopes as Slack sends them. Field sets follow Slack's documentation and the
 * java-slack-sdk samples (json-logs/samples/events/MessagePayload.json, MessageChangedPayload.json,
 * MessageDeletedPayload.json, AppHomeOpenedPayload.json, app-backend/slash-commands/SlashCommandPayload.json,
 * app-backend/interactive-components/BlockActionPayload.json, and the Socket Mode envelope of
 * bolt-socket-mode's test server), filled with values.
 */
final class Envelopes {
    private static final AtomicInteger ids = new AtomicInteger();

    /** An envelope and its id, for waiting on the ack. */
    record Envelope(String id, String json) {}

    private Envelopes() {}

    static String newEventId() {
        return "Ev0" + (1000 + ids.incrementAndGet());
    }

    /** An events_api envelope wrapping an event_callback. */
    static Envelope eventsApi(String eventId, JsonObject event, int retryAttempt) {
        JsonObject callback = new JsonObject();
        callback.addProperty("token", "fixed-value");
        callback.addProperty("team_id", SlackStandIn.TEAM);
        callback.addProperty("api_app_id", "A0DRILL");
        callback.add("event", event);
        callback.addProperty("type", "event_callback");
        callback.addProperty("event_id", eventId);
        callback.addProperty("event_time", 1772442000);
        JsonArray authorizations = new JsonArray();
        JsonObject auth = new JsonObject();
        auth.add("enterprise_id", JsonNull.INSTANCE);
        auth.addProperty("team_id", SlackStandIn.TEAM);
        auth.addProperty("user_id", SlackStandIn.BOT_USER);
        auth.addProperty("is_bot", true);
        auth.addProperty("is_enterprise_install", false);
        authorizations.add(auth);
        callback.add("authorizations", authorizations);
        callback.addProperty("is_ext_shared_channel", false);
        callback.addProperty("event_context", "4-eyJldCI6Im1lc3NhZ2UifQ");
        JsonObject envelope = envelope("events_api", callback, false);
        envelope.addProperty("retry_attempt", retryAttempt);
        envelope.addProperty("retry_reason", retryAttempt == 0 ? "" : "timeout");
        return new Envelope(envelope.get("envelope_id").getAsString(), envelope.toString());
    }

    /** A user's reply in a thread: a message event with thread_ts (no subtype). */
    static JsonObject threadReply(String user, String channel, String threadTs, String ts, String text) {
        JsonObject e = new JsonObject();
        e.addProperty("client_msg_id", UUID.randomUUID().toString());
        e.addProperty("type", "message");
        e.addProperty("text", text);
        e.addProperty("user", user);
        e.addProperty("ts", ts);
        e.addProperty("team", SlackStandIn.TEAM);
        e.addProperty("thread_ts", threadTs);
        e.addProperty("parent_user_id", SlackStandIn.BOT_USER);
        e.addProperty("channel", channel);
        e.addProperty("event_ts", ts);
        e.addProperty("channel_type", "channel");
        return e;
    }

    /** A message posted by the app itself (as chat.postMessage echoes back into the channel). */
    static JsonObject ownMessage(String channel, String threadTs, String ts, String text) {
        JsonObject e = new JsonObject();
        e.addProperty("type", "message");
        e.addProperty("text", text);
        e.addProperty("user", SlackStandIn.BOT_USER);
        e.addProperty("bot_id", SlackStandIn.BOT_ID);
        JsonObject profile = new JsonObject();
        profile.addProperty("id", SlackStandIn.BOT_ID);
        profile.addProperty("deleted", false);
        profile.addProperty("name", "drillbot");
        profile.addProperty("app_id", "A0DRILL");
        profile.addProperty("team_id", SlackStandIn.TEAM);
        e.add("bot_profile", profile);
        e.addProperty("ts", ts);
        e.addProperty("team", SlackStandIn.TEAM);
        e.addProperty("thread_ts", threadTs);
        e.addProperty("parent_user_id", SlackStandIn.BOT_USER);
        e.addProperty("channel", channel);
        e.addProperty("event_ts", ts);
        e.addProperty("channel_type", "channel");
        return e;
    }

    /** message_changed: the message as it is now and as it was. */
    static JsonObject messageChanged(String user, String channel, String threadTs, String ts, String oldText,
            String newText, String editTs) {
        JsonObject message = threadReply(user, channel, threadTs, ts, newText);
        message.remove("channel");
        message.remove("event_ts");
        message.remove("channel_type");
        JsonObject edited = new JsonObject();
        edited.addProperty("user", user);
        edited.addProperty("ts", editTs);
        message.add("edited", edited);
        JsonObject previous = threadReply(user, channel, threadTs, ts, oldText);
        previous.remove("channel");
        previous.remove("event_ts");
        previous.remove("channel_type");
        JsonObject e = new JsonObject();
        e.addProperty("type", "message");
        e.addProperty("subtype", "message_changed");
        e.addProperty("channel", channel);
        e.addProperty("hidden", true);
        e.add("message", message);
        e.add("previous_message", previous);
        e.addProperty("event_ts", editTs);
        e.addProperty("ts", editTs);
        e.addProperty("channel_type", "channel");
        return e;
    }

    /** message_deleted: deleted_ts and the message as it was. */
    static JsonObject messageDeleted(String user, String channel, String threadTs, String ts, String text, String eventTs) {
        JsonObject previous = threadReply(user, channel, threadTs, ts, text);
        previous.remove("channel");
        previous.remove("event_ts");
        previous.remove("channel_type");
        JsonObject e = new JsonObject();
        e.addProperty("type", "message");
        e.addProperty("subtype", "message_deleted");
        e.addProperty("channel", channel);
        e.addProperty("hidden", true);
        e.addProperty("deleted_ts", ts);
        e.add("previous_message", previous);
        e.addProperty("event_ts", eventTs);
        e.addProperty("ts", eventTs);
        e.addProperty("channel_type", "channel");
        return e;
    }

    static JsonObject appHomeOpened(String user, String eventTs) {
        JsonObject e = new JsonObject();
        e.addProperty("type", "app_home_opened");
        e.addProperty("user", user);
        e.addProperty("channel", "D0HOME" + user);
        e.addProperty("tab", "home");
        e.addProperty("event_ts", eventTs);
        return e;
    }

    /** A slash_commands envelope; its payload is the form Slack would POST, as JSON. */
    static Envelope slashCommand(String command, String text, String user, String channel, String responseUrl) {
        JsonObject p = new JsonObject();
        p.addProperty("token", "fixed-value");
        p.addProperty("team_id", SlackStandIn.TEAM);
        p.addProperty("team_domain", "drillbot-test");
        p.addProperty("channel_id", channel);
        p.addProperty("channel_name", "interview-prep");
        p.addProperty("user_id", user);
        p.addProperty("user_name", user.toLowerCase());
        p.addProperty("command", command);
        p.addProperty("text", text);
        p.addProperty("api_app_id", "A0DRILL");
        p.addProperty("is_enterprise_install", "false");
        p.addProperty("response_url", responseUrl);
        p.addProperty("trigger_id", "111.222.xxx");
        JsonObject envelope = envelope("slash_commands", p, true);
        return new Envelope(envelope.get("envelope_id").getAsString(), envelope.toString());
    }

    /** An interactive envelope: a block_actions press of a button on a message. */
    static Envelope blockAction(String actionId, String value, String user, String channel, String messageTs,
            String responseUrl) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "block_actions");
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("username", user.toLowerCase());
        u.addProperty("name", user.toLowerCase());
        u.addProperty("team_id", SlackStandIn.TEAM);
        p.add("user", u);
        p.addProperty("api_app_id", "A0DRILL");
        p.addProperty("token", "fixed-value");
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", messageTs);
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", false);
        p.add("container", container);
        p.addProperty("trigger_id", "111.222.xxx");
        JsonObject team = new JsonObject();
        team.addProperty("id", SlackStandIn.TEAM);
        team.addProperty("domain", "drillbot-test");
        p.add("team", team);
        JsonObject ch = new JsonObject();
        ch.addProperty("id", channel);
        ch.addProperty("name", "interview-prep");
        p.add("channel", ch);
        JsonObject message = new JsonObject();
        message.addProperty("bot_id", SlackStandIn.BOT_ID);
        message.addProperty("type", "message");
        message.addProperty("text", "drill");
        message.addProperty("user", SlackStandIn.BOT_USER);
        message.addProperty("ts", messageTs);
        message.addProperty("team", SlackStandIn.TEAM);
        p.add("message", message);
        p.addProperty("response_url", responseUrl);
        JsonArray actions = new JsonArray();
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "drill_actions");
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", actionId);
        text.addProperty("emoji", true);
        action.add("text", text);
        action.addProperty("value", value);
        action.addProperty("type", "button");
        action.addProperty("action_ts", "1772442001.000001");
        actions.add(action);
        p.add("actions", actions);
        JsonObject envelope = envelope("interactive", p, false);
        return new Envelope(envelope.get("envelope_id").getAsString(), envelope.toString());
    }

    /** Slack asks the app to reconnect (e.g. before a server refresh). */
    static String disconnect() {
        return "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"applink-standin\"}}";
    }

    private static JsonObject envelope(String type, JsonObject payload, boolean acceptsResponsePayload) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", UUID.randomUUID().toString());
        envelope.add("payload", payload);
        envelope.addProperty("type", type);
        envelope.addProperty("accepts_response_payload", acceptsResponsePayload);
        return envelope;
    }
}
