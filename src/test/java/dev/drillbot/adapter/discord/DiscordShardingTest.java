package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.DrillService.PostOutcome;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.core.bank.Track;
import dev.drillbot.testing.ScriptedScorer;
import dev.drillbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Discord sharded over two instances (DISCORD_SHARDS=0/2 and 1/2) sharing one database")
class DiscordShardingTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ANA = "1100000000000000101";

    @TempDir
    Path dir;

    /** One drillbot instance: its own core and Discord connection, the shared database file. */
    static final class Instance implements AutoCloseable {
        final Database db;
        final DiscordPlatform platform;
        final Drillbot bot;

        Instance(Path dbFile, DiscordStandIn discord, MutableClock clock, ChannelSettings channel, String shards)
                throws Exception {
            db = Database.open(dbFile);
            platform = new DiscordPlatform(new DiscordPlatform.Settings(DiscordStandIn.TOKEN, Optional.of(discord.apiUrl()),
                    Optional.of(discord.gatewayUrl()), true, DiscordPlatform.ShardRange.parse(shards)));
            bot = Bot.assemble(new QuestionBankLoader().loadDirectory(Path.of("src/test/resources/bank")).bank(),
                    new Scoring(List.of(new ScriptedScorer(Track.LP), new ScriptedScorer(Track.SQL))), db,
                    new Gateways(List.of(platform.gateway())), MustacheMessages.builtIn(),
                    new ChannelDirectory(List.of(channel), ZoneId.of("UTC")), 20_000, clock, new Random(7));
            platform.start(bot);
        }

        @Override
        public void close() {
            platform.close();
            db.close();
        }
    }

    @Test
    @DisplayName("each instance runs its shard, only shard 0's registers the commands, and only the server's shard posts and scores")
    void shardsShareTheWork() throws Exception {
        MutableClock clock = new MutableClock(DiscordHarness.START);
        ChannelSettings channel = new ChannelSettings(new ChannelRef("discord", DiscordStandIn.CHANNEL),
                "0 0 9 ? * MON-FRI", ZoneId.of("UTC"), TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));
        assertThat(DiscordStandIn.guildShard(2)).as("the stand-in's server lives on shard 1 of 2").isEqualTo(1);
        try (DiscordStandIn discord = new DiscordStandIn(clock::instant);
                Instance zero = new Instance(dir.resolve("drillbot.db"), discord, clock, channel, "0/2");
                Instance one = new Instance(dir.resolve("drillbot.db"), discord, clock, channel, "1/2")) {
            assertThat(discord.shardsIdentified).containsExactlyInAnyOrder("0/2", "1/2");
            assertThat(discord.calls().stream().filter(c -> c.method().equals("PUT") && c.path().endsWith("/commands")))
                    .as("global slash commands registered once, by shard 0's instance").hasSize(1);

            // the fire time reaches both instances; the one without the server leaves it to the other
            assertThat(zero.bot.drills().postScheduled(channel, DiscordHarness.START)).isEqualTo(PostOutcome.NOT_HERE);
            assertThat(one.bot.drills().postScheduled(channel, DiscordHarness.START)).isEqualTo(PostOutcome.POSTED);
            assertThat(zero.bot.drills().postScheduled(channel, DiscordHarness.START)).isEqualTo(PostOutcome.ALREADY_POSTED);
            List<DiscordStandIn.Shown> posts = discord.in(DiscordStandIn.CHANNEL);
            assertThat(posts).hasSize(1);

            // an answer in the drill's thread reaches shard 1 only, and is scored once
            String thread = posts.get(0).id();
            discord.say(ANA, "Ana", thread, "result score=80");
            discord.await(() -> discord.in(thread).stream().anyMatch(s -> s.text().contains("/100")), WAIT, "the feedback");
            one.platform.awaitIdle(WAIT);
            zero.platform.awaitIdle(WAIT);
            assertThat(discord.in(thread).stream().filter(s -> s.text().contains("/100"))).hasSize(1);
        }
    }

    @Test
    @DisplayName("DISCORD_SHARDS must be a range inside the total; anything else is refused with the expected form")
    void shardRangeParsing() {
        assertThat(DiscordPlatform.ShardRange.parse("0-1/4")).hasToString("0-1/4");
        assertThat(DiscordPlatform.ShardRange.parse(" 2/4 ").ids()).containsExactly(2);
        assertThat(DiscordPlatform.ShardRange.parse("0/1").registersCommands()).isTrue();
        assertThat(DiscordPlatform.ShardRange.parse("1-3/4").registersCommands()).isFalse();
        assertThatThrownBy(() -> DiscordPlatform.ShardRange.parse("4/4")).hasMessageContaining("need 0 <= first <= last < total");
        assertThatThrownBy(() -> DiscordPlatform.ShardRange.parse("2-1/4")).hasMessageContaining("not a range");
        assertThatThrownBy(() -> DiscordPlatform.ShardRange.parse("all")).hasMessageContaining("write FIRST-LAST/TOTAL");
    }
}
