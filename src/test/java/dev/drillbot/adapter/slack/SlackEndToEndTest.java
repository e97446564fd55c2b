package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.schedule.QuartzDrillScheduler;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.testing.MutableClock;
import dev.drillbot.testing.ScriptedScorer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Bolt app (App + SocketModeApp over Java-WebSocket) against a local Slack stand-in that
 * speaks the Web API and Socket Mode, with the real core on a SQLite file. Assertions are on what a
 * Slack user would see: the Web API calls and response_url posts the stand-in recorded.
 */
@DisplayName("Slack end to end (Bolt + Socket Mode against a local Slack)")
class SlackEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration ACK = Duration.ofSeconds(3);
    static final String CHANNEL = "C0PREP";
    static final String ANN = "U0ANN";

    @TempDir
    Path dir;

    SlackStandIn slack;
    final ScriptedScorer lp = new ScriptedScorer(Track.LP);
    final ScriptedScorer sql = new ScriptedScorer(Track.SQL);
    SlackPlatform platform;
    Database db;
    Drillbot bot;
    MutableClock clock;
    ChannelSettings channel;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final AtomicInteger tsSeq = new AtomicInteger();
    /** Slack's pace is one post a second per channel; here 20 times faster, so a burst of replies takes seconds. */
    static final Duration PACE = Duration.ofMillis(50);

    @BeforeEach
    void start() throws Exception {
        slack = SlackStandIn.start();
        clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        channel = new ChannelSettings(new ChannelRef("slack", CHANNEL), "0 0 9 ? * MON-FRI", ZoneOffset.UTC,
                TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2));
        platform = new SlackPlatform(new SlackSettings("xoxb-test-bot", "xapp-test-app", slack.apiUrl()).withPace(PACE, 5), clock,
                new SlackCalls(d -> {
                    waits.add(d);
                    Thread.sleep(d.toMillis());
                }));
        QuestionBankLoader.Result loaded = new QuestionBankLoader().loadDirectory(Path.of("src/test/resources/bank"));
        db = Database.open(dir.resolve("drillbot.db"));
        bot = Bot.assemble(loaded.bank(), new Scoring(List.of(lp, sql)),
                db, new Gateways(List.of(platform.gateway())), MustacheMessages.builtIn(),
                new ChannelDirectory(List.of(channel), ZoneOffset.UTC), 20_000, clock, new Random(7));
        platform.start(bot);
        slack.awaitConnections(1, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        lp.release();
        sql.release();
        platform.close();
        db.close();
        slack.close();
    }

    @Test
    @DisplayName("connects: auth.test with the bot token, apps.connections.open with the app token, then Socket Mode")
    void connects() {
        assertThat(slack.calls("auth.test")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-test-bot"));
        // Bolt asks twice at start-up (once building the client, once connecting); both with the app token.
        assertThat(slack.calls("apps.connections.open")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xapp-test-app"));
        assertThat(slack.connections()).isEqualTo(1);
    }

    @Test
    @DisplayName("a scheduled drill is posted exactly once, as Block Kit with a header, buttons and a text fallback")
    void scheduledDrillPostedOnce() throws Exception {
        Instant fire = clock.instant();
        Thread other = new Thread(() -> bot.drills().postScheduled(channel, fire));
        other.start();
        bot.drills().postScheduled(channel, fire);
        other.join();
        bot.drills().postScheduled(channel, fire);

        List<SlackStandIn.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        SlackStandIn.Call post = posts.get(0);
        assertThat(post.param("channel")).isEqualTo(CHANNEL);
        assertThat(post.param("text")).isNotBlank();
        assertThat(blockTypes(post, "blocks")).startsWith("header section").endsWith("context actions");
        assertThat(post.param("blocks")).contains("Today").contains(BlockKit.SKIP).contains(BlockKit.STATS)
                .contains("Reply *in this thread*");
        assertThat(bot.drillStore().byThread(channel.channel(), post.ts())).isPresent();
    }

    @Test
    @DisplayName("through the real Quartz adapter, a restart inside the grace window still posts the 09:00 drill only once")
    void scheduledThroughQuartzOnce() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:30:00Z"));
        try (QuartzDrillScheduler first = new QuartzDrillScheduler(List.of(channel), bot.drills(), clock)) {
            first.start();
        }
        try (QuartzDrillScheduler restarted = new QuartzDrillScheduler(List.of(channel), bot.drills(), clock)) {
            restarted.start();
        }
        List<SlackStandIn.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).param("channel")).isEqualTo(CHANNEL);
        assertThat(bot.drillStore().byThread(channel.channel(), posts.get(0).ts()).orElseThrow().fireTime())
                .contains(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    @DisplayName("/drill posts a practice drill; a thread reply gets a scored Block Kit reply in the same thread")
    void drillThenAnswerThenFeedback() throws Exception {
        String url = slack.newResponseUrl();
        deliver(Envelopes.slashCommand("/drill", "lp", ANN, CHANNEL, url));
        SlackStandIn.Call drill = slack.await("chat.postMessage", c -> c.param("thread_ts") == null, WAIT);
        assertThat(drill.param("blocks")).contains("Practice");
        SlackStandIn.Call note = slack.await("response_url", c -> c.param("url").contains(url.substring(url.indexOf("/respond/"))), WAIT);
        assertThat(note.param("response_type")).isEqualTo("ephemeral");
        assertThat(note.param("text")).contains("Practice drill posted");

        answer(drill.ts(), ts(), "I owned the outage and the result was 40% fewer pages. score=82");

        SlackStandIn.Call feedback = slack.await("chat.postMessage", c -> drill.ts().equals(c.param("thread_ts")), WAIT);
        assertThat(feedback.param("channel")).isEqualTo(CHANNEL);
        assertThat(feedback.param("text")).contains("82/100").contains("Ann U0ANN");
        assertThat(feedback.param("blocks")).contains("82/100").contains("Top fixes").contains("scripted feedback")
                .contains("█");
    }

    @Test
    @DisplayName("/stories export: conversations.open, files.getUploadURLExternal, the bytes, files.completeUploadExternal in the DM")
    void storiesExportAsFile() throws Exception {
        String url = slack.newResponseUrl();
        deliver(Envelopes.slashCommand("/drill", "lp", ANN, CHANNEL, url));
        SlackStandIn.Call drill = slack.await("chat.postMessage", c -> c.param("thread_ts") == null, WAIT);
        slack.await("response_url", c -> c.param("url").contains(url.substring(url.indexOf("/respond/"))), WAIT);
        answer(drill.ts(), ts(), "I owned the outage and the result was 40% fewer pages. score=82");
        slack.await("chat.postMessage", c -> drill.ts().equals(c.param("thread_ts")), WAIT);

        assertThat(slash("/stories", "export").param("text")).contains("Sent you your story bank (1 stories) as drillbot-stories.md");
        SlackStandIn.Call open = slack.await("conversations.open", c -> true, WAIT);
        assertThat(open.param("users")).isEqualTo(ANN);
        SlackStandIn.Call target = slack.await("files.getUploadURLExternal", c -> true, WAIT);
        assertThat(target.param("filename")).isEqualTo("drillbot-stories.md");
        SlackStandIn.Call upload = slack.await("upload", c -> true, WAIT);
        assertThat(upload.param("length")).isEqualTo(target.param("length"));
        String md = new String(slack.uploaded(upload.param("file_id")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(md).startsWith("# Story bank of Ann").contains("- Best score: 82/100", "40% fewer pages");
        SlackStandIn.Call complete = slack.await("files.completeUploadExternal", c -> true, WAIT);
        assertThat(complete.param("channel_id")).isEqualTo("D" + ANN);
        assertThat(complete.param("files")).contains(upload.param("file_id"));
        assertThat(complete.param("initial_comment")).contains("Your story bank: 1 stories");
        assertThat(slack.calls("chat.postMessage")).as("nothing public beyond the drill and its feedback").hasSize(2);
    }

    @Test
    @DisplayName("the digest with its leaderboard: the picture shared in the channel with the digest, escaped, as its comment")
    void announcementWithPicture() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        assertThat(platform.gateway().announceFile(new dev.drillbot.core.chat.ChannelRef("slack", CHANNEL),
                dev.drillbot.core.chat.OutgoingMessage.plain("📅 Weekly digest\n1. <!channel> Cy — 20 pts"),
                new dev.drillbot.core.chat.OutgoingFile("drillbot-leaderboard.png", "image/png", png, ""))).isTrue();
        SlackStandIn.Call target = slack.await("files.getUploadURLExternal", c -> true, WAIT);
        assertThat(target.param("filename")).isEqualTo("drillbot-leaderboard.png");
        SlackStandIn.Call upload = slack.await("upload", c -> true, WAIT);
        assertThat(slack.uploaded(upload.param("file_id"))).isEqualTo(png);
        assertThat(upload.param("content_type")).isEqualTo("image/png");
        SlackStandIn.Call complete = slack.await("files.completeUploadExternal", c -> true, WAIT);
        assertThat(complete.param("channel_id")).isEqualTo(CHANNEL);
        assertThat(complete.param("initial_comment")).contains("Weekly digest", "&lt;!channel&gt; Cy").doesNotContain("<!channel>");
        assertThat(slack.calls("conversations.open")).as("in the channel, not a DM").isEmpty();
    }

    @Test
    @DisplayName("/streak after an answer is answered ephemerally with the streak")
    void streakAfterAnswer() throws Exception {
        String drillTs = postScheduledDrill();
        answer(drillTs, ts(), "The result: p95 down 30%. score=70");
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);

        SlackStandIn.Call streak = barrier();
        assertThat(streak.param("response_type")).isEqualTo("ephemeral");
        assertThat(streak.param("text")).contains("Channel drill streak 1").contains("practice streak 1 day(s)");
        assertThat(slack.calls("chat.postMessage")).hasSize(2); // the drill and the feedback, nothing public

        // the practice streak counts days in the zone of the user's Slack profile (users.info tz) ...
        assertThat(streak.param("text")).contains("in America/Los_Angeles").doesNotContain("set yours with /timezone");
        assertThat(slash("/timezone", "").param("text")).contains("America/Los_Angeles (from your profile");
        // ... until they choose one; the personal loop's commands, as Slack sends them, answered privately
        assertThat(slash("/timezone", "Europe/Lisbon").param("text")).contains("now Europe/Lisbon");
        assertThat(slash("/pause", "2w").param("text")).contains("Paused for 14 day(s)");
        SlackStandIn.Call again = streak(ANN);
        assertThat(again.param("response_type")).isEqualTo("ephemeral");
        assertThat(again.param("text")).contains("in Europe/Lisbon").contains("Paused through");
        assertThat(slash("/resume", "").param("text")).contains("Welcome back");
        assertThat(slash("/review", "").param("text")).contains("Nothing to review"); // 70: solid, no review item
        assertThat(slash("/pause", "&lt;!channel&gt; forever").param("text")).contains("is not a pause")
                .doesNotContain("<!channel>");
    }

    @Test
    @DisplayName("/remind on 20:00: when the streak is at risk the reminder arrives as a DM from the app, once that day")
    void reminderArrivesAsDm() throws Exception {
        String drillTs = postScheduledDrill();
        answer(drillTs, ts(), "The result: p95 down 30%. score=70"); // 01:00 on 2 March in Ann's profile zone
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);
        barrier();
        assertThat(slash("/remind", "on 20:00").param("text")).contains("Reminder on: at 20:00");
        clock.set(Instant.parse("2026-03-04T04:05:00Z")); // 20:05 on 3 March in America/Los_Angeles
        assertThat(bot.nudges().tick()).isEqualTo(1);
        SlackStandIn.Call dm = slack.await("chat.postMessage", c -> ANN.equals(c.param("channel")), WAIT);
        assertThat(dm.param("text")).contains("1-day practice streak is at risk", "America/Los_Angeles");
        assertThat(bot.nudges().tick()).isZero();
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> ANN.equals(c.param("channel")))).hasSize(1);
    }

    SlackStandIn.Call slash(String command, String text) throws InterruptedException {
        String url = slack.newResponseUrl();
        deliver(Envelopes.slashCommand(command, text, ANN, CHANNEL, url));
        SlackStandIn.Call reply = slack.await("response_url", c -> c.param("url").endsWith(url.substring(url.indexOf("/respond/"))), WAIT);
        assertThat(reply.param("response_type")).isEqualTo("ephemeral");
        return reply;
    }

    @Test
    @DisplayName("a flood of slow answers from one user holds up neither another user's answer nor /streak in the channel")
    void floodHoldsUpNoOneElse() throws Exception {
        String drillTs = postScheduledDrill();
        for (int i = 0; i < 30; i++) {
            deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.threadReply("U0BEN", CHANNEL, drillTs, ts(),
                    "hold: the result was " + i + " score=40"), 0));
        }
        answer(drillTs, ts(), "The result: p95 down 30%. score=88");

        SlackStandIn.Call feedback = slack.await("chat.postMessage",
                c -> drillTs.equals(c.param("thread_ts")) && c.param("text").contains("88/100"), WAIT);
        assertThat(feedback.param("text")).contains("Ann U0ANN");
        assertThat(streak(ANN).param("text")).contains("Channel drill streak 1");
        // Ben's answers wait in his own lane, one at a time, in the order he sent them
        assertThat(held()).hasSize(1);
        assertThat(repliesIn(drillTs)).hasSize(1);

        lp.release();
        sql.release();
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")) && c.param("text").contains("40/100")
                && repliesIn(drillTs).size() == 31, WAIT);
        assertThat(held()).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30)
                        .mapToObj(i -> "hold: the result was " + i + " score=40").toList());
    }

    @Test
    @DisplayName("replies keep to the channel's pace: after a burst of 5, no more than one post per interval reaches Slack")
    void repliesKeepTheChannelsPace() throws Exception {
        String drillTs = postScheduledDrill();
        int answers = 14;
        for (int i = 0; i < answers; i++) {
            deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.threadReply("U0P" + i, CHANNEL, drillTs, ts(),
                    "The result: p95 down " + (10 + i) + "%. score=" + (60 + i)), 0));
        }
        slack.await("chat.postMessage", c -> repliesIn(drillTs).size() == answers, WAIT);
        List<SlackStandIn.Call> posts = repliesIn(drillTs);
        // how much later one request may reach the stand-in than another after leaving at its slot (a loaded
        // machine); one interval, so the check still fails when the posts are not paced at all
        long tolerance = PACE.toNanos();
        for (int i = 0; i < posts.size(); i++) {
            for (int j = i + 1; j < posts.size(); j++) {
                // at most burst + elapsed/interval posts in any window (the GCRA bound)
                long least = (j - i + 1 - 5) * PACE.toNanos() - tolerance;
                assertThat(posts.get(j).nanos() - posts.get(i).nanos()).as("posts %d..%d", i, j)
                        .isGreaterThanOrEqualTo(least);
            }
        }
        assertThat(posts).extracting(c -> c.param("text")).allMatch(t -> t.contains("/100"));
    }

    @Test
    @DisplayName("replies posted while drillbot was stopped are read back with the user token at the next start, 15 at a"
            + " time, and scored once each")
    void catchUpAfterDowntime() throws Exception {
        String drillTs = postScheduledDrill();
        answer(drillTs, ts(), "The result: p95 down 30%. score=81");
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);

        platform.close();
        for (int i = 0; i < 17; i++) {
            slack.replyWhileAway("U0AWAY" + i, CHANNEL, drillTs, ts(), "While you were out, the result: " + i
                    + " fewer pages. score=" + (60 + i));
        }
        platform = new SlackPlatform(new SlackSettings("xoxb-test-bot", "xapp-test-app", slack.apiUrl(),
                java.util.Optional.of("xoxp-test-user")).withPace(PACE, 5), clock, new SlackCalls(d -> { }));
        platform.start(bot);
        slack.awaitConnections(2, WAIT);

        slack.await("chat.postMessage", c -> repliesIn(drillTs).size() >= 18, WAIT);
        assertThat(platform.awaitIdle(WAIT)).isTrue();
        assertThat(repliesIn(drillTs)).hasSize(18);
        for (int i = 0; i < 17; i++) {
            String user = "U0AWAY" + i;
            assertThat(repliesIn(drillTs)).filteredOn(c -> c.param("text").contains(user + ":")).singleElement()
                    .satisfies(c -> assertThat(c.param("text")).contains("/100"));
        }
        assertThat(slack.calls("conversations.replies")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxp-test-user"));
    }

    @Test
    @DisplayName("mentions typed in an answer are quoted back inert: no <!channel>, <!here>, <@U…> or <#C…> reaches Slack live")
    void typedMentionsInert() throws Exception {
        String drillTs = postScheduledDrill();
        // typed text arrives with &, < and > escaped, as Slack sends it
        answer(drillTs, ts(), "echo &lt;!channel&gt; &lt;!here&gt; ping &lt;@U0BEN&gt; in &lt;#C0OTHER&gt;,"
                + " &lt;!subteam^S0TEAM&gt; a &amp;&amp; b. The result was fine. score=70");

        SlackStandIn.Call feedback = slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);
        String shown = feedback.param("text") + "\n" + String.join("\n", blockTexts(feedback));
        assertThat(shown).contains("&lt;!channel&gt;").contains("&lt;@U0BEN&gt;").contains("&amp;&amp;")
                .doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<@U0BEN>")
                .doesNotContain("<#C0OTHER>").doesNotContain("<!subteam");
        assertThat(feedback.param("link_names")).isIn(null, "0", "false");
    }

    /** Every text a message's blocks show, as Slack reads it (JSON-decoded). */
    static List<String> blockTexts(SlackStandIn.Call call) {
        List<String> out = new java.util.ArrayList<>();
        collectTexts(call.json("blocks"), out);
        return out;
    }

    private static void collectTexts(com.google.gson.JsonElement e, List<String> out) {
        if (e == null || e.isJsonNull()) {
            return;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collectTexts(x, out));
        } else if (e.isJsonObject()) {
            for (var entry : e.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals("text") && entry.getValue().isJsonPrimitive()) {
                    out.add(entry.getValue().getAsString());
                } else {
                    collectTexts(entry.getValue(), out);
                }
            }
        }
    }

    @Test
    @DisplayName("opening the App Home publishes streaks, coverage bars, recent scores and the next drill")
    void appHomePublished() throws Exception {
        String drillTs = postScheduledDrill();
        answer(drillTs, ts(), "The result was great. score=64");
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);

        deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.appHomeOpened(ANN, ts()), 0));
        SlackStandIn.Call publish = slack.await("views.publish", c -> ANN.equals(c.param("user_id")), WAIT);
        JsonObject view = publish.json("view").getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        String blocks = view.get("blocks").toString();
        assertThat(blocks).contains("Current streak: 1").contains("Leadership Principles").contains("Dive Deep")
                .contains("SQL topics").contains("Recent scores").contains("64/100").contains("Next recommended drill")
                .contains("/drill ");
    }

    @Test
    @DisplayName("the Hint button answers ephemerally with the drill's next hint")
    void hintButton() throws Exception {
        String url = slack.newResponseUrl();
        deliver(Envelopes.slashCommand("/drill", "dive-deep", ANN, CHANNEL, url));
        SlackStandIn.Call drill = slack.await("chat.postMessage", c -> c.param("thread_ts") == null, WAIT);
        assertThat(drill.param("blocks")).contains(BlockKit.HINT);
        // The command's note comes once the drill is stored with its thread.
        slack.await("response_url", c -> c.param("url").contains(url.substring(url.indexOf("/respond/"))), WAIT);
        String drillTs = drill.ts();
        String questionId = bot.drillStore().byThread(channel.channel(), drillTs).orElseThrow().questionId();
        deliver(Envelopes.blockAction(BlockKit.HINT, questionId, ANN, CHANNEL, drillTs, slack.newResponseUrl()));

        SlackStandIn.Call hint = slack.await("chat.postEphemeral", c -> ANN.equals(c.param("user")), WAIT);
        assertThat(hint.param("channel")).isEqualTo(CHANNEL);
        assertThat(hint.param("text")).contains("Hint 1 of 2").contains("Name the metric that looked wrong");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @DisplayName("a rate-limited post (429, Retry-After) is retried after the wait and posted once")
    void rateLimitedThenPosted() throws Exception {
        slack.rateLimit("chat.postMessage", 1);
        String drillTs = postScheduledDrill();

        assertThat(slack.allCalls("chat.postMessage")).extracting(SlackStandIn.Call::status).containsExactly(429, 200);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(bot.drillStore().byThread(channel.channel(), drillTs)).isPresent();
    }

    @Test
    @DisplayName("feedback rate-limited twice is still replied exactly once in the thread")
    void rateLimitedFeedbackOnce() throws Exception {
        String drillTs = postScheduledDrill();
        slack.rateLimit("chat.postMessage", 2);
        answer(drillTs, ts(), "The result: 2x faster. score=91");
        barrier();

        assertThat(slack.allCalls("chat.postMessage").stream().filter(c -> drillTs.equals(c.param("thread_ts"))))
                .extracting(SlackStandIn.Call::status).containsExactly(429, 429, 200);
        assertThat(repliesIn(drillTs)).singleElement().satisfies(c -> assertThat(c.param("text")).contains("91/100"));
    }

    @Test
    @DisplayName("a disconnect envelope makes the app reconnect through apps.connections.open and keep working")
    void disconnectThenReconnect() throws Exception {
        int urlsBefore = slack.calls("apps.connections.open").size();
        slack.deliver(Envelopes.disconnect());
        slack.awaitConnections(2, WAIT);
        assertThat(slack.calls("apps.connections.open")).hasSize(urlsBefore + 1);

        SlackStandIn.Call streak = barrier();
        assertThat(streak.param("text")).contains("streak");
    }

    @Test
    @DisplayName("a re-delivered event (same event_id, and the same message again) is scored once")
    void duplicateDeliveryScoredOnce() throws Exception {
        String drillTs = postScheduledDrill();
        String messageTs = ts();
        var event = Envelopes.threadReply(ANN, CHANNEL, drillTs, messageTs, "The result held. score=77");
        String eventId = Envelopes.newEventId();
        deliver(Envelopes.eventsApi(eventId, event, 0));
        deliver(Envelopes.eventsApi(eventId, event, 1));
        deliver(Envelopes.eventsApi(Envelopes.newEventId(), event, 0));
        barrier();

        assertThat(repliesIn(drillTs)).hasSize(1);
        assertThat(repliesIn(drillTs).get(0).param("text")).contains("77/100");
    }

    @Test
    @DisplayName("a 50,000-character reply is refused with a reply in the thread, within Slack's limits")
    void hugeReply() throws Exception {
        String drillTs = postScheduledDrill();
        answer(drillTs, ts(), "word ".repeat(9_999) + "word!");

        SlackStandIn.Call reply = slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);
        assertThat(reply.param("text")).contains("50,000").contains("Nothing was scored");
        assertThat(reply.param("text").length()).isLessThanOrEqualTo(SlackText.FALLBACK_CHARS + 100);
    }

    @Test
    @DisplayName("the bot's own messages in a drill thread are ignored")
    void ownMessageIgnored() throws Exception {
        String drillTs = postScheduledDrill();
        deliver(Envelopes.eventsApi(Envelopes.newEventId(),
                Envelopes.ownMessage(CHANNEL, drillTs, ts(), "Ann: 80/100 · strong"), 0));
        barrier();

        assertThat(repliesIn(drillTs)).isEmpty();
    }

    @Test
    @DisplayName("an edited answer is re-scored; a deleted one is withdrawn")
    void editAndDelete() throws Exception {
        String drillTs = postScheduledDrill();
        String messageTs = ts();
        answer(drillTs, messageTs, "First try. score=40");
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);

        deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.messageChanged(ANN, CHANNEL, drillTs, messageTs,
                "First try. score=40", "Better, with a result. score=90", ts()), 0));
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")) && c.param("text").contains("90/100"), WAIT);

        deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.messageDeleted(ANN, CHANNEL, drillTs, messageTs,
                "Better, with a result. score=90", ts()), 0));
        barrier();
        assertThat(bot.progress().leaderboard(channel.channel(), Instant.EPOCH)).isEmpty();
    }

    @Test
    @DisplayName("envelopes are acknowledged before the work: /drill is acked while its post still waits out a 429")
    void ackBeforeWork() throws Exception {
        slack.rateLimit("chat.postMessage", 1);
        Envelopes.Envelope command = Envelopes.slashCommand("/drill", "sql", ANN, CHANNEL, slack.newResponseUrl());
        slack.deliver(command.json());
        String ack = slack.awaitAck(command.id(), ACK);

        assertThat(ack).isEqualTo("{\"envelope_id\":\"" + command.id() + "\"}");
        assertThat(slack.calls("chat.postMessage")).as("posted only after the ack").isEmpty();
        SlackStandIn.Call drill = slack.await("chat.postMessage", c -> c.param("thread_ts") == null, WAIT);
        assertThat(drill.param("blocks")).contains("SQL");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    @DisplayName("Skip posts a new practice drill of the same track; My stats answers with streak and gaps, ephemerally")
    void skipAndStats() throws Exception {
        String drillTs = postScheduledDrill();
        Track track = bot.drillStore().byThread(channel.channel(), drillTs).orElseThrow().track();

        deliver(Envelopes.blockAction(BlockKit.SKIP, track.slug(), ANN, CHANNEL, drillTs, slack.newResponseUrl()));
        SlackStandIn.Call practice = slack.await("chat.postMessage",
                c -> c.param("thread_ts") == null && !drillTs.equals(c.ts()), WAIT);
        assertThat(practice.param("blocks")).contains("Practice").contains(track.displayName());

        deliver(Envelopes.blockAction(BlockKit.STATS, "stats", ANN, CHANNEL, drillTs, slack.newResponseUrl()));
        SlackStandIn.Call stats = slack.await("chat.postEphemeral", c -> ANN.equals(c.param("user")), WAIT);
        assertThat(stats.param("text")).contains("practice streak").contains("Ann U0ANN");
        assertThat(stats.param("blocks")).isNotBlank();
    }

    @Test
    @DisplayName("/leaderboard is answered in the channel with display names, not mentions")
    void leaderboardInChannel() throws Exception {
        String drillTs = postScheduledDrill();
        answer(drillTs, ts(), "The result was measured. score=88");
        slack.await("chat.postMessage", c -> drillTs.equals(c.param("thread_ts")), WAIT);

        String url = slack.newResponseUrl();
        deliver(Envelopes.slashCommand("/leaderboard", "", ANN, CHANNEL, url));
        SlackStandIn.Call board = slack.await("response_url",
                c -> c.param("url").contains(url.substring(url.indexOf("/respond/"))), WAIT);
        assertThat(board.param("response_type")).isEqualTo("in_channel");
        assertThat(board.param("text")).contains("Ann U0ANN").contains("88").doesNotContain("<@");
    }

    // ---- helpers

    /** A message ts at the test clock's time, unique per test. */
    String ts() {
        Instant now = clock.instant();
        return now.getEpochSecond() + "." + String.format("%06d", 500 + tsSeq.incrementAndGet());
    }

    String postScheduledDrill() throws InterruptedException {
        assertThat(bot.drills().postScheduled(channel, clock.instant())).isEqualTo(DrillService.PostOutcome.POSTED);
        return slack.await("chat.postMessage", c -> c.param("thread_ts") == null, WAIT).ts();
    }

    void deliver(Envelopes.Envelope envelope) throws InterruptedException {
        slack.deliver(envelope.json());
        assertThat(slack.awaitAck(envelope.id(), ACK)).contains(envelope.id());
    }

    void answer(String threadTs, String ts, String text) throws InterruptedException {
        deliver(Envelopes.eventsApi(Envelopes.newEventId(), Envelopes.threadReply(ANN, CHANNEL, threadTs, ts, text), 0));
    }

    /** Waits until everything delivered so far has been handled, then runs /streak and waits for its answer. */
    SlackStandIn.Call barrier() throws InterruptedException {
        assertThat(platform.awaitIdle(WAIT)).as("all delivered events handled").isTrue();
        return streak(ANN);
    }

    /** The slow answers the scorers have started on, in order. */
    List<String> held() {
        return java.util.stream.Stream.concat(lp.seen().stream(), sql.seen().stream())
                .filter(a -> a.startsWith("hold")).toList();
    }

    SlackStandIn.Call streak(String user) throws InterruptedException {
        String url = slack.newResponseUrl();
        deliver(Envelopes.slashCommand("/streak", "", user, CHANNEL, url));
        return slack.await("response_url", c -> c.param("url").endsWith(url.substring(url.indexOf("/respond/"))), WAIT);
    }

    List<SlackStandIn.Call> repliesIn(String threadTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> threadTs.equals(c.param("thread_ts"))).toList();
    }

    static String blockTypes(SlackStandIn.Call call, String param) {
        JsonArray blocks = call.json(param).getAsJsonArray();
        StringBuilder sb = new StringBuilder();
        blocks.forEach(b -> sb.append(b.getAsJsonObject().get("type").getAsString()).append(' '));
        return sb.toString().strip();
    }
}
