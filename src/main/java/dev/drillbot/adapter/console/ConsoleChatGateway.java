package dev.drillbot.adapter.console;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Prints to a terminal. Threads are simulated: each drill gets a number, and replies are printed
 * indented under that number.
 */
public final class ConsoleChatGateway implements ChatGateway {
    public static final String PLATFORM = "console";

    private final PrintStream out;
    private final AtomicInteger threads = new AtomicInteger();
    private volatile Consumer<ThreadRef> onNewThread = t -> { };

    public ConsoleChatGateway(PrintStream out) {
        this.out = out;
    }

    /** Lets the console session follow the newest drill. */
    void onNewThread(Consumer<ThreadRef> listener) {
        this.onNewThread = listener;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public ThreadRef post(ChannelRef channel, OutgoingMessage message) {
        ThreadRef thread = new ThreadRef(channel, Integer.toString(threads.incrementAndGet()));
        synchronized (out) {
            out.println();
            out.println("──── drill #" + thread.id() + " ────");
            out.println(plain(message.text()));
            out.println("──── reply to answer (end with an empty line) ────");
            out.flush();
        }
        onNewThread.accept(thread);
        return thread;
    }

    @Override
    public void reply(ThreadRef thread, OutgoingMessage message) {
        print("  ↳ #" + thread.id() + " ", message.text());
    }

    @Override
    public void tell(ChannelRef channel, UserRef user, OutgoingMessage message) {
        print("  (to " + user.name() + ") ", message.text());
    }

    /** A line from the console itself (not from the bot in the channel). */
    public void notice(String text) {
        print("· ", text);
    }

    private void print(String prefix, String text) {
        String indent = " ".repeat(prefix.length());
        synchronized (out) {
            boolean first = true;
            for (String line : plain(text).split("\n", -1)) {
                out.println((first ? prefix : indent) + line);
                first = false;
            }
            out.flush();
        }
    }

    /** Drops chat markup (bold stars, inline backticks) that a terminal would show literally. */
    static String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("```")) {
                line = line.replaceAll("\\*([^*\\n]+)\\*", "$1").replace("`", "");
            }
            sb.append(line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
