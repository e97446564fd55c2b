package dev.drillbot.adapter.discord;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import java.util.List;
import java.util.function.Supplier;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the core's messages to Discord. A drill is an embed with buttons in the configured channel and
 * a public thread opened on that message; the thread's id is the thread reference the core stores, and
 * replies (feedback, hints) go into that thread. Calls block until Discord confirmed them, because the
 * core stores the returned thread id; they are never made on JDA's gateway thread.
 *
 * <p>{@link #tell} has no ephemeral form on Discord outside an interaction, so it replies visibly in the
 * channel, addressed to (and pinging only) that user. Interactions do not come through here: the adapter
 * answers them ephemerally itself.
 */
public final class DiscordChatGateway implements ChatGateway {
    public static final String PLATFORM = "discord";
    private static final Logger log = LoggerFactory.getLogger(DiscordChatGateway.class);

    /** This instance's shards: a channel is found in whichever shard has its server. */
    private final Supplier<ShardManager> shards;
    private final OpenedThreads threads = new OpenedThreads();

    DiscordChatGateway(Supplier<ShardManager> shards) {
        this.shards = shards;
    }

    private ShardManager shards() {
        ShardManager s = shards.get();
        if (s == null) {
            throw new IllegalStateException("the Discord connection is not started");
        }
        return s;
    }

    /** Only the instance whose shards hold the channel's server can post there. */
    @Override
    public boolean canPost(ChannelRef channel) {
        ShardManager s = shards.get();
        return s != null && s.getChannelById(GuildMessageChannel.class, channel.id()) != null;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /**
     * A drill's first message carries the drill's key as its nonce, which Discord checks "for uniqueness in the past
     * few minutes" ({@code enforce_nonce}, which JDA always sends): when an instance that died mid-post is taken
     * over, Discord returns the message it posted instead of creating a second one. That message may already have
     * started the thread (the message object's {@code thread}, or error 160004 when starting it): then that thread
     * is the drill's, and nothing more is sent into it.
     */
    @Override
    public ThreadRef post(ChannelRef channel, OutgoingMessage message) {
        GuildMessageChannel target = channel(channel.id());
        List<MessageCreateData> parts = DiscordRenderer.render(message);
        MessageCreateAction send = target.sendMessage(parts.get(0));
        if (message instanceof OutgoingMessage.DrillPost drill && drill.key().length() <= Message.MAX_NONCE_LENGTH) {
            send.setNonce(drill.key());
        }
        Message first = send.complete();
        if (!first.getChannelId().equals(target.getId())) {
            // Discord documents the nonce check per author and names no channel: the same bot used this key elsewhere
            // in the last minutes (another drillbot database on the same bot), so that message is not this drill's
            log.warn("Discord channel {}: drill key {} was used by this bot in channel {} a moment ago; posting without it",
                    channel.id(), ((OutgoingMessage.DrillPost) message).key(), first.getChannelId());
            first = target.sendMessage(parts.get(0)).complete();
        }
        threads.opening(channel, first.getId());
        ThreadChannel started = first.getStartedThread();
        String threadId;
        ThreadChannel thread = null;
        if (started != null) {
            threadId = started.getId();
        } else {
            try {
                thread = first.createThreadChannel(threadName(message))
                        .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK).complete();
                threadId = thread.getId();
            } catch (ErrorResponseException e) {
                if (e.getErrorResponse() != ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
                    throw abandon(first, e);
                }
                threadId = first.getId(); // a thread started from a message has the message's id
            } catch (RuntimeException e) {
                throw abandon(first, e);
            }
        }
        threads.opened(channel, first.getId(), threadId);
        if (thread == null) {
            // the continuation, if any, was sent by the attempt that opened the thread, or died with it
            log.info("Discord channel {}: drill message {} was posted by an earlier attempt; keeping its thread {}",
                    channel.id(), first.getId(), threadId);
            return new ThreadRef(channel, threadId);
        }
        for (MessageCreateData more : parts.subList(1, parts.size())) {
            thread.sendMessage(more).complete();
        }
        log.debug("Posted a drill to Discord channel {} with thread {}", channel.id(), thread.getId());
        return new ThreadRef(channel, thread.getId());
    }

    /** The core will retry the post: do not leave a drill without a thread behind. */
    private RuntimeException abandon(Message first, RuntimeException e) {
        threads.abandoned(first.getId());
        first.delete().queue(ok -> { }, err -> log.warn("Could not remove drill message {}: {}", first.getId(), err.toString()));
        return e;
    }

    /**
     * A private thread of the channel (Start Thread without Message, type 12) with the user added to it: only
     * they, the bot, moderators who manage threads and anyone the user invites can read it. Needs the bot's Create
     * Private Threads permission; JDA says which one is missing, and that is the reason the user is shown.
     * Named with the date only: a user's name is never put where Discord shows it unescaped.
     */
    @Override
    public ThreadRef openPrivateThread(ChannelRef channel, UserRef user, OutgoingMessage message) {
        GuildMessageChannel target = channel(channel.id());
        if (!(target instanceof net.dv8tion.jda.api.entities.channel.concrete.TextChannel text)) {
            throw new IllegalStateException("private threads can only be opened in a text channel");
        }
        // invitable (Discord's default): without Manage Threads the bot could not add the user to a non-invitable one;
        // anyone the user invites can read along, and only the user's own messages are taken
        ThreadChannel thread = text.createThreadChannel("Mock interview " + java.time.LocalDate.now(java.time.ZoneOffset.UTC), true)
                .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK).complete();
        // not recorded in OpenedThreads: that record makes answers wait for a drill the store will never have
        try {
            thread.addThreadMemberById(user.id()).complete();
            for (MessageCreateData part : DiscordRenderer.render(message)) {
                thread.sendMessage(part).complete();
            }
        } catch (RuntimeException e) {
            thread.delete().queue(ok -> { }, err -> log.warn("Could not remove mock thread {}: {}", thread.getId(), err.toString()));
            throw e;
        }
        return new ThreadRef(channel, thread.getId());
    }

    /** A plain channel message: no thread, so replies to it are not taken for answers to a drill. */
    @Override
    public void announce(ChannelRef channel, OutgoingMessage message) {
        GuildMessageChannel target = channel(channel.id());
        for (MessageCreateData part : DiscordRenderer.render(message)) {
            target.sendMessage(part).complete();
        }
    }

    /**
     * A message of a drill thread, fetched from Discord (Get Channel Message), e.g. to read its attached
     * file after a restart; empty if the thread or the message is gone.
     */
    java.util.Optional<net.dv8tion.jda.api.entities.Message> fetch(ThreadRef thread, String messageId) {
        MessageChannel ch = shards().getThreadChannelById(thread.id());
        if (ch == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ch.retrieveMessageById(messageId).complete());
        } catch (RuntimeException e) {
            log.warn("Could not fetch Discord message {} in thread {}: {}", messageId, thread.id(), e.toString());
            return java.util.Optional.empty();
        }
    }

    @Override
    public void reply(ThreadRef thread, OutgoingMessage message) {
        MessageChannel target = shards().getThreadChannelById(thread.id());
        List<MessageCreateData> parts = DiscordRenderer.render(message);
        if (target == null && message instanceof OutgoingMessage.Private) {
            // a private thread's content is never said in the channel: the caller keeps it and tries again later
            throw new IllegalStateException("private thread " + thread.id() + " is not available (archived?)");
        }
        if (target == null) {
            // Not in JDA's cache (e.g. archived while the bot was away): say it next to the thread instead.
            log.warn("Discord thread {} is not known (archived?); replying in its channel", thread.id());
            target = channel(thread.channel().id());
            target.sendMessage(DiscordRenderer.plain("(re: <#" + thread.id() + ">)").get(0)).complete();
        }
        for (MessageCreateData part : parts) {
            target.sendMessage(part).complete();
        }
    }

    @Override
    public void tell(ChannelRef channel, UserRef user, OutgoingMessage message) {
        MessageChannel target = channel(channel.id());
        for (MessageCreateData part : DiscordRenderer.addressed(user.id(), message.text())) {
            target.sendMessage(part).complete();
        }
    }

    /**
     * A DM (Create DM, then a message in it); when the user does not accept DMs from server members
     * (Discord answers 50007) or the DM fails otherwise, {@link #tell} in the channel instead.
     */
    @Override
    public void direct(ChannelRef channel, UserRef user, OutgoingMessage message) {
        try {
            // a DM is not tied to a server: any shard's connection opens it
            MessageChannel dm = shards().getShards().get(0).openPrivateChannelById(user.id()).complete();
            for (MessageCreateData part : DiscordRenderer.render(message)) {
                dm.sendMessage(part).complete();
            }
        } catch (RuntimeException e) {
            log.info("Could not DM Discord user {} ({}); telling them in channel {} instead", user.id(), e.toString(),
                    channel.id());
            tell(channel, user, message);
        }
    }

    /**
     * A file in the user's DMs (Create DM, then a message with the file as an attachment). False, and
     * nothing posted anywhere else, when the user does not accept DMs (50007) or the send fails: the file
     * is theirs alone, so the caller shows it to them as text instead.
     */
    @Override
    public boolean sendFile(ChannelRef channel, UserRef user, dev.drillbot.core.chat.OutgoingFile file) {
        try {
            MessageChannel dm = shards().getShards().get(0).openPrivateChannelById(user.id()).complete();
            var message = new net.dv8tion.jda.api.utils.messages.MessageCreateBuilder()
                    .setContent(DiscordRenderer.truncate(file.comment(), 2000))
                    .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                    .addFiles(net.dv8tion.jda.api.utils.FileUpload.fromData(file.content(), file.name()));
            if (file.mimeType().startsWith("image/")) { // a picture is shown in an embed, not as a file to open
                message.addEmbeds(new net.dv8tion.jda.api.EmbedBuilder().setImage("attachment://" + file.name()).build());
            }
            dm.sendMessage(message.build()).complete();
            return true;
        } catch (RuntimeException e) {
            log.info("Could not send {} to Discord user {} ({}); showing it as text instead", file, user.id(), e.toString());
            return false;
        }
    }

    /**
     * The announcement as plain text (as {@link #announce} would post it), its last message carrying the file
     * as an attachment shown in an embed ({@code attachment://name}).
     */
    @Override
    public boolean announceFile(ChannelRef channel, OutgoingMessage message, dev.drillbot.core.chat.OutgoingFile file) {
        try {
            GuildMessageChannel target = channel(channel.id());
            List<MessageCreateData> parts = DiscordRenderer.plain(message.text());
            for (MessageCreateData part : parts.subList(0, parts.size() - 1)) {
                target.sendMessage(part).complete();
            }
            target.sendMessage(net.dv8tion.jda.api.utils.messages.MessageCreateBuilder.from(parts.get(parts.size() - 1))
                    .addEmbeds(new net.dv8tion.jda.api.EmbedBuilder().setImage("attachment://" + file.name()).build())
                    .addFiles(net.dv8tion.jda.api.utils.FileUpload.fromData(file.content(), file.name())).build()).complete();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not post {} in Discord channel {}: {}", file, channel.id(), e.toString());
            return false;
        }
    }

    /** The drill threads this process opened. */
    OpenedThreads threads() {
        return threads;
    }

    private GuildMessageChannel channel(String id) {
        GuildMessageChannel ch = shards().getChannelById(GuildMessageChannel.class, id);
        if (ch == null) {
            throw new IllegalStateException("Discord channel " + id + " is not visible to the bot (wrong id, or not invited)");
        }
        return ch;
    }

    private static String threadName(OutgoingMessage message) {
        String name = message instanceof OutgoingMessage.DrillPost p
                ? (p.practice() ? "Practice: " : "Drill: ") + p.question().title()
                : "Drill";
        return DiscordRenderer.truncate(name, 100);
    }
}
