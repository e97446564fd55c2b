package dev.drillbot.core.command;

import dev.drillbot.core.text.Messages;
import java.util.Map;

public final class HelpCommand implements Command {
    private final CommandRegistry registry;
    private final Messages messages;

    public HelpCommand(CommandRegistry registry, Messages messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "what drillbot does and how to use it";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        return CommandReply.privately(messages.render("help", Map.of("commands", registry.helpLines(),
                "schedule", context.channel().schedule(), "scheduled", context.channel().scheduled(),
                "zone", context.channel().zone().getId())));
    }
}
