package dev.drillbot.cli;

import dev.drillbot.config.Environment;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code drillbot} command; without a subcommand it runs the bot. */
@Command(name = "drillbot", mixinStandardHelpOptions = true, versionProvider = DrillbotCommand.Version.class,
        description = "Daily Leadership Principle and SQL interview drills for Slack, Discord and the console.",
        subcommands = {RunCommand.class, CheckCommand.class, GradeCommand.class, QuestionsCommand.class, MigrateCommand.class,
                CommandLine.HelpCommand.class})
public final class DrillbotCommand implements Callable<Integer> {
    /** Never returned by a command; reserved so that {@code main} knows not to exit. */
    public static final int KEEP_RUNNING = -1;

    /** The process's streams, environment and clock, injectable for tests. */
    /** @param terminal whether standard input is a terminal (a person typing), not a pipe or a file */
    public record Io(InputStream in, PrintStream out, PrintStream err, Environment env, Clock clock, boolean terminal) {
        public Io(InputStream in, PrintStream out, PrintStream err, Environment env, Clock clock) {
            this(in, out, err, env, clock, false);
        }

        public static Io system() {
            return new Io(System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                    new PrintStream(System.err, true, StandardCharsets.UTF_8), Environment.system(), Clock.systemUTC(),
                    System.console() != null);
        }
    }

    final Io io;

    DrillbotCommand(Io io) {
        this.io = io;
    }

    public static int execute(String[] args, Io io) {
        CommandLine cli = new CommandLine(new DrillbotCommand(io), new Factory(io));
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        return new RunCommand(io).call();
    }

    /** Gives every subcommand the same {@link Io}. */
    private record Factory(Io io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Io.class).newInstance(io);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DrillbotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"drillbot " + (v == null ? "development build" : v)};
        }
    }
}
