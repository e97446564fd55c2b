package dev.drillbot.core.command;

import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.ChannelSettings;
import java.util.Optional;

/** Who ran a command, where, and in which thread (if the platform tells). */
public record CommandContext(ChannelSettings channel, UserRef user, Optional<ThreadRef> thread) {}
