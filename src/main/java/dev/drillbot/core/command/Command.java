package dev.drillbot.core.command;

/** One slash command. Adapters register every command of the {@link CommandRegistry} on their platform. */
public interface Command {
    /** Without the slash, e.g. {@code drill}. */
    String name();

    /** Arguments, e.g. {@code [lp|sql|<principle>|<topic>]}; empty if none. */
    String usage();

    /** One line for help texts and platform registration. */
    String summary();

    /** @param args the text after the command name, trimmed; never null */
    CommandReply run(CommandContext context, String args);
}
