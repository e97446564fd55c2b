package dev.drillbot.adapter.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.EventWork;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.command.Command;
import dev.drillbot.core.command.CommandContext;
import dev.drillbot.core.command.CommandReply;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.AnswerIntake;
import dev.drillbot.core.drill.Drill;
import dev.drillbot.core.drill.Inbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Slack events, slash commands and button presses into calls of the core. Each handler only
 * checks and queues, then acknowledges; the work runs after the ack in {@link EventWork}.
 *
 * <p>An answer's message id is its {@code ts}: Slack's identity of a message in a channel, present in
 * every one of message, {@code message_changed} ({@code message.ts}) and {@code message_deleted}
 * ({@code deleted_ts}), and the same when an event is delivered again. ({@code client_msg_id} is
 * missing from messages not typed in a Slack client, so an edit could not always find its answer.)
 */
final class SlackEvents {
    private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

    private final Drillbot bot;
    private final SlackChatGateway gateway;
    private final SlackUsers users;
    private final EventWork work;
    private final AnswerIntake.Door answers;
    private final MethodsClient client;
    private final SlackCalls calls;
    private final Clock clock;
    private final RecentIds events = new RecentIds(10_000);

    SlackEvents(Drillbot bot, SlackChatGateway gateway, SlackUsers users, EventWork work, MethodsClient client,
            SlackCalls calls, Clock clock) {
        this.bot = bot;
        this.gateway = gateway;
        this.users = users;
        this.work = work;
        // the user's display name is looked up after the ack (users.info), not before
        this.answers = bot.intake().door(SlackChatGateway.PLATFORM, work,
                m -> new AnswerReceived(users.user(m.user().id()), m.thread(), m.text(), m.at(), m.messageId()));
        this.client = client;
        this.calls = calls;
        this.clock = clock;
    }

    /** Handles the answers received before the last stop and not handled then. */
    int resume() {
        return answers.resume();
    }

    /** How far back drill threads are read after a stop: drills that closed longer ago are left alone. */
    static final java.time.Duration CATCH_UP = java.time.Duration.ofDays(3);
    /** What conversations.replies returns at most per call for apps outside Slack's Marketplace. */
    static final int REPLIES_PAGE = 15;

    /**
     * Reads the replies posted in open drill and mock threads while the bot was away ({@code conversations.replies}
     * with the history token for channel threads and the bot token for direct messages, from the last answer the inbox has, cursor by cursor; waits out Slack's rate
     * limit, which for apps outside the Marketplace is one call a minute) and takes each as if it had just
     * arrived; the inbox recognises those it already had.
     *
     * @return how many replies were new
     */
    int catchUp(java.util.Optional<MethodsClient> channelReader, MethodsClient botReader) {
        int taken = 0;
        int threads = 0;
        for (ThreadRef thread : bot.openThreads(SlackChatGateway.PLATFORM, clock.instant().minus(CATCH_UP))) {
            String channelId = thread.channel().id();
            String threadTs = thread.id();
            // a direct message conversation (a mock interview's) is the bot's to read; a channel thread needs a user token
            MethodsClient reader = channelId.startsWith("D") ? botReader : channelReader.orElse(null);
            if (reader == null) {
                continue;
            }
            String oldest = answers.lastSent(thread).map(SlackEvents::ts).orElse(threadTs);
            try {
                String cursor = null;
                do {
                    String page = cursor;
                    com.slack.api.methods.response.conversations.ConversationsRepliesResponse r = calls.call(
                            "conversations.replies", () -> reader.conversationsReplies(q -> q.channel(channelId)
                                    .ts(threadTs).oldest(oldest).inclusive(true).limit(REPLIES_PAGE).cursor(page)));
                    for (com.slack.api.model.Message m : r.getMessages()) {
                        if (m.getSubtype() == null && isThreadReply(m.getThreadTs(), m.getTs())
                                && !fromBot(m.getBotId(), m.getUser())) {
                            boolean isNew = answer(channelId, m.getUser(), m.getBotId(), threadTs, m.getTs(), m.getText());
                            taken += isNew ? 1 : 0;
                            if (!isNew && m.getEdited() != null && m.getEdited().getTs() != null) {
                                Instant at = instant(m.getEdited().getTs()); // edited while the bot was away
                                answers.take("edit:" + channelId + ":" + m.getTs() + ":" + at.toEpochMilli(),
                                        new Inbox.Event(Inbox.Kind.EDIT, new AnswerReceived(new UserRef(m.getUser(),
                                                m.getUser()), thread, text(m.getText()), at, m.getTs())));
                            }
                        }
                    }
                    cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                } while (cursor != null && !cursor.isEmpty());
                threads++;
            } catch (SlackCalls.SlackCallException e) {
                log.warn("Could not read the replies in thread {} of {}: {}", threadTs, channelId, e.getMessage());
            }
        }
        log.info("Slack: read {} open drill or mock thread(s); {} repl(ies) posted while the bot was away", threads, taken);
        return taken;
    }

    /** A Slack {@code ts} for an instant: seconds and microseconds. */
    static String ts(Instant at) {
        return at.getEpochSecond() + "." + String.format(java.util.Locale.ROOT, "%06d", at.getNano() / 1000);
    }

    void register(App app) {
        // Events that carry an answer are committed to the inbox before the ack (a commit takes
        // milliseconds; Slack waits 3 s); if the commit fails the handler throws, nothing is acked, and
        // Slack sends the event again. The inbox also recognises re-deliveries, across restarts.
        app.event(MessageEvent.class, (payload, ctx) -> {
            message(payload.getEvent());
            return ctx.ack();
        });
        // A thread reply also sent to the channel ("Also send to #channel") is an answer too.
        app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            answer(e.getChannel(), e.getUser(), null, e.getThreadTs(), e.getTs(), e.getText());
            return ctx.ack();
        });
        app.event(MessageChangedEvent.class, (payload, ctx) -> {
            changed(payload.getEvent());
            return ctx.ack();
        });
        app.event(MessageDeletedEvent.class, (payload, ctx) -> {
            deleted(payload.getEvent());
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if (events.firstTime(payload.getEventId()) && "home".equals(e.getTab()) && e.getUser() != null) {
                work.command(e.getUser(), "App Home", () -> publishHome(e.getUser()));
            }
            return ctx.ack();
        });
        for (Command command : bot.commands().all()) {
            app.command("/" + command.name(), (req, ctx) -> {
                slashCommand(command.name(), req.getPayload(), ctx);
                return ctx.ack();
            });
        }
        app.blockAction(BlockKit.HINT, (req, ctx) -> button(req, ctx, this::hint));
        app.blockAction(BlockKit.SKIP, (req, ctx) -> button(req, ctx, this::skip));
        app.blockAction(BlockKit.STATS, (req, ctx) -> button(req, ctx, this::stats));
    }

    // ---- messages

    private void message(MessageEvent e) {
        answer(e.getChannel(), e.getUser(), e.getBotId(), e.getThreadTs(), e.getTs(), e.getText());
    }

    /** @return whether this was an answer not received before */
    private boolean answer(String channelId, String userId, String botId, String threadTs, String ts, String text) {
        if (fromBot(botId, userId) || !isThreadReply(threadTs, ts) || channelId == null) {
            return false;
        }
        ThreadRef thread = thread(channelId, threadTs);
        return answers.take("message:" + channelId + ":" + ts, new Inbox.Event(Inbox.Kind.ANSWER,
                new AnswerReceived(new UserRef(userId, userId), thread, text(text), instant(ts), ts)));
    }

    private void changed(MessageChangedEvent e) {
        MessageChangedEvent.Message m = e.getMessage();
        if (m == null || fromBot(m.getBotId(), m.getUser()) || !isThreadReply(m.getThreadTs(), m.getTs())) {
            return;
        }
        MessageChangedEvent.Message before = e.getPreviousMessage() == null ? null : e.getPreviousMessage().getMessage();
        if (before != null && m.getText() != null && m.getText().equals(before.getText())) {
            return; // not an edit of the words (e.g. an unfurl was added)
        }
        ThreadRef thread = thread(e.getChannel(), m.getThreadTs());
        Instant at = m.getEdited() != null && m.getEdited().getTs() != null ? instant(m.getEdited().getTs())
                : instant(e.getEventTs() != null ? e.getEventTs() : m.getTs());
        answers.take("edit:" + e.getChannel() + ":" + m.getTs() + ":" + at.toEpochMilli(), new Inbox.Event(
                Inbox.Kind.EDIT, new AnswerReceived(new UserRef(m.getUser(), m.getUser()), thread, text(m.getText()),
                        at, m.getTs())));
    }

    private void deleted(MessageDeletedEvent e) {
        MessageDeletedEvent.Message m = e.getPreviousMessage();
        if (m == null || fromBot(m.getBotId(), m.getUser()) || !isThreadReply(m.getThreadTs(), e.getDeletedTs())) {
            return;
        }
        ThreadRef thread = thread(e.getChannel(), m.getThreadTs());
        answers.take("delete:" + e.getChannel() + ":" + e.getDeletedTs(), new Inbox.Event(Inbox.Kind.WITHDRAW,
                new AnswerReceived(new UserRef(m.getUser(), m.getUser()), thread, "", instant(e.getDeletedTs()),
                        e.getDeletedTs())));
    }

    private static boolean fromBot(String botId, String user) {
        return botId != null || user == null;
    }

    /** A reply inside a thread, not the thread's parent message. */
    private static boolean isThreadReply(String threadTs, String ts) {
        return threadTs != null && !threadTs.equals(ts);
    }

    private static ThreadRef thread(String channelId, String threadTs) {
        return new ThreadRef(new ChannelRef(SlackChatGateway.PLATFORM, channelId), threadTs);
    }

    /** Slack sends message text with {@code &}, {@code <} and {@code >} escaped; answers are scored as typed. */
    static String text(String slackText) {
        if (slackText == null) {
            return "";
        }
        return slackText.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** A Slack {@code ts} ("1712345678.000200") is seconds and microseconds since the epoch. */
    static Instant instant(String ts) {
        try {
            BigDecimal seconds = new BigDecimal(ts);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    // ---- slash commands

    private void slashCommand(String name, SlashCommandPayload p, SlashCommandContext ctx) {
        String channelId = p.getChannelId();
        work.command(p.getUserId(), "/" + name, () -> {
            UserRef user = users.user(p.getUserId());
            ChannelSettings settings = bot.channels().settings(new ChannelRef(SlackChatGateway.PLATFORM, channelId));
            CommandReply reply = bot.commands().run(new CommandContext(settings, user, Optional.empty()), name,
                    p.getText() == null ? "" : p.getText());
            boolean inChannel = reply.visibility() == CommandReply.Visibility.CHANNEL;
            respond(ctx.getResponseUrl(), channelId, p.getUserId(), reply.message(), inChannel, ctx);
        });
    }

    /**
     * Answers through the command's {@code response_url} (works in any channel and in DMs, and an
     * ephemeral answer needs no membership); falls back to the Web API if that fails.
     */
    private void respond(String responseUrl, String channelId, String userId, OutgoingMessage message,
            boolean inChannel, com.slack.api.bolt.context.Context ctx) {
        List<BlockKit.Rendered> parts = BlockKit.render(message);
        try {
            if (responseUrl == null || responseUrl.isBlank()) {
                throw new IllegalStateException("no response_url");
            }
            for (BlockKit.Rendered part : parts) {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("response_type", inChannel ? "in_channel" : "ephemeral");
                body.put("replace_original", false);
                body.put("text", part.text());
                if (!part.blocks().isEmpty()) {
                    body.put("blocks", part.blocks());
                }
                try (okhttp3.Response r = ctx.getSlack().getHttpClient().postJsonBody(responseUrl, body)) {
                    if (r.code() != 200) {
                        throw new IllegalStateException("response_url answered HTTP " + r.code());
                    }
                }
            }
        } catch (Exception e) {
            log.info("Answering through response_url failed ({}); using the Web API", e.getMessage());
            if (inChannel) {
                gateway.post(new ChannelRef(SlackChatGateway.PLATFORM, channelId), message);
            } else {
                gateway.tell(channelId, null, userId, message);
            }
        }
    }

    // ---- buttons on a drill

    private interface ButtonAction {
        void run(ChannelRef channel, String messageTs, UserRef user, ActionContext ctx);
    }

    private Response button(BlockActionRequest req, ActionContext ctx, ButtonAction action) {
        BlockActionPayload p = req.getPayload();
        String channelId = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() != null ? p.getContainer().getChannelId() : null;
        String messageTs = p.getContainer() != null && p.getContainer().getMessageTs() != null
                ? p.getContainer().getMessageTs() : p.getMessage() != null ? p.getMessage().getTs() : null;
        String userId = p.getUser() == null ? null : p.getUser().getId();
        if (channelId != null && messageTs != null && userId != null) {
            ChannelRef channel = new ChannelRef(SlackChatGateway.PLATFORM, channelId);
            work.command(userId, "button " + p.getActions().get(0).getActionId(),
                    () -> action.run(channel, messageTs, users.user(userId), ctx));
        }
        return ctx.ack();
    }

    private void hint(ChannelRef channel, String messageTs, UserRef user, ActionContext ctx) {
        Optional<Drill> drill = bot.drillStore().byThread(channel, messageTs);
        String text = drill.map(d -> bot.drills().hint(d, user))
                .orElseGet(() -> bot.messages().render("no-drill", Map.of()));
        privately(channel, user, text, ctx);
    }

    private void skip(ChannelRef channel, String messageTs, UserRef user, ActionContext ctx) {
        Track track = bot.drillStore().byThread(channel, messageTs).map(Drill::track).orElse(Track.LP);
        ChannelSettings settings = bot.channels().settings(channel);
        if (bot.drills().postPractice(settings, user, bot.bank().track(track)).isEmpty()) {
            privately(channel, user, bot.messages().render("post-failed", Map.of()), ctx);
        }
    }

    private void stats(ChannelRef channel, String messageTs, UserRef user, ActionContext ctx) {
        CommandContext context = new CommandContext(bot.channels().settings(channel), user,
                Optional.of(new ThreadRef(channel, messageTs)));
        String streak = bot.commands().run(context, "streak", "").message().text();
        String gaps = bot.commands().run(context, "gaps", "").message().text();
        privately(channel, user, streak + "\n\n" + gaps, ctx);
    }

    /** An ephemeral message in the channel; through the action's response_url if the Web API refuses. */
    private void privately(ChannelRef channel, UserRef user, String text, ActionContext ctx) {
        try {
            gateway.tell(channel, user, OutgoingMessage.plain(text));
        } catch (SlackCalls.SlackCallException e) {
            log.info("chat.postEphemeral failed ({}); answering through response_url", e.getMessage());
            respond(ctx.getResponseUrl(), channel.id(), user.id(), OutgoingMessage.plain(text), false, ctx);
        }
    }

    // ---- App Home

    private void publishHome(String userId) {
        var view = AppHome.view(bot, userId, clock);
        calls.call("views.publish", () -> client.viewsPublish(r -> r.userId(userId).view(view)));
    }
}
