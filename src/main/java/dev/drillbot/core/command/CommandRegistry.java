package dev.drillbot.core.command;

import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All commands by name; parses a {@code /name args} line and runs the matching command. */
public final class CommandRegistry {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Messages messages;

    public CommandRegistry(Messages messages) {
        this.messages = messages;
    }

    public CommandRegistry register(Command command) {
        commands.put(command.name(), command);
        return this;
    }

    public List<Command> all() {
        return List.copyOf(commands.values());
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Runs {@code /name args}; unknown names get the help text. Never throws. */
    public CommandReply dispatch(CommandContext context, String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        int space = trimmed.indexOf(' ');
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        String args = space < 0 ? "" : trimmed.substring(space + 1).strip();
        return run(context, name, args);
    }

    public CommandReply run(CommandContext context, String name, String args) {
        Optional<Command> command = find(name);
        if (command.isEmpty()) {
            return CommandReply.privately(messages.render("unknown-command",
                    Map.of("name", UserText.quoted(name), "commands", helpLines())));
        }
        try {
            return command.get().run(context, args == null ? "" : args.strip());
        } catch (RuntimeException e) {
            log.error("Command /{} {} failed", name, args, e);
            return CommandReply.privately(messages.render("command-failed", Map.of("name", UserText.quoted(name))));
        }
    }

    /** One entry per command, for the help template. */
    public List<Map<String, String>> helpLines() {
        List<Map<String, String>> out = new ArrayList<>();
        for (Command c : commands.values()) {
            Map<String, String> m = new HashMap<>();
            m.put("name", c.name());
            m.put("usage", c.usage());
            m.put("summary", c.summary());
            out.add(m);
        }
        return out;
    }
}
