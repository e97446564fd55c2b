package dev.drillbot.core;

import dev.drillbot.testing.TestStore;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.AnswerService.Outcome;
import dev.drillbot.core.drill.DrillService.PostOutcome;
import dev.drillbot.testing.RecordingGateway;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The daily drill loop on a real store")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class DrillLoopTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    /** Monday 2026-11-23 09:00 in Los Angeles. */
    static final Instant NINE_AM = Instant.parse("2026-11-23T17:00:00Z");
    static final UserRef ANA = new UserRef("U1", "Ana");
    static final UserRef BEN = new UserRef("U2", "Ben");

    @TempDir
    Path dir;
    TestBot t;

    @BeforeEach
    void start() {
        t = new TestBot(store, dir, LA, NINE_AM);
    }

    @AfterEach
    void stop() {
        if (t != null) { // null when the store was skipped
            t.close();
        }
    }

    private ThreadRef postDrill() {
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.POSTED);
        return new ThreadRef(TestBot.CHANNEL, t.gateway.posts().get(t.gateway.posts().size() - 1).threadId());
    }

    private Outcome answer(UserRef user, ThreadRef thread, String text, String messageId) {
        return t.bot.answers().receive(new AnswerReceived(user, thread, text, t.clock.instant(), messageId));
    }

    @Test
    @DisplayName("a fire time claimed by an instance that died before posting is posted by another once the claim's lease runs out")
    void deadClaimerIsTakenOver() {
        // instance A claims the fire time and is killed before its post reaches the platform
        var store = new dev.drillbot.adapter.store.SqliteDrillStore(t.db);
        assertThat(store.claim(new dev.drillbot.core.drill.DrillStore.NewDrill(t.channel.channel(),
                dev.drillbot.core.drill.Drill.Kind.SCHEDULED, java.util.Optional.of(NINE_AM), NINE_AM.atZone(LA).toLocalDate(),
                "lp-ownership-01", dev.drillbot.core.bank.Track.LP, "", NINE_AM, NINE_AM.plus(Duration.ofHours(24))))).isPresent();
        // while A might still be posting, nobody else posts
        t.clock.set(NINE_AM.plus(Duration.ofMinutes(1)));
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.ALREADY_POSTED);
        assertThat(t.gateway.posts()).isEmpty();
        // after the lease, instance B (here the same bot) takes the fire time over and posts it, once
        t.clock.set(NINE_AM.plus(dev.drillbot.core.drill.DrillStore.CLAIM_LEASE).plus(Duration.ofSeconds(30)));
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.POSTED);
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.ALREADY_POSTED);
        assertThat(t.gateway.posts()).hasSize(1);
        // and A, were it only slow, cannot attach its own thread over B's
        long id = store.latest(t.channel.channel()).orElseThrow().id();
        store.attachThread(id, "late-thread-of-A");
        assertThat(store.byId(id).orElseThrow().threadId()).contains(t.gateway.posts().get(0).threadId());
    }

    /** Instance A's claim of the fire time, as its store wrote it before A died. */
    private dev.drillbot.core.drill.Drill deadClaim(String questionId, dev.drillbot.core.bank.Track track) {
        return new dev.drillbot.adapter.store.SqliteDrillStore(t.db).claim(new dev.drillbot.core.drill.DrillStore.NewDrill(
                t.channel.channel(), dev.drillbot.core.drill.Drill.Kind.SCHEDULED, java.util.Optional.of(NINE_AM),
                NINE_AM.atZone(LA).toLocalDate(), questionId, track, "", NINE_AM, NINE_AM.plus(Duration.ofHours(24))))
                .orElseThrow();
    }

    @Test
    @DisplayName("a takeover posts the question the dead claimer chose, under the drill's key, with the time of its attempt")
    void takeoverPostsTheFirstClaimersQuestion() {
        // the channel alternates tracks: a new pick after this LP claim would be a SQL question
        var claim = deadClaim("lp-test-dive-deep", dev.drillbot.core.bank.Track.LP);
        t.clock.set(NINE_AM.plus(Duration.ofMinutes(3)));
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.POSTED);

        var post = (OutgoingMessage.DrillPost) t.gateway.posts().get(0).message();
        assertThat(post.question().id()).isEqualTo("lp-test-dive-deep");
        assertThat(post.key()).isEqualTo("drill-" + claim.id());
        assertThat(post.earlierAttempt()).contains(NINE_AM);
        var drill = t.bot.drillStore().byId(claim.id()).orElseThrow();
        assertThat(drill.questionId()).isEqualTo("lp-test-dive-deep");
        assertThat(drill.threadId()).contains(t.gateway.posts().get(0).threadId());
    }

    @Test
    @DisplayName("a takeover whose first question has left the bank posts another of the same track")
    void takeoverOfAQuestionNoLongerInTheBank() {
        var claim = deadClaim("lp-removed-since", dev.drillbot.core.bank.Track.LP);
        t.clock.set(NINE_AM.plus(Duration.ofMinutes(3)));
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.POSTED);

        var post = (OutgoingMessage.DrillPost) t.gateway.posts().get(0).message();
        assertThat(post.question().track()).isEqualTo(dev.drillbot.core.bank.Track.LP);
        assertThat(post.key()).isEqualTo("drill-" + claim.id());
        assertThat(post.earlierAttempt()).contains(NINE_AM);
        assertThat(t.bot.drillStore().byId(claim.id()).orElseThrow().questionId()).isEqualTo(post.question().id());
    }

    @Test
    @DisplayName("a drill posted without a takeover carries its key and no earlier attempt")
    void ordinaryPostHasAKey() {
        postDrill();
        var post = (OutgoingMessage.DrillPost) t.gateway.posts().get(0).message();
        var drill = t.bot.drillStore().latest(t.channel.channel()).orElseThrow();
        assertThat(post.key()).isEqualTo("drill-" + drill.id());
        assertThat(post.earlierAttempt()).isEmpty();
    }

    @Test
    @DisplayName("a scheduled fire time posts exactly one drill, however often it is offered")
    void exactlyOncePerFireTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<PostOutcome>> tries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tries.add(() -> t.bot.drills().postScheduled(t.channel, NINE_AM));
        }
        List<PostOutcome> outcomes = new ArrayList<>();
        for (Future<PostOutcome> f : pool.invokeAll(tries)) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o == PostOutcome.POSTED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o != PostOutcome.POSTED).containsOnly(PostOutcome.ALREADY_POSTED);
        assertThat(t.gateway.posts()).hasSize(1);

        // a second fire on the same day is its own drill
        t.clock.advance(Duration.ofHours(6));
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM.plus(Duration.ofHours(6))))
                .isEqualTo(PostOutcome.POSTED);
        assertThat(t.gateway.posts()).hasSize(2);
    }

    @Test
    @DisplayName("after downtime a missed drill is posted late inside the grace window and skipped outside it")
    void graceWindow() {
        t.clock.set(NINE_AM.plus(Duration.ofMinutes(90)));
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.POSTED);

        Instant yesterday = NINE_AM.minus(Duration.ofDays(1));
        assertThat(t.bot.drills().postScheduled(t.channel, yesterday)).isEqualTo(PostOutcome.SKIPPED_TOO_LATE);
        assertThat(t.gateway.posts()).hasSize(1);
    }

    @Test
    @DisplayName("a failed post can be retried and then posts once")
    void failedPostIsReleased() {
        t.gateway.failPosts(true);
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.FAILED);
        t.gateway.failPosts(false);
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.POSTED);
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.ALREADY_POSTED);
    }

    @Test
    @DisplayName("mixed channels alternate LP and SQL")
    void mixedAlternates() {
        for (int day = 0; day < 4; day++) {
            Instant fire = NINE_AM.plus(Duration.ofDays(day));
            t.clock.set(fire);
            t.bot.drills().postScheduled(t.channel, fire);
        }
        List<String> tracks = t.gateway.posts().stream()
                .map(p -> ((OutgoingMessage.DrillPost) p.message()).question().track().slug()).toList();
        assertThat(tracks).containsExactly("lp", "sql", "lp", "sql");
    }

    @Test
    @DisplayName("an answer is stored, scored and answered in the same thread with score and streak")
    void answerScoredInThread() throws Exception {
        ThreadRef thread = postDrill();
        t.clock.advance(Duration.ofMinutes(5));
        assertThat(answer(ANA, thread, "I fixed it. result: 40% faster score=80", "m1")).isEqualTo(Outcome.SCORED);

        RecordingGateway.Sent reply = t.gateway.lastReply();
        assertThat(reply.threadId()).isEqualTo(thread.id());
        assertThat(reply.message()).isInstanceOf(OutgoingMessage.Feedback.class);
        assertThat(reply.message().text()).contains("Ana", "80/100", "scripted feedback", "Streak: 1 (longest 1)");
        assertThat(count("SELECT count(*) FROM answers WHERE status = 'scored'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM score_dimensions")).isEqualTo(2);
    }

    @Test
    @DisplayName("the answer row is committed before scoring, so a scorer failure loses nothing")
    void answerKeptWhenScoringFails() throws Exception {
        ThreadRef thread = postDrill();
        assertThat(answer(ANA, thread, "boom", "m1")).isEqualTo(Outcome.SCORING_FAILED);
        assertThat(count("SELECT count(*) FROM answers WHERE status = 'failed' AND text = 'boom'")).isEqualTo(1);
        assertThat(t.gateway.lastReply().message().text()).contains("saved", "scoring it failed");
    }

    @Test
    @DisplayName("when the grader is unavailable the answer is kept, not counted, and the user is told to resend")
    void graderUnavailable() throws Exception {
        ThreadRef thread = postDrill();
        assertThat(answer(ANA, thread, "busy", "m1")).isEqualTo(Outcome.SCORING_FAILED);
        assertThat(t.gateway.lastReply().message().text()).contains("saved but was not graded", "busy",
                "does not count against you");
        assertThat(count("SELECT count(*) FROM answers WHERE status = 'failed'")).isEqualTo(1);
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).isEmpty();
    }

    @Test
    @DisplayName("a re-delivered message is scored once")
    void duplicateDelivery() {
        ThreadRef thread = postDrill();
        assertThat(answer(ANA, thread, "result score=70", "m1")).isEqualTo(Outcome.SCORED);
        assertThat(answer(ANA, thread, "result score=70", "m1")).isEqualTo(Outcome.DUPLICATE);
        assertThat(t.lp.seen().size() + t.sql.seen().size()).isEqualTo(1);
        assertThat(t.gateway.replies()).hasSize(1);
    }

    @Test
    @DisplayName("empty and oversized answers get a clear reply and are not scored")
    void badAnswers() {
        ThreadRef thread = postDrill();
        assertThat(answer(ANA, thread, "   \n ", "m1")).isEqualTo(Outcome.EMPTY);
        assertThat(t.gateway.lastReply().message().text()).contains("empty");
        assertThat(answer(ANA, thread, "x".repeat(20_001), "m2")).isEqualTo(Outcome.TOO_LONG);
        assertThat(t.gateway.lastReply().message().text()).contains("20,001", "20,000");
        assertThat(t.lp.seen()).isEmpty();
        assertThat(t.sql.seen()).isEmpty();
    }

    @Test
    @DisplayName("an answer after the drill closed still gets feedback, but no leaderboard points")
    void lateAnswer() {
        ThreadRef thread = postDrill();
        t.clock.advance(Duration.ofHours(30));
        assertThat(answer(ANA, thread, "result score=90", "m1")).isEqualTo(Outcome.SCORED);
        assertThat(t.gateway.lastReply().message().text()).contains("90/100", "had closed");
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).isEmpty();
    }

    @Test
    @DisplayName("a reply to the follow-up probe is scored together with the first answer and shows what changed")
    void followUpAddsToAnswer() {
        ThreadRef thread = postDrill(); // the first drill of a mixed channel is LP
        answer(ANA, thread, "I rebuilt the pipeline. score=40", "m1");
        assertThat(t.gateway.lastReply().message().text()).contains("Follow-up: How did you measure success?");

        t.clock.advance(Duration.ofMinutes(2)); // the user reads the probe, then replies
        answer(ANA, thread, "The result: runtime fell from 6 h to 40 min. score=70", "m2");
        assertThat(t.lp.seen().get(1)).startsWith("I rebuilt the pipeline.").contains("runtime fell");
        assertThat(t.gateway.lastReply().message().text()).contains("40 → 70 (+30)", "impact 1 → 4");
    }

    @Test
    @DisplayName("messages in threads that are not drills are ignored")
    void notADrill() {
        postDrill();
        assertThat(answer(ANA, new ThreadRef(TestBot.CHANNEL, "random"), "hello", "m1")).isEqualTo(Outcome.NOT_A_DRILL);
        assertThat(t.gateway.replies()).isEmpty();
    }

    @Test
    @DisplayName("leaderboard: best score per drill, ties go to whoever answered first")
    void leaderboardTies() {
        ThreadRef thread = postDrill();
        t.clock.advance(Duration.ofMinutes(1));
        answer(BEN, thread, "result score=60", "b1");
        t.clock.advance(Duration.ofMinutes(1));
        answer(ANA, thread, "result score=30", "a1");
        t.clock.advance(Duration.ofMinutes(1));
        answer(ANA, thread, "result score=60", "a2"); // best of Ana's answers counts, once
        var board = t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH);
        assertThat(board).extracting(e -> e.userName() + ":" + e.points()).containsExactly("Ben:60", "Ana:60");

        t.bot.progress().setOptOut(TestBot.CHANNEL, BEN.id(), true);
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).extracting(e -> e.userName())
                .containsExactly("Ana");
    }

    private long count(String sql) throws Exception {
        return t.db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    @DisplayName("an edited answer inside the open window replaces the old one: rescored, and only the new score counts")
    void editRescores() {
        ThreadRef thread = postDrill();
        answer(ANA, thread, "result score=90", "m1");
        t.clock.advance(Duration.ofMinutes(2));
        var outcome = t.bot.answers().edit(new AnswerReceived(ANA, thread, "result score=40", t.clock.instant(), "m1"));
        assertThat(outcome).isEqualTo(Outcome.SCORED);
        assertThat(t.gateway.lastReply().message().text()).contains("40/100");
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).singleElement()
                .satisfies(e -> assertThat(e.points()).isEqualTo(40));
        assertThat(t.bot.progress().userSkills(TestBot.CHANNEL, ANA.id()).values())
                .allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
    }

    @Test
    @DisplayName("a deleted answer is withdrawn from the leaderboard and the gap summary, and the row is kept")
    void deleteWithdraws() throws Exception {
        ThreadRef thread = postDrill();
        answer(ANA, thread, "result score=90", "m1");
        answer(BEN, thread, "result score=70", "b1");
        assertThat(t.bot.answers().withdraw(thread, ANA, "m1")).isEqualTo(Outcome.WITHDRAWN);
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).extracting(e -> e.userName())
                .containsExactly("Ben");
        assertThat(t.bot.progress().userSkills(TestBot.CHANNEL, ANA.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM answers WHERE status = 'withdrawn'")).isEqualTo(1);
        assertThat(t.bot.answers().withdraw(thread, ANA, "m1")).isEqualTo(Outcome.NOTHING_WITHDRAWN);

        // platforms whose deletion events do not name the author (Discord) withdraw by message id alone
        assertThat(t.bot.answers().withdraw(thread, "b1")).isEqualTo(Outcome.WITHDRAWN);
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).isEmpty();
        assertThat(t.bot.answers().withdraw(thread, "no-such-message")).isEqualTo(Outcome.NOTHING_WITHDRAWN);
    }

    @Test
    @DisplayName("an answer edited twice and then deleted stops counting altogether")
    void editTwiceThenDelete() {
        ThreadRef thread = postDrill();
        answer(ANA, thread, "result score=90", "m1");
        t.clock.advance(Duration.ofMinutes(1));
        t.bot.answers().edit(new AnswerReceived(ANA, thread, "result score=60", t.clock.instant(), "m1"));
        t.clock.advance(Duration.ofMinutes(1));
        t.bot.answers().edit(new AnswerReceived(ANA, thread, "result score=70", t.clock.instant(), "m1"));
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).singleElement()
                .satisfies(e -> assertThat(e.points()).isEqualTo(70));

        assertThat(t.bot.answers().withdraw(thread, "m1")).isEqualTo(Outcome.WITHDRAWN);
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).isEmpty();
        assertThat(t.bot.progress().userSkills(TestBot.CHANNEL, ANA.id())).isEmpty();
    }

    @Test
    @DisplayName("an edit after the drill closed is not rescored, and the user is told why")
    void lateEdit() {
        ThreadRef thread = postDrill();
        answer(ANA, thread, "result score=90", "m1");
        t.clock.advance(Duration.ofDays(2));
        assertThat(t.bot.answers().edit(new AnswerReceived(ANA, thread, "result score=10", t.clock.instant(), "m1")))
                .isEqualTo(Outcome.EDIT_TOO_LATE);
        assertThat(t.gateway.lastReply().message().text()).contains("closed", "not scored again");
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).singleElement()
                .satisfies(e -> assertThat(e.points()).isEqualTo(90));
    }

    @Test
    @DisplayName("a first start reports no 'skipped' drill from before drillbot ran in the channel; later a missed one is reported")
    void firstStartReportsNoSkippedDrill() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                dev.drillbot.core.drill.DrillService.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            Instant yesterday = NINE_AM.minus(Duration.ofDays(1));
            assertThat(t.bot.drills().postScheduled(t.channel, yesterday)).isEqualTo(PostOutcome.SKIPPED_TOO_LATE);
            assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().startsWith("Skipped"));

            postDrill();
            t.clock.set(NINE_AM.plus(Duration.ofDays(2)));
            assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM.plus(Duration.ofDays(1))))
                    .isEqualTo(PostOutcome.SKIPPED_TOO_LATE);
            assertThat(logs.list).anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO
                    && e.getFormattedMessage().startsWith("Skipped the drill"));
        } finally {
            logger.detachAppender(logs);
        }
    }
}
