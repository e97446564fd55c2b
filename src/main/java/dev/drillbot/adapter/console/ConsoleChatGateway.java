package dev.drillbot.adapter.console;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.text.UserText;
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
    /** Thread ids must stay unique in the database across runs, while users see short numbers. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private volatile ThreadRef latest;
    private volatile Consumer<ThreadRef> onNewThread = t -> { };

    /** Where files for the user are saved: the console has no direct messages. */
    private final java.nio.file.Path files;

    public ConsoleChatGateway(PrintStream out) {
        this(out, java.nio.file.Path.of("exports"));
    }

    public ConsoleChatGateway(PrintStream out, java.nio.file.Path files) {
        this.out = out;
        this.files = files;
    }

    /** A terminal shows no pictures: the caller prints the text alone. Other files are saved, their path said. */
    @Override
    public boolean announceFile(ChannelRef channel, OutgoingMessage message, dev.drillbot.core.chat.OutgoingFile file) {
        if (file.mimeType().startsWith("image/")) {
            return false;
        }
        return save(file).map(path -> {
            print("", message.text() + "\n📎 saved as " + path);
            return true;
        }).orElse(false);
    }

    /**
     * The console has no direct messages: the file is saved in the exports folder and its path said; false
     * when it cannot be written, so the caller shows the content instead.
     */
    @Override
    public boolean sendFile(ChannelRef channel, UserRef user, dev.drillbot.core.chat.OutgoingFile file) {
        if (file.mimeType().startsWith("image/")) {
            return false; // a terminal shows no pictures: /progress answers with its text form
        }
        return save(file).map(path -> {
            print("  (to " + user.name() + ") ", file.comment() + "\n📎 saved as " + path);
            return true;
        }).orElse(false);
    }

    /** Writes the file in the exports folder under a new name (never over an older one). */
    private java.util.Optional<java.nio.file.Path> save(dev.drillbot.core.chat.OutgoingFile file) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        int dot = file.name().lastIndexOf('.');
        String base = dot > 0 ? file.name().substring(0, dot) : file.name();
        String ext = dot > 0 ? file.name().substring(dot) : "";
        try {
            java.nio.file.Files.createDirectories(files);
            java.nio.file.Path target = files.resolve(base + "-" + stamp + ext);
            for (int n = 2; java.nio.file.Files.exists(target); n++) {
                target = files.resolve(base + "-" + stamp + "-" + n + ext);
            }
            java.nio.file.Files.write(target, file.content(), java.nio.file.StandardOpenOption.CREATE_NEW);
            return java.util.Optional.of(target.toAbsolutePath());
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Lets the console session follow the newest drill. */
    void onNewThread(Consumer<ThreadRef> listener) {
        this.onNewThread = listener;
    }

    /** The most recently posted drill of this run, if any. */
    ThreadRef latest() {
        return latest;
    }

    /** The thread of drill number {@code n} as shown on screen. */
    ThreadRef thread(ChannelRef channel, int n) {
        return new ThreadRef(channel, runId + "-" + n);
    }

    /** The number shown for a thread. */
    static String number(ThreadRef thread) {
        String id = thread.id();
        return id.substring(id.lastIndexOf('-') + 1);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public ThreadRef post(ChannelRef channel, OutgoingMessage message) {
        return open(channel, message, "drill");
    }

    /** The console has one user: a mock interview is a thread like a drill's, under its own heading. */
    @Override
    public ThreadRef openPrivateThread(ChannelRef channel, UserRef user, OutgoingMessage first) {
        return open(channel, first, "mock interview");
    }

    private ThreadRef open(ChannelRef channel, OutgoingMessage message, String what) {
        ThreadRef thread = thread(channel, threads.incrementAndGet());
        synchronized (out) {
            out.println();
            out.println("──── " + what + " #" + number(thread) + " ────");
            out.println(plain(message.text()));
            out.println("──── reply to answer (end with an empty line) ────");
            out.flush();
        }
        latest = thread;
        onNewThread.accept(thread);
        return thread;
    }

    @Override
    public void reply(ThreadRef thread, OutgoingMessage message) {
        print("  ↳ #" + number(thread) + " ", message.text());
    }

    @Override
    public void tell(ChannelRef channel, UserRef user, OutgoingMessage message) {
        print("  (to " + user.name() + ") ", message.text());
    }

    /** Whether drill #{@code number} was posted in this session. */
    public boolean posted(int number) {
        return number >= 1 && number <= threads.get();
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

    /**
     * Drops chat markup (bold stars, inline backticks) that a terminal would show literally, and any
     * control character (an escape sequence in an answer must not drive the reader's terminal).
     */
    static String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : UserText.inert(text).split("\n", -1)) {
            if (!line.startsWith("```")) {
                line = line.replaceAll("\\*(\\S|\\S[^*\\n]*?\\S)\\*", "$1").replace("`", "");
            }
            sb.append(line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
