package dev.drillbot.adapter.discord;

import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.scoring.lp.LpScorer;
import dev.drillbot.scoring.sql.SqlScorer;
import dev.drillbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The real drillbot (real scorers, the test question bank, SQLite in a temporary directory) connected
 * through the real JDA client to a {@link DiscordStandIn}.
 */
final class DiscordHarness implements AutoCloseable {
    /**
     * Now, on a whole minute: Discord ids carry their creation time, and JDA refuses to answer interactions
     * whose id says they are older than 15 minutes, so the stand-in's clock must be close to the real one.
     */
    static final Instant START = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    final MutableClock clock = new MutableClock(START);
    final DiscordStandIn discord;
    DiscordPlatform platform;
    private final Gateways gateways;
    private final boolean messageContent;
    final Database db;
    final SqlScorer sql = new SqlScorer();
    final Drillbot bot;
    final ChannelSettings channel = new ChannelSettings(new ChannelRef("discord", DiscordStandIn.CHANNEL),
            "0 0 9 ? * MON-FRI", ZoneId.of("UTC"), TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));

    DiscordHarness(Path dir) throws Exception {
        this(dir, UnaryOperator.identity());
    }

    /** @param wrap lets a test wrap the real scorers, e.g. to hold scoring back */
    DiscordHarness(Path dir, UnaryOperator<Scorer> wrap) throws Exception {
        this(dir, wrap, true);
    }

    /** @param messageContent whether the bot asks for the Message Content intent */
    DiscordHarness(Path dir, UnaryOperator<Scorer> wrap, boolean messageContent) throws Exception {
        this(dir, wrap, messageContent, Path.of("src/test/resources/bank"));
    }

    /** @param store the database: a SQLite file in {@code dir}, or {@code dir}'s own schema on the PostgreSQL server */
    DiscordHarness(dev.drillbot.testing.TestStore store, Path dir) throws Exception {
        this(store, dir, UnaryOperator.identity(), true, Path.of("src/test/resources/bank"));
    }

    /** @param bank the question files (the shipped {@code questions/} for a mock interview, which needs four principles) */
    DiscordHarness(Path dir, UnaryOperator<Scorer> wrap, boolean messageContent, Path bank) throws Exception {
        this(dev.drillbot.testing.TestStore.SQLITE, dir, wrap, messageContent, bank);
    }

    DiscordHarness(dev.drillbot.testing.TestStore store, Path dir, UnaryOperator<Scorer> wrap, boolean messageContent,
            Path bank) throws Exception {
        db = store.open(dir); // first: skipped without a PostgreSQL server before anything is started
        discord = new DiscordStandIn(clock::instant);
        this.messageContent = messageContent;
        platform = newPlatform();
        gateways = new Gateways(List.of(platform.gateway()));
        QuestionBankLoader.Result loaded = new QuestionBankLoader().loadDirectory(bank);
        bot = Bot.assemble(loaded.bank(),
                new Scoring(List.of(wrap.apply(LpScorer.fromDirectory(Path.of("config/rubric"))), wrap.apply(sql))), db,
                gateways, MustacheMessages.builtIn(),
                new ChannelDirectory(List.of(channel), ZoneId.of("UTC")), 20_000, clock, new Random(7));
        platform.start(bot);
    }

    private DiscordPlatform newPlatform() {
        return new DiscordPlatform(new DiscordPlatform.Settings(DiscordStandIn.TOKEN, Optional.of(discord.apiUrl()),
                Optional.of(discord.gatewayUrl()), messageContent));
    }

    /** Stops the Discord connection and starts a new one, as a restart of drillbot would (same database). */
    void restartDiscord() throws Exception {
        stopDiscord();
        startDiscord();
    }

    /** drillbot stops: its gateway connection closes (what is posted now reaches no one). */
    void stopDiscord() {
        platform.close();
    }

    /** drillbot starts again on the same database. */
    void startDiscord() throws Exception {
        platform = newPlatform();
        gateways.add(platform.gateway());
        platform.start(bot);
    }

    @Override
    public void close() throws Exception {
        platform.close();
        sql.close();
        db.close();
        discord.close();
    }
}
