package dev.drillbot.cli;

import dev.drillbot.adapter.console.ConsoleChatGateway;
import dev.drillbot.adapter.console.ConsoleSession;
import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.schedule.QuartzDrillScheduler;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.config.ConfigException;
import dev.drillbot.config.DrillbotConfig;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.chat.ChatPlatform;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code drillbot run}: starts every chat adapter whose credentials are set, or the console channel when
 * none are, plus the scheduler. Ends at end of console input, or on Ctrl-C / SIGTERM, after
 * finishing pending work.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bot: Slack/Discord if their tokens are set, otherwise the local console channel.")
final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    private final DrillbotCommand.Io io;

    RunCommand(DrillbotCommand.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        DrillbotConfig config;
        Startup.Scorers scorers;
        java.util.concurrent.CompletableFuture<QuestionBankLoader.Result> bank;
        try {
            config = Startup.config(io.env());
        } catch (ConfigException e) {
            return configProblems(e);
        }
        // the question files are read and the database opened (migrated) beside the rubric and its model: on
        // two cores that halves the wait at start
        DrillbotConfig read = config;
        bank = java.util.concurrent.CompletableFuture.supplyAsync(() -> Startup.bank(read.questions()));
        java.util.concurrent.CompletableFuture<Database> opening = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Database.open(io.env().database(), io.env().databaseUser(), io.env().databasePassword()));
        try {
            scorers = Startup.scorers(config);
        } catch (ConfigException e) {
            opening.thenAccept(Database::close); // opened for nothing
            return configProblems(e);
        }
        QuestionBankLoader.Result loaded = bank.join();
        if (!loaded.ok()) {
            // Bad question files are skipped, not fatal: the rest of the bank still works.
            io.err().println("Skipping question files with problems (run `drillbot check` for details):");
            loaded.problems().forEach(p -> io.err().println("  " + p));
        }
        if (loaded.bank().size() == 0) {
            io.err().println("drillbot cannot start: no usable questions in " + config.questions());
            opening.thenAccept(Database::close);
            scorers.close();
            return 2;
        }
        try (scorers) {
            return runWith(config, loaded, scorers, opening);
        }
    }

    /** The database opened beside the rest of the start, or the reason it could not be (as Database.open says it). */
    private static Database opened(java.util.concurrent.CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private int configProblems(ConfigException e) {
        io.err().println("drillbot cannot start: the configuration has problems:");
        e.problems().forEach(p -> io.err().println("  " + p));
        return 2;
    }

    private int runWith(DrillbotConfig config, QuestionBankLoader.Result loaded, Startup.Scorers scorers,
            java.util.concurrent.CompletableFuture<Database> opening) {
        List<ChatPlatform> platforms;
        try {
            platforms = Platforms.fromEnvironment(io.env(), config);
        } catch (IllegalArgumentException e) { // a malformed platform setting, e.g. DISCORD_SHARDS
            io.err().println("drillbot cannot start: " + e.getMessage());
            opening.thenAccept(Database::close);
            return 2;
        }
        boolean console = platforms.isEmpty();
        // files for the console user (/stories export) go beside the SQLite file, else into ./exports
        String database = io.env().database();
        java.nio.file.Path exports = database.startsWith("jdbc:") || java.nio.file.Path.of(database).toAbsolutePath().getParent() == null
                ? java.nio.file.Path.of("exports") : java.nio.file.Path.of(database).toAbsolutePath().getParent().resolve("exports");
        ConsoleChatGateway consoleGateway = new ConsoleChatGateway(io.out(), exports);
        Gateways gateways = new Gateways(List.of());
        platforms.forEach(p -> gateways.add(p.gateway()));
        if (console) {
            gateways.add(consoleGateway);
        }
        List<ChannelSettings> channels = new ArrayList<>();
        for (ChannelSettings ch : config.channels()) {
            if (gateways.has(ch.channel().platform())) {
                channels.add(ch);
            } else {
                log.warn("Channel {} is configured but {} is not running (its token is not set); skipping it",
                        ch.channel(), ch.channel().platform());
            }
        }
        ChannelSettings consoleChannel = channels.stream()
                .filter(c -> c.channel().platform().equals(ConsoleChatGateway.PLATFORM)).findFirst()
                .orElseGet(() -> ChannelSettings.unscheduled(new ChannelRef(ConsoleChatGateway.PLATFORM, "local"),
                        config.defaultZone()));
        ChannelDirectory directory = new ChannelDirectory(channels, config.defaultZone());

        Database db;
        try {
            db = opened(opening);
        } catch (IllegalStateException e) {
            io.err().println("drillbot cannot start: " + e.getMessage());
            platforms.forEach(ChatPlatform::close);
            return 2;
        }
        Drillbot bot = Bot.assemble(loaded.bank(), scorers.scoring(), db, gateways,
                new MustacheMessages(config.prompts()), directory, config.maxAnswerChars(), io.clock(), new Random());
        QuartzDrillScheduler scheduler = new QuartzDrillScheduler(channels, bot.drills(), io.clock(), bot::everyMinute);
        Shutdown shutdown = new Shutdown(platforms, scheduler, db);
        Thread hook = new Thread(shutdown::run, "drillbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (ChatPlatform p : platforms) {
                p.start(bot);
                log.info("Connected to {}", p.gateway().platform());
            }
            scheduler.start();
            log.info("drillbot started: {} questions, {} scheduled channel(s), database {}", loaded.bank().size(),
                    channels.size(), Database.redact(io.env().database()));
            if (console) {
                new ConsoleSession(new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)),
                        consoleGateway, bot.commands(), bot.intake(), consoleChannel,
                        io.env().get("USER").orElse("you"), io.clock()).run();
            } else {
                shutdown.awaitSignal();
            }
            return 0;
        } catch (Exception e) {
            io.err().println("drillbot stopped: " + e.getMessage());
            log.error("Fatal error", e);
            return 1;
        } finally {
            shutdown.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran; nothing to remove
            }
        }
    }

    /**
     * Disconnects the platforms (no new events), stops the scheduler (waiting for a drill being posted),
     * then closes the database after its queued writes; runs once.
     */
    private static final class Shutdown {
        private final List<ChatPlatform> platforms;
        private final QuartzDrillScheduler scheduler;
        private final Database db;
        private final CountDownLatch signal = new CountDownLatch(1);
        private boolean done;

        Shutdown(List<ChatPlatform> platforms, QuartzDrillScheduler scheduler, Database db) {
            this.platforms = platforms;
            this.scheduler = scheduler;
            this.db = db;
        }

        void awaitSignal() {
            try {
                signal.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void run() {
            signal.countDown();
            if (done) {
                return;
            }
            done = true;
            for (ChatPlatform p : platforms) {
                try {
                    p.close();
                } catch (RuntimeException e) {
                    log.warn("Closing {} failed: {}", p.gateway().platform(), e.getMessage());
                }
            }
            scheduler.close();
            db.close();
            log.info("drillbot stopped cleanly");
        }
    }
}
