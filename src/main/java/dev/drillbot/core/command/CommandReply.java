package dev.drillbot.core.command;

import dev.drillbot.core.chat.OutgoingMessage;

/**
 * What a command answers. {@code PRIVATE} replies go only to the user where the platform allows;
 * {@code NONE} means the command already posted what it had to (e.g. {@code /drill}).
 */
public record CommandReply(OutgoingMessage message, Visibility visibility) {
    public enum Visibility { CHANNEL, PRIVATE, NONE }

    public static CommandReply inChannel(String text) {
        return new CommandReply(OutgoingMessage.plain(text), Visibility.CHANNEL);
    }

    public static CommandReply privately(String text) {
        return new CommandReply(OutgoingMessage.plain(text), Visibility.PRIVATE);
    }

    /** Nothing more to show; {@code note} is a short acknowledgement for platforms that need one. */
    public static CommandReply none(String note) {
        return new CommandReply(OutgoingMessage.plain(note), Visibility.NONE);
    }
}
