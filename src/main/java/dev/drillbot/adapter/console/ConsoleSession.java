package dev.drillbot.adapter.console;

import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.command.CommandContext;
import dev.drillbot.core.command.CommandRegistry;
import dev.drillbot.core.command.CommandReply;
import dev.drillbot.core.drill.AnswerService;
import dev.drillbot.core.drill.ChannelSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console channel: reads lines, runs {@code /commands}, and collects any other text as an answer
 * to the current drill (many lines, ended by an empty line or the end of input). {@code /as NAME}
 * switches the simulated user so a study group can be tried alone; {@code /thread N} picks which
 * drill to answer. Works with stdin as a pipe and returns at end of input after the last answer.
 */
public final class ConsoleSession {
    private final BufferedReader in;
    private final ConsoleChatGateway gateway;
    private final CommandRegistry commands;
    private final dev.drillbot.core.drill.AnswerIntake answers;
    private final ChannelSettings channel;
    private final Clock clock;
    private final AtomicReference<ThreadRef> current = new AtomicReference<>();
    private final AtomicLong messageIds = new AtomicLong();
    private UserRef user;

    public ConsoleSession(BufferedReader in, ConsoleChatGateway gateway, CommandRegistry commands,
            dev.drillbot.core.drill.AnswerIntake answers, ChannelSettings channel, String userName, Clock clock) {
        this.in = in;
        this.gateway = gateway;
        this.commands = commands;
        this.answers = answers;
        this.channel = channel;
        this.clock = clock;
        this.user = user(userName);
        // Follow the newest drill, including one posted before the session started (start-up catch-up).
        gateway.onNewThread(current::set);
        current.compareAndSet(null, gateway.latest());
    }

    public ChannelRef channel() {
        return channel.channel();
    }

    /** Runs until end of input. */
    public void run() throws IOException {
        say("drillbot console · channel " + channel.channel().id() + " · you are " + user.name()
                + ". /help for commands, /drill to practise now, /as NAME to switch user, /quit to stop.");
        List<String> answer = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            // a line starting with "/" is a command, except "/*": an answer may open with a SQL comment
            if (answer.isEmpty() && line.strip().startsWith("/") && !line.strip().startsWith("/*")) {
                if (!command(line.strip())) {
                    return;
                }
            } else if (line.isBlank()) {
                submit(answer);
            } else {
                answer.add(line);
            }
        }
        submit(answer);
    }

    /** @return false when the session should end */
    private boolean command(String line) {
        String[] parts = line.split("\\s+", 2);
        String name = parts[0].substring(1);
        String args = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "quit", "exit" -> {
                return false;
            }
            case "as" -> {
                if (args.isEmpty()) {
                    say("Usage: /as NAME (you are " + user.name() + ")");
                } else {
                    user = user(args);
                    say("You are now " + user.name() + ".");
                }
            }
            case "thread" -> {
                if (args.matches("#?\\d{1,9}")) {
                    int number = Integer.parseInt(args.replace("#", ""));
                    if (gateway.posted(number)) {
                        current.set(gateway.thread(channel.channel(), number));
                        say("Answers now go to drill #" + number + ".");
                    } else {
                        say("There is no drill #" + number + " in this session; answers still go to "
                                + (current.get() == null ? "no drill yet (type /drill)" : "drill #"
                                        + ConsoleChatGateway.number(current.get())) + ".");
                    }
                } else {
                    say("Usage: /thread N — answer drill #N");
                }
            }
            default -> {
                CommandReply reply = commands.dispatch(
                        new CommandContext(channel, user, Optional.ofNullable(current.get())), line);
                if (reply.visibility() == CommandReply.Visibility.PRIVATE) {
                    gateway.tell(channel.channel(), user, reply.message());
                } else if (reply.visibility() == CommandReply.Visibility.CHANNEL) {
                    gateway.notice(reply.message().text());
                }
                if (name.equals("help")) {
                    say(CONSOLE_HELP);
                }
            }
        }
        return true;
    }

    private void submit(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String text = String.join("\n", lines);
        lines.clear();
        ThreadRef thread = current.get();
        if (thread == null) {
            say("There is no drill to answer yet. Type /drill to get one.");
            return;
        }
        AnswerService.Outcome outcome = answers.handleNow(dev.drillbot.core.drill.Inbox.Kind.ANSWER,
                new AnswerReceived(user, thread, text, clock.instant(),
                "console-" + messageIds.incrementAndGet()));
        if (outcome == AnswerService.Outcome.NOT_A_DRILL) {
            say("Drill #" + ConsoleChatGateway.number(thread) + " does not exist. /thread N picks a drill to answer.");
        }
    }

    private void say(String text) {
        gateway.notice(text);
    }

    static final String CONSOLE_HELP = "On the console: /as NAME answers as another user (each name as typed is"
            + " its own user), /thread N sends your answers to drill #N, /quit stops. An answer ends with an empty line.";

    /** Each name, as typed (case and script kept), is its own user: "Ana", "ana" and "李雷" are three. */
    private static UserRef user(String name) {
        String clean = dev.drillbot.core.text.UserText.inert(name).strip().replaceAll("\\s+", " ");
        return new UserRef(clean, clean);
    }
}
