package dev.drillbot.testing;

import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scoring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/** The real core on a real SQLite file, with a recording gateway, scripted scorers and a movable clock. */
public final class TestBot implements AutoCloseable {
    public static final ChannelRef CHANNEL = new ChannelRef("test", "C1");

    public final MutableClock clock;
    public final RecordingGateway gateway = new RecordingGateway("test");
    public final ScriptedScorer lp = new ScriptedScorer(Track.LP);
    public final ScriptedScorer sql = new ScriptedScorer(Track.SQL);
    public final Database db;
    public final dev.drillbot.core.Drillbot bot;
    public final ChannelSettings channel;
    public final QuestionBank bank;

    public TestBot(Path dir, ZoneId zone, Instant start) {
        this(TestStore.SQLITE, dir, zone, start);
    }

    public TestBot(Path dir, ChannelSettings channel, Instant start) {
        this(TestStore.SQLITE, dir, channel, start);
    }

    public TestBot(TestStore store, Path dir, ZoneId zone, Instant start) {
        this(store, dir, new ChannelSettings(CHANNEL, "0 0 9 ? * MON-FRI", zone, TrackMode.MIXED, Duration.ofHours(24),
                Duration.ofHours(2)), start);
    }

    /** A bot on {@code store}; a second TestBot on the same {@code dir} finds the first one's data (a restart). */
    public TestBot(TestStore store, Path dir, ChannelSettings channel, Instant start) {
        this(store, dir, channel, start, Path.of("src/test/resources/bank"));
    }

    /** As above, with the questions of {@code bank} (e.g. the shipped {@code questions/}, for a mock interview). */
    public TestBot(TestStore store, Path dir, ChannelSettings channel, Instant start, Path bankDir) {
        this.clock = new MutableClock(start);
        this.channel = channel;
        QuestionBankLoader.Result loaded = new QuestionBankLoader().loadDirectory(bankDir);
        if (!loaded.ok()) {
            throw new IllegalStateException(loaded.problems().toString());
        }
        this.bank = loaded.bank();
        this.db = store.open(dir);
        this.bot = Bot.assemble(bank, new Scoring(List.of(lp, sql)), db, new Gateways(List.of(gateway)),
                MustacheMessages.builtIn(), new ChannelDirectory(List.of(channel), ZoneId.of("UTC")), 20_000, clock,
                new Random(7));
    }

    @Override
    public void close() {
        db.close();
    }
}
