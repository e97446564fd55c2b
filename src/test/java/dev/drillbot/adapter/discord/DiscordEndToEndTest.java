package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drillbot.adapter.discord.DiscordStandIn.Call;
import dev.drillbot.adapter.discord.DiscordStandIn.Shown;
import dev.drillbot.core.drill.DrillService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * drillbot on Discord, end to end: the real JDA client against {@link DiscordStandIn} on 127.0.0.1, the real
 * core, scorers and SQLite. Assertions are on what Discord users would see.
 */
@DisplayName("drillbot on Discord, end to end")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscordEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ANA = "1200000000000000001";
    private static final String BEN = "1200000000000000002";

    static final String LP_ANSWER = """
            Situation: last spring our nightly orders pipeline started missing its 6 am deadline three times a week, \
            and the finance team could not close the books on time.
            Task: I owned the pipeline, so it was my job to find the cause and fix it within two weeks.
            Action: I profiled every stage myself, found that one join had grown to 40 million rows because of a \
            missing partition filter, rewrote it, added a row-count alarm and walked the team through the runbook.
            Result: the job went from 5 hours to 50 minutes, we met the deadline 60 days in a row, and finance closed \
            a day earlier. I learned to add volume alarms to every pipeline I own.""";

    @TempDir
    Path dir;
    DiscordHarness h;
    DiscordStandIn discord;

    @BeforeEach
    void start() throws Exception {
        h = new DiscordHarness(dir);
        discord = h.discord;
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    @DisplayName("connects with the token, identifies once and registers the slash commands with their options")
    void connectsAndRegistersCommands() {
        assertThat(discord.identifies()).isEqualTo(1);
        // GUILDS (1 << 0), GUILD_MESSAGES (1 << 9), MESSAGE_CONTENT (1 << 15); no member or presence intents.
        assertThat(discord.intents()).isEqualTo((1L << 0) | (1L << 9) | (1L << 15));
        Call put = discord.calls().stream().filter(c -> c.method().equals("PUT") && c.path().endsWith("/commands"))
                .findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        put.body().forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).contains("drill", "streak", "gaps", "leaderboard", "hint", "help");
        JsonNode drill = find(put.body(), "drill");
        List<String> options = new ArrayList<>();
        drill.path("options").forEach(o -> options.add(o.path("name").asText()));
        assertThat(options).containsExactly("track", "principle", "topic", "question");
        assertThat(find(drill.path("options"), "principle").path("choices")).hasSize(16);
        assertThat(find(drill.path("options"), "question").path("autocomplete").asBoolean()).isTrue();
        discord.await(() -> discord.heartbeats() >= 1, WAIT, "a heartbeat (acknowledged)");
    }

    @Test
    @DisplayName("a wrong token stops the start-up with a clear error that does not show the token")
    void wrongToken() {
        DiscordPlatform wrong = new DiscordPlatform(new DiscordPlatform.Settings("not-the-token",
                java.util.Optional.of(discord.apiUrl()), java.util.Optional.of(discord.gatewayUrl()), true));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.start(h.bot))
                    .hasMessageContaining("token").satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-token"));
        } finally {
            wrong.close();
        }
    }

    @Test
    @DisplayName("the digest with its leaderboard: the text, and the picture attached and shown in an embed; nobody pinged")
    void announcementWithPicture() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        assertThat(h.platform.gateway().announceFile(h.channel.channel(),
                dev.drillbot.core.chat.OutgoingMessage.plain("📅 Weekly digest\n1. @everyone <@123> — 90 pts"),
                new dev.drillbot.core.chat.OutgoingFile("drillbot-leaderboard.png", "image/png", png, ""))).isTrue();
        DiscordStandIn.Upload upload = discord.uploads().stream()
                .filter(u -> u.filename().equals("drillbot-leaderboard.png")).findFirst().orElseThrow();
        assertThat(upload.path()).isEqualTo("/api/v10/channels/" + DiscordStandIn.CHANNEL + "/messages");
        assertThat(upload.content()).isEqualTo(png);
        Call create = discord.calls().stream().filter(c -> c.method().equals("POST") && c.path().equals(upload.path()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(create.body().path("content").asText()).contains("Weekly digest");
        assertThat(create.body().path("embeds").get(0).path("image").path("url").asText())
                .isEqualTo("attachment://drillbot-leaderboard.png");
        assertThat(create.body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(discord.thread(discord.in(DiscordStandIn.CHANNEL).get(0).id())).isEmpty();
    }

    @Test
    @DisplayName("an announcement (the weekly digest) is a plain channel message: no thread, nobody pinged")
    void announcementHasNoThread() {
        h.platform.gateway().announce(h.channel.channel(),
                dev.drillbot.core.chat.OutgoingMessage.plain("📅 Weekly digest\n1. @everyone <@123> — 90 pts"));
        discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), WAIT, "the digest");
        Shown digest = discord.in(DiscordStandIn.CHANNEL).get(0);
        assertThat(digest.text()).contains("Weekly digest");
        assertThat(discord.thread(digest.id())).isEmpty();
        assertThat(discord.calls().stream().filter(c -> c.path().endsWith("/threads"))).isEmpty();
        Call create = discord.calls().stream().filter(c -> c.method().equals("POST") && c.path().endsWith(
                "/channels/" + DiscordStandIn.CHANNEL + "/messages")).findFirst().orElseThrow();
        assertThat(create.body().path("allowed_mentions").isMissingNode()).as("allowed_mentions sent").isFalse();
        assertThat(create.body().path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    @DisplayName("/stories export sends a Markdown attachment in a DM, /progress a picture in an embed; with DMs closed the user gets text, privately")
    void storiesExport() {
        String interaction = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "drill", Map.of("principle", "ownership"));
        discord.await(() -> has(interaction, "original"), WAIT, "the /drill response");
        String thread = onlyDrill().id();
        discord.say(ANA, "Ana", thread, LP_ANSWER);
        awaitFeedback(thread, 1);

        String export = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "stories", Map.of("args", "export"));
        discord.await(() -> has(export, "original"), WAIT, "the /stories export response");
        assertThat(discord.responses(export).get(0).ephemeral()).isTrue();
        assertThat(text(export, "original")).contains("Sent you your story bank (1 stories) as drillbot-stories.md");
        DiscordStandIn.Upload file = discord.uploads().stream().filter(u -> u.filename().equals("drillbot-stories.md"))
                .findFirst().orElseThrow();
        assertThat(file.path()).isEqualTo("/api/v10/channels/" + discord.dmChannel(ANA) + "/messages");
        assertThat(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("# Story bank of Ana")
                .contains("## 1.", "- Best score:", "Feedback:");
        int channelMessages = discord.in(DiscordStandIn.CHANNEL).size();

        // /progress: the picture in the DMs too, shown in an embed
        String progress = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "progress", Map.of());
        discord.await(() -> has(progress, "original"), WAIT, "the /progress response");
        assertThat(text(progress, "original")).contains("Sent you your progress picture");
        DiscordStandIn.Upload picture = discord.uploads().stream().filter(u -> u.filename().equals("drillbot-progress.png"))
                .findFirst().orElseThrow();
        assertThat(picture.path()).isEqualTo("/api/v10/channels/" + discord.dmChannel(ANA) + "/messages");
        assertThat(discord.calls().stream().filter(c -> c.method().equals("POST") && c.path().equals(picture.path()))
                .reduce((a, b) -> b).orElseThrow().body().path("embeds").get(0).path("image").path("url").asText())
                .isEqualTo("attachment://drillbot-progress.png");

        discord.closedDms.add(ANA);
        String again = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "stories", Map.of("args", "export"));
        discord.await(() -> has(again, "original"), WAIT, "the second /stories export response");
        assertThat(discord.responses(again).get(0).ephemeral()).isTrue();
        assertThat(text(again, "original")).contains("could not be sent here", "Story bank of Ana");
        assertThat(discord.in(DiscordStandIn.CHANNEL)).as("nothing of it in the channel").hasSize(channelMessages);
    }

    @Test
    @DisplayName("a scheduled drill is posted exactly once, as an embed with buttons and a thread for answers")
    void scheduledDrillPostedOnce() {
        DrillService.PostOutcome first = h.bot.drills().postScheduled(h.channel, DiscordHarness.START);
        DrillService.PostOutcome again = h.bot.drills().postScheduled(h.channel, DiscordHarness.START);

        assertThat(first).isEqualTo(DrillService.PostOutcome.POSTED);
        assertThat(again).isEqualTo(DrillService.PostOutcome.ALREADY_POSTED);
        List<Shown> posts = discord.in(DiscordStandIn.CHANNEL);
        assertThat(posts).hasSize(1);
        JsonNode embed = posts.get(0).message().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isNotBlank();
        assertThat(embed.path("description").asText()).contains("Today's drill");
        List<String> buttons = new ArrayList<>();
        posts.get(0).message().path("components").get(0).path("components")
                .forEach(b -> buttons.add(b.path("label").asText()));
        assertThat(buttons).containsExactly("Answer", "Hint", "Skip", "My stats");
        assertThat(discord.thread(posts.get(0).id())).isPresent();
        assertThat(discord.calls().stream().filter(c -> c.path().endsWith("/threads"))).hasSize(1);
    }

    @Test
    @DisplayName("/drill posts a practice drill (the user gets a private note), and an answer in its thread gets scored feedback there")
    void drillCommandThenThreadAnswer() {
        String interaction = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "drill", Map.of("principle", "ownership"));

        discord.await(() -> has(interaction, "original"), WAIT, "the /drill response");
        assertThat(kinds(interaction)).startsWith("callback-5");
        assertThat(discord.responses(interaction).get(0).ephemeral()).isTrue();
        assertThat(text(interaction, "original")).contains("Practice drill posted");
        Shown drill = onlyDrill();
        assertThat(drill.text()).contains("Nobody owned it").contains("Practice drill for Ana");
        String thread = drill.id();

        discord.say(ANA, "Ana", thread, LP_ANSWER);

        Shown feedback = awaitFeedback(thread, 1).get(0);
        JsonNode embed = feedback.message().path("embeds").get(0);
        assertThat(embed.path("title").asText()).matches("\\d{1,3}/100 · .+");
        assertThat(embed.path("description").asText()).contains("Ana").contains("Nobody owned it").contains("█");
        assertThat(feedback.message().path("content").asText()).isEmpty();
    }

    @Test
    @DisplayName("the Answer button opens a form; the submitted answer goes through the inbox and is scored in the drill's thread")
    void modalAnswer() {
        Shown drill = postScheduled();
        String thread = drill.id();

        String press = discord.press(ANA, "Ana", drill.id(), DiscordRenderer.ANSWER);
        discord.await(() -> has(press, "callback-9"), WAIT, "the answer form");
        JsonNode modal = discord.responses(press).get(0).message();
        assertThat(modal.path("custom_id").asText()).isEqualTo(DiscordEvents.MODAL + thread);
        String input = modal.path("components").get(0).path("component").path("custom_id").asText();

        String submit = discord.submit(ANA, "Ana", DiscordStandIn.CHANNEL, modal.path("custom_id").asText(), input,
                LP_ANSWER);

        Shown feedback = awaitFeedback(thread, 1).get(0);
        assertThat(feedback.text()).contains("/100");
        discord.await(() -> has(submit, "original"), WAIT, "the form's acknowledgement");
        assertThat(discord.responses(submit).get(0).ephemeral()).isTrue();
        assertThat(text(submit, "original")).contains("Scored").contains("<#" + thread + ">");
        // kept in the inbox like a message, so a crash before it was handled would not have lost it
        int handled = h.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM inbox WHERE event_key = 'modal:"
                    + submit + "' AND done_at IS NOT NULL")) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
        assertThat(handled).isEqualTo(1);
    }

    @Test
    @DisplayName("a correct SQL answer is graded by running it, and /streak then privately shows the streak")
    void sqlAnswerThenStreak() {
        discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "drill", Map.of("track", "sql"));
        discord.await(() -> !discord.in(DiscordStandIn.CHANNEL).isEmpty(), WAIT, "the SQL drill");
        String thread = onlyDrill().id();
        discord.say(ANA, "Ana", thread, """
                ```sql
                SELECT c.name, COUNT(o.id) AS orders
                FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
                GROUP BY c.id, c.name
                ```""");
        Shown feedback = awaitFeedback(thread, 1).get(0);
        assertThat(feedback.message().path("embeds").get(0).path("title").asText()).isEqualTo("100/100 · correct");

        String streak = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "streak", Map.of());

        discord.await(() -> has(streak, "original"), WAIT, "the /streak reply");
        assertThat(discord.responses(streak).get(0).ephemeral()).isTrue();
        assertThat(text(streak, "original")).contains("Ana").contains("practice streak 1 day(s)")
                .contains("Channel drill streak");

        // the personal loop's commands, with their free-text option, privately
        String zone = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "timezone", Map.of("args", "Asia/Kolkata"));
        discord.await(() -> has(zone, "original"), WAIT, "the /timezone reply");
        assertThat(discord.responses(zone).get(0).ephemeral()).isTrue();
        assertThat(text(zone, "original")).contains("now Asia/Kolkata");
        String pause = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "pause", Map.of("args", "7d"));
        discord.await(() -> has(pause, "original"), WAIT, "the /pause reply");
        assertThat(text(pause, "original")).contains("Paused for 7 day(s)");
        String again = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "streak", Map.of());
        discord.await(() -> has(again, "original"), WAIT, "the second /streak reply");
        assertThat(text(again, "original")).contains("in Asia/Kolkata").contains("Paused through");
        String resume = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "resume", Map.of());
        discord.await(() -> has(resume, "original"), WAIT, "the /resume reply");
        assertThat(text(resume, "original")).contains("Welcome back");
        String review = discord.slash(ANA, "Ana", DiscordStandIn.CHANNEL, "review", Map.of());
        discord.await(() -> has(review, "original"), WAIT, "the /review reply");
        assertThat(text(review, "original")).contains("Nothing to review"); // 100/100: no review item
    }

    @Test
    @DisplayName("the Hint button privately shows the next hint of that drill, then the one after")
    void hintButton() {
        Shown drill = postScheduled();
        String first = discord.press(BEN, "Ben", drill.id(), DiscordRenderer.HINT);
        discord.await(() -> has(first, "original"), WAIT, "the first hint");
        String second = discord.press(BEN, "Ben", drill.id(), DiscordRenderer.HINT);
        discord.await(() -> has(second, "original"), WAIT, "the second hint");

        assertThat(discord.responses(first).get(0).ephemeral()).isTrue();
        assertThat(text(first, "original")).containsAnyOf("Hint 1 of", "has no hints");
        assertThat(text(second, "original")).containsAnyOf("Hint 2 of", "No more hints", "has no hints");
    }

    @Test
    @DisplayName("Skip posts another question of the same track; My stats privately shows streak and gaps")
    void skipAndStats() {
        Shown drill = postScheduled();
        String skip = discord.press(BEN, "Ben", drill.id(), DiscordRenderer.SKIP + "lp");
        discord.await(() -> discord.in(DiscordStandIn.CHANNEL).size() == 2 && has(skip, "original"), WAIT, "the skip");
        assertThat(discord.in(DiscordStandIn.CHANNEL).get(1).text()).contains("Practice drill for Ben")
                .contains("Leadership Principle");
        assertThat(text(skip, "original")).contains("another Leadership Principle question");

        String stats = discord.press(BEN, "Ben", drill.id(), DiscordRenderer.STATS);
        discord.await(() -> has(stats, "original") && has(stats, "followup"), WAIT, "my stats");
        assertThat(text(stats, "original")).contains("practice streak");
        assertThat(discord.responses(stats).stream().map(Shown::text).reduce("", String::concat))
                .contains("Practice map for Ben");
    }

    @Test
    @DisplayName("after the gateway drops and the session resumes, a replayed answer is scored once")
    void resumeDoesNotDoubleScore() {
        Shown drill = postScheduled();
        String thread = drill.id();
        String stats = discord.press(BEN, "Ben", drill.id(), DiscordRenderer.SKIP + "lp");
        discord.await(() -> has(stats, "original"), WAIT, "the skip");
        JsonNode press = discord.lastDispatch("INTERACTION_CREATE");
        discord.holdDispatches(true);
        discord.dropConnection();
        String answer = discord.say(ANA, "Ana", thread, LP_ANSWER); // held back, delivered on resume

        discord.await(() -> discord.resumes() == 1, WAIT, "the client to resume");
        discord.redeliver("MESSAGE_CREATE", discord.message(answer)); // delivered a second time
        discord.redeliver("INTERACTION_CREATE", press); // the Skip press, a second time
        discord.say(BEN, "Ben", thread, LP_ANSWER + " score");

        awaitFeedback(thread, 2);
        idle();
        // different users' answers are scored in parallel: one feedback each, in either order
        assertThat(feedbackIn(thread)).extracting(f -> f.text().contains("Ana") ? "Ana" : f.text().contains("Ben")
                ? "Ben" : f.text()).containsExactlyInAnyOrder("Ana", "Ben");
        assertThat(discord.identifies()).isEqualTo(1);
        assertThat(discord.in(DiscordStandIn.CHANNEL)).hasSize(2); // the drill and one skip, not two
        assertThat(discord.responses(stats)).filteredOn(s -> s.where().startsWith("callback")).hasSize(1);
    }

    @Test
    @DisplayName("a 50,000-character message is refused with a clear reply that fits Discord's limits")
    void hugeMessage() {
        Shown drill = postScheduled();
        discord.say(ANA, "Ana", drill.id(), "I owned it. ".repeat(4_200).substring(0, 49_999) + "!");

        discord.await(() -> discord.in(drill.id()).size() == 1, WAIT, "the refusal");
        Shown reply = discord.in(drill.id()).get(0);
        assertThat(reply.message().path("content").asText()).contains("50,000").contains("Nothing was scored");
        assertThat(discord.shown()).allSatisfy(s ->
                assertThat(s.message().path("content").asText().length()).isLessThanOrEqualTo(2000));
    }

    @Test
    @DisplayName("messages from bots, the bot itself included, are not taken as answers")
    void botMessagesIgnored() {
        Shown drill = postScheduled();
        String thread = drill.id();
        discord.say(discord.user(DiscordStandIn.BOT, "drillbot", true), thread, LP_ANSWER);
        discord.say(discord.user("1300000000000000001", "otherbot", true), thread, LP_ANSWER);
        discord.say(ANA, "Ana", thread, LP_ANSWER);

        awaitFeedback(thread, 1);
        assertThat(discord.in(thread)).hasSize(1);
        assertThat(discord.in(thread).get(0).text()).contains("Ana");
    }

    @Test
    @DisplayName("an edited answer is scored again; /leaderboard is shown to the channel")
    void editAndLeaderboard() {
        Shown drill = postScheduled();
        String thread = drill.id();
        String answer = discord.say(ANA, "Ana", thread, "I fixed it.");
        awaitFeedback(thread, 1);
        discord.edit(answer, LP_ANSWER);
        awaitFeedback(thread, 2);

        String board = discord.slash(BEN, "Ben", DiscordStandIn.CHANNEL, "leaderboard", Map.of("scope", "week"));
        discord.await(() -> has(board, "original"), WAIT, "the leaderboard");
        assertThat(discord.responses(board).get(0).ephemeral()).isFalse();
        assertThat(text(board, "original")).contains("Leaderboard").contains("Ana");
    }

    @Test
    @DisplayName("a deleted answer no longer counts: it leaves the leaderboard")
    void deletedAnswerWithdrawn() {
        Shown drill = postScheduled();
        String answer = discord.say(ANA, "Ana", drill.id(), LP_ANSWER);
        awaitFeedback(drill.id(), 1);
        String before = discord.slash(BEN, "Ben", DiscordStandIn.CHANNEL, "leaderboard", Map.of());
        discord.await(() -> has(before, "original"), WAIT, "the leaderboard");
        assertThat(text(before, "original")).contains("Ana");

        discord.delete(answer);

        discord.await(() -> {
            String after = discord.slash(BEN, "Ben", DiscordStandIn.CHANNEL, "leaderboard", Map.of());
            discord.await(() -> has(after, "original"), WAIT, "the leaderboard");
            return !text(after, "original").contains("Ana");
        }, WAIT, "Ana to leave the leaderboard");
    }

    @Test
    @DisplayName("an answer written before a restart can still be withdrawn by deleting it afterwards")
    void deleteAfterRestart() throws Exception {
        Shown drill = postScheduled();
        String answer = discord.say(ANA, "Ana", drill.id(), LP_ANSWER);
        awaitFeedback(drill.id(), 1);

        h.restartDiscord(); // the new process has never seen the message; the deletion event has no author
        discord.delete(answer);

        discord.await(() -> {
            String board = discord.slash(BEN, "Ben", DiscordStandIn.CHANNEL, "leaderboard", Map.of());
            discord.await(() -> has(board, "original"), WAIT, "the leaderboard");
            return !text(board, "original").contains("Ana");
        }, WAIT, "Ana to leave the leaderboard");
    }

    @Test
    @DisplayName("/drill's question option autocompletes from the bank")
    void autocomplete() {
        String typed = discord.autocomplete(ANA, "Ana", "drill", "question", "orders");
        discord.await(() -> has(typed, "callback-8"), WAIT, "the suggestions");
        JsonNode choices = discord.responses(typed).get(0).message().path("choices");
        assertThat(choices).hasSize(1);
        assertThat(choices.get(0).path("value").asText()).isEqualTo("sql-test-orders");
        assertThat(choices.get(0).path("name").asText()).isEqualTo("SQL · Orders per customer");
    }

    @Test
    @DisplayName("/hint inside a drill thread gives that drill's hint, privately")
    void hintCommandInThread() {
        Shown drill = postScheduled();
        String hint = discord.slash(ANA, "Ana", drill.id(), "hint", Map.of());
        discord.await(() -> has(hint, "original"), WAIT, "the hint");
        assertThat(discord.responses(hint).get(0).ephemeral()).isTrue();
        assertThat(text(hint, "original")).contains(drill.message().path("embeds").get(0).path("title").asText());
    }

    @Test
    @DisplayName("mentions in an answer ping no one: every message the bot sends in the thread allows no mentions")
    void answerMentionsPingNoOne() {
        Shown drill = postScheduled();
        discord.say(ANA, "Ana", drill.id(), "@everyone @here <@" + BEN + "> <@&1300000000000000001> " + LP_ANSWER);
        awaitFeedback(drill.id(), 1);

        List<Call> sent = discord.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().endsWith("/channels/" + drill.id() + "/messages")).toList();
        assertThat(sent).isNotEmpty().allSatisfy(c -> {
            JsonNode allowed = c.body().path("allowed_mentions");
            assertThat(allowed.isMissingNode()).as("allowed_mentions sent").isFalse();
            assertThat(allowed.path("parse")).isEmpty();
            assertThat(allowed.path("users")).isEmpty();
            assertThat(allowed.path("roles")).isEmpty();
        });
    }

    @Test
    @DisplayName("tell (no ephemeral messages outside interactions) is a visible message that pings only that user")
    void tellPingsOnlyTheUser() {
        h.platform.gateway().tell(h.channel.channel(), new dev.drillbot.core.chat.UserRef(ANA, "Ana"),
                dev.drillbot.core.chat.OutgoingMessage.plain("Your streak is 3. @everyone"));
        discord.await(() -> discord.in(DiscordStandIn.CHANNEL).size() == 1, WAIT, "the message");
        Call sent = discord.calls().stream().filter(c -> c.path().endsWith(DiscordStandIn.CHANNEL + "/messages"))
                .findFirst().orElseThrow();
        assertThat(sent.body().path("content").asText()).startsWith("<@" + ANA + ">").contains("streak is 3");
        assertThat(sent.body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(sent.body().path("allowed_mentions").path("users").get(0).asText()).isEqualTo(ANA);
    }

    @Test
    @DisplayName("after a session that cannot be resumed, the bot identifies anew and still takes answers in existing threads")
    void reidentifyKeepsThreads() {
        Shown drill = postScheduled();
        discord.expireSession();
        discord.await(() -> discord.identifies() == 2, WAIT, "a new session");

        discord.say(ANA, "Ana", drill.id(), LP_ANSWER);

        assertThat(awaitFeedback(drill.id(), 1).get(0).text()).contains("Ana");
    }

    @Test
    @DisplayName("replies posted while drillbot was stopped are read from the open thread at the next start and scored once")
    void catchUpAfterDowntime() throws Exception {
        Shown drill = postScheduled();
        discord.say(ANA, "Ana", drill.id(), LP_ANSWER);
        awaitFeedback(drill.id(), 1);

        h.stopDiscord();
        discord.say(BEN, "Ben", drill.id(), LP_ANSWER);
        discord.say("1200000000000000003", "Cy", drill.id(), LP_ANSWER);
        String edited = discord.say("1200000000000000004", "Dee", drill.id(), "First draft.");
        discord.edit(edited, LP_ANSWER);
        h.startDiscord();

        awaitFeedback(drill.id(), 4);
        idle();
        assertThat(feedbackIn(drill.id())).extracting(f -> f.text().contains("Ana") ? "Ana" : f.text().contains("Ben")
                ? "Ben" : f.text().contains("Cy") ? "Cy" : f.text().contains("Dee") ? "Dee" : f.text())
                .containsExactlyInAnyOrder("Ana", "Ben", "Cy", "Dee");
        assertThat(discord.historyReads.get()).isPositive();
        int scored = h.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM scores")) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
        assertThat(scored).isEqualTo(4);
    }

    @Test
    @DisplayName("/remind: an at-risk reminder arrives as a DM; a user who refuses DMs from the server is told in the channel")
    void reminderByDmOrInChannel() {
        Shown drill = postScheduled();
        discord.say(ANA, "Ana", drill.id(), LP_ANSWER);
        discord.say(BEN, "Ben", drill.id(), LP_ANSWER);
        awaitFeedback(drill.id(), 2);
        for (String user : List.of(ANA, BEN)) {
            String remind = discord.slash(user, user.equals(ANA) ? "Ana" : "Ben", DiscordStandIn.CHANNEL, "remind",
                    Map.of("args", "on 00:00"));
            discord.await(() -> has(remind, "original"), WAIT, "the /remind reply");
            assertThat(text(remind, "original")).contains("Reminder on: at 00:00");
        }
        discord.closedDms.add(BEN);
        int before = discord.in(DiscordStandIn.CHANNEL).size();
        h.clock.advance(java.time.Duration.ofDays(1)); // the next day: nothing practised yet

        assertThat(h.bot.nudges().tick()).isEqualTo(2);
        assertThat(discord.in(discord.dmChannel(ANA))).singleElement()
                .satisfies(dm -> assertThat(dm.text()).contains("Ana, your 1-day practice streak is at risk"));
        assertThat(discord.in(discord.dmChannel(BEN))).isEmpty();
        assertThat(discord.in(DiscordStandIn.CHANNEL).subList(before, discord.in(DiscordStandIn.CHANNEL).size()))
                .singleElement().satisfies(m -> assertThat(m.text()).contains("Ben, your 1-day practice streak is at risk"));
        assertThat(h.bot.nudges().tick()).as("once a day").isZero();
    }

    @Test
    @DisplayName("an update that changes nothing (no edit time, same text) is not scored again")
    void noOpUpdateIgnored() {
        Shown drill = postScheduled();
        String answer = discord.say(ANA, "Ana", drill.id(), LP_ANSWER);
        awaitFeedback(drill.id(), 1);
        discord.redeliver("MESSAGE_UPDATE", discord.message(answer)); // e.g. a link preview was added
        discord.edit(answer, LP_ANSWER); // an edit time, but the same text
        discord.say(BEN, "Ben", drill.id(), LP_ANSWER);

        awaitFeedback(drill.id(), 2);
        idle();
        assertThat(feedbackIn(drill.id())).extracting(Shown::text).satisfiesExactly(
                a -> assertThat(a).contains("Ana"), b -> assertThat(b).contains("Ben"));
    }

    @Test
    @DisplayName("a long answer Discord turned into message.txt is read from the file and scored")
    void answerInTextFile() {
        Shown drill = postScheduled();
        String story = LP_ANSWER + "\n" + "Afterwards I documented every step of the fix for the team. ".repeat(40);
        assertThat(story.length()).isGreaterThan(2000);

        discord.sayWithFile(ANA, "Ana", drill.id(), "", story);

        Shown feedback = awaitFeedback(drill.id(), 1).get(0);
        assertThat(feedback.text()).contains("Ana").contains("/100");
    }

    @Test
    @DisplayName("an answer in message.txt received but not handled before a crash is read from its file at the next"
            + " start (the message is fetched again), not scored on its empty typed text")
    void answerInTextFileAfterCrash() throws Exception {
        Shown drill = postScheduled();
        h.stopDiscord();
        String story = LP_ANSWER; // the whole answer is in the file; the typed text is empty
        String id = discord.sayWithFile(ANA, "Ana", drill.id(), "", story);
        // what a crash leaves: the event committed to the inbox with its file flag, never handled
        h.db.write(c -> {
            try (var st = c.prepareStatement("INSERT INTO inbox (platform, event_key, kind, channel_id, thread_id,"
                    + " user_id, user_name, message_id, text, sent_at, received_at, attached_file)"
                    + " VALUES ('discord', ?, 'answer', ?, ?, ?, 'Ana', ?, '', ?, ?, 1)")) {
                Object[] values = {"message:" + id, DiscordStandIn.CHANNEL, drill.id(), ANA, id,
                    System.currentTimeMillis(), System.currentTimeMillis()};
                for (int i = 0; i < values.length; i++) {
                    st.setObject(i + 1, values[i]);
                }
                return st.executeUpdate();
            }
        });
        h.startDiscord();

        Shown feedback = awaitFeedback(drill.id(), 1).get(0);
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("(\\d+)/100").matcher(feedback.text());
        assertThat(total.find()).as(feedback.text()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).as("scored on the file's story").isGreaterThanOrEqualTo(50);
        idle();
        assertThat(feedbackIn(drill.id())).hasSize(1);
    }

    @Test
    @DisplayName("a 50,000-character answer file is refused with a clear reply")
    void hugeTextFile() {
        Shown drill = postScheduled();
        discord.sayWithFile(ANA, "Ana", drill.id(), "my answer", "I owned it. ".repeat(4_200).substring(0, 49_989));

        discord.await(() -> discord.in(drill.id()).size() == 1, WAIT, "the refusal");
        assertThat(discord.in(drill.id()).get(0).message().path("content").asText()).contains("50,000")
                .contains("Nothing was scored");
    }

    @Test
    @DisplayName("after drillbot restarts, the buttons of an earlier drill and answers in its thread still work")
    void afterRestart() throws Exception {
        Shown drill = postScheduled();

        h.restartDiscord();

        assertThat(discord.identifies()).isEqualTo(2);
        String hint = discord.press(BEN, "Ben", drill.id(), DiscordRenderer.HINT);
        discord.await(() -> has(hint, "original"), WAIT, "the hint");
        assertThat(text(hint, "original")).containsAnyOf("Hint 1 of", "has no hints");
        discord.say(ANA, "Ana", drill.id(), LP_ANSWER);
        assertThat(awaitFeedback(drill.id(), 1).get(0).text()).contains("Ana");
    }

    @Test
    @DisplayName("a connection that stops acknowledging heartbeats is replaced, and answers keep flowing")
    void zombieConnection() {
        Shown drill = postScheduled();
        discord.holdDispatches(true);
        discord.stopAckingHeartbeats();
        String answer = discord.say(ANA, "Ana", drill.id(), LP_ANSWER);

        discord.await(() -> discord.resumes() == 1, WAIT, "the client to notice and resume");

        assertThat(awaitFeedback(drill.id(), 1).get(0).text()).contains("Ana");
        assertThat(answer).isNotBlank();
    }

    @Test
    @DisplayName("a rate-limited post is retried by JDA and the drill still appears exactly once")
    void rateLimitedPost() {
        discord.rateLimitNextPost();
        Shown drill = postScheduled();
        assertThat(discord.rateLimited()).isEqualTo(1);
        assertThat(discord.in(DiscordStandIn.CHANNEL)).containsExactly(drill);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private Shown postScheduled() {
        assertThat(h.bot.drills().postScheduled(h.channel, DiscordHarness.START))
                .isEqualTo(DrillService.PostOutcome.POSTED);
        return onlyDrill();
    }

    private Shown onlyDrill() {
        List<Shown> posts = discord.in(DiscordStandIn.CHANNEL);
        assertThat(posts).hasSize(1);
        discord.await(() -> discord.thread(posts.get(0).id()).isPresent(), WAIT, "the drill's thread");
        return posts.get(0);
    }

    private List<Shown> feedbackIn(String thread) {
        return discord.in(thread).stream().filter(s -> s.message().path("embeds").size() > 0
                && s.message().path("embeds").get(0).path("title").asText().contains("/100")).toList();
    }

    private List<Shown> awaitFeedback(String thread, int n) {
        discord.await(() -> feedbackIn(thread).size() >= n, WAIT, n + " feedback message(s) in the thread");
        return feedbackIn(thread);
    }

    private boolean has(String interaction, String kind) {
        return discord.responses(interaction).stream().anyMatch(s -> s.where().equals(kind));
    }

    private List<String> kinds(String interaction) {
        return discord.responses(interaction).stream().map(Shown::where).toList();
    }

    private String text(String interaction, String kind) {
        return discord.responses(interaction).stream().filter(s -> s.where().equals(kind)).map(Shown::text)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }

    /** Waits until every event the bot has received so far has been handled. */
    void idle() {
        try {
            assertThat(h.platform.awaitIdle(WAIT)).as("all received events handled").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
