package dev.drillbot.core.chat;

/**
 * The core's only way to talk to a chat platform. Implementations translate neutral messages into
 * platform calls; they hold no business rules.
 */
public interface ChatGateway {
    /** The platform this gateway serves, as in {@link ChannelRef#platform()}. */
    String platform();

    /** Posts a top-level message and returns the thread in which replies to it are collected. */
    ThreadRef post(ChannelRef channel, OutgoingMessage message);

    /**
     * Whether this process can post in the channel. Always, except when the platform is split between
     * instances (Discord shards): then only the instance connected to the channel's server posts there,
     * and the others leave its scheduled drills and digests to it.
     */
    default boolean canPost(ChannelRef channel) {
        return true;
    }

    /**
     * Sends a file to the user alone (a direct message; on the console, a file on disk). False when this
     * platform cannot, or the user does not accept direct messages: the caller then shows it as text.
     */
    default boolean sendFile(ChannelRef channel, UserRef user, OutgoingFile file) {
        return false;
    }

    /**
     * Posts {@code message} in the channel with {@code file} attached (a picture under an announcement, such
     * as the weekly digest's leaderboard). False when this platform cannot: the caller announces the text alone.
     */
    default boolean announceFile(ChannelRef channel, OutgoingMessage message, OutgoingFile file) {
        return false;
    }

    /**
     * Opens a thread only the user (and the bot) can read, starting with {@code first}, for a mock interview:
     * a private thread of the channel on Discord, a thread in the user's direct messages with the bot on
     * Slack. By default an ordinary thread of the channel (the console has one user). Answers in it arrive
     * like any thread reply.
     *
     * @throws RuntimeException when the platform refuses (e.g. a missing permission), with a reason a user can act on
     */
    default ThreadRef openPrivateThread(ChannelRef channel, UserRef user, OutgoingMessage first) {
        return post(channel, first);
    }

    /** Replies inside a thread. */
    void reply(ThreadRef thread, OutgoingMessage message);

    /**
     * A message to the channel that is not a drill (the weekly digest): no thread is opened for it where
     * the platform would need one. By default the same as {@link #post}.
     */
    default void announce(ChannelRef channel, OutgoingMessage message) {
        post(channel, message);
    }

    /** Shows a message to one user only where the platform can (ephemeral), else replies in the channel. */
    void tell(ChannelRef channel, UserRef user, OutgoingMessage message);

    /**
     * A private message to the user (a DM) where the platform has them and the user accepts them; else
     * {@link #tell} in the channel. For reminders nobody asked for at that moment.
     */
    default void direct(ChannelRef channel, UserRef user, OutgoingMessage message) {
        tell(channel, user, message);
    }
}
