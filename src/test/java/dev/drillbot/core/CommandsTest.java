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
import dev.drillbot.core.command.CommandContext;
import dev.drillbot.core.command.CommandReply;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Slash commands, as every platform runs them")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class CommandsTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Sunday 2026-11-22 09:00 in Berlin. */
    static final Instant SUNDAY = Instant.parse("2026-11-22T08:00:00Z");
    static final UserRef ANA = new UserRef("U1", "Ana");
    static final UserRef BEN = new UserRef("U2", "Ben");

    @TempDir
    Path dir;
    TestBot t;

    @BeforeEach
    void start() {
        t = new TestBot(store, dir, BERLIN, SUNDAY);
    }

    @AfterEach
    void stop() {
        if (t != null) { // null when the store was skipped
            t.close();
        }
    }

    CommandReply run(UserRef user, String line) {
        return t.bot.commands().dispatch(new CommandContext(t.channel, user, Optional.empty()), line);
    }

    void scheduledDrillAnswered(Instant fire, UserRef user, int score) {
        t.clock.set(fire);
        t.bot.drills().postScheduled(t.channel, fire);
        String thread = t.gateway.posts().get(t.gateway.posts().size() - 1).threadId();
        t.clock.advance(Duration.ofMinutes(10));
        t.bot.answers().receive(new AnswerReceived(user, new ThreadRef(TestBot.CHANNEL, thread),
                "result score=" + score, t.clock.instant(), user.id() + fire));
    }

    @Test
    @DisplayName("/progress sends the picture to the user alone as a PNG; where no file can be sent, the same data as text")
    void progressPicture() throws Exception {
        scheduledDrillAnswered(SUNDAY, ANA, 80);
        scheduledDrillAnswered(SUNDAY.plus(Duration.ofDays(1)), ANA, 60);
        CommandReply r = run(ANA, "/progress");
        assertThat(r.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(r.message().text()).contains("Sent you your progress picture (2 answers on 2 days in the last 12 weeks)");
        var file = t.gateway.files().get(0);
        assertThat(file.name()).isEqualTo("drillbot-progress.png");
        assertThat(file.mimeType()).isEqualTo("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.content()));
        assertThat(image.getWidth()).isEqualTo(1200);

        t.gateway.refuseFiles(true);
        String text = run(ANA, "/progress").message().text();
        assertThat(text).contains("could not be sent here", "2 scored answers on 2 days", "average score");
        assertThat(run(BEN, "/progress").message().text()).contains("Nothing practised yet");
    }

    @Test
    @DisplayName("/leaderboard week starts on Monday in the channel's zone; /leaderboard all keeps everything")
    void leaderboardWeekAndAll() {
        scheduledDrillAnswered(SUNDAY, ANA, 90);                                  // last week
        scheduledDrillAnswered(SUNDAY.plus(Duration.ofDays(1)), BEN, 40);         // Monday: this week
        CommandReply week = run(ANA, "/leaderboard");
        assertThat(week.visibility()).isEqualTo(CommandReply.Visibility.CHANNEL);
        assertThat(week.message().text()).contains("this week", "1. Ben — 40 pts (1 drill)").doesNotContain("Ana —");
        assertThat(run(ANA, "/leaderboard all").message().text())
                .contains("all time", "1. Ana — 90 pts (1 drill) ← you", "2. Ben — 40 pts");
    }

    @Test
    @DisplayName("/leaderboard optout hides the user until optin; bad options explain the choices")
    void optOut() {
        scheduledDrillAnswered(SUNDAY, ANA, 90);
        assertThat(run(ANA, "/leaderboard optout").message().text()).contains("off this channel's leaderboard");
        assertThat(run(ANA, "/leaderboard all").message().text()).doesNotContain("1. Ana").contains("opted out");
        run(ANA, "/leaderboard optin");
        assertThat(run(ANA, "/leaderboard all").message().text()).contains("1. Ana");
        assertThat(run(ANA, "/leaderboard monthly").message().text()).contains("/leaderboard week", "optout");
    }

    @Test
    @DisplayName("/streak and /gaps answer privately with the user's own progress; a dimension is called weak from two answers, not one")
    void streakAndGaps() {
        scheduledDrillAnswered(SUNDAY, ANA, 30);
        CommandReply streak = run(ANA, "/streak");
        assertThat(streak.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(streak.message().text()).contains("Channel drill streak 1, longest 1", "Europe/Berlin",
                "practice streak 1 day(s)");
        String gaps = run(ANA, "/gaps").message().text();
        assertThat(gaps).contains("Practice map for Ana", "avg 30 · 1×", "never practised:", "Practise next:", "/drill ");
        // one answer says little about a weakness: no dimension is called weak yet
        assertThat(gaps).doesNotContain("Weakest rubric dimensions lately:");

        scheduledDrillAnswered(SUNDAY.plus(Duration.ofDays(1)), ANA, 40);
        assertThat(run(ANA, "/gaps").message().text()).contains("Weakest rubric dimensions lately:", "impact");
    }

    /** A practice answer (/drill, not a scheduled drill) scored at the clock's time. */
    void practised(UserRef user, int score) {
        run(user, "/drill sql");
        String thread = t.gateway.posts().get(t.gateway.posts().size() - 1).threadId();
        t.bot.answers().receive(new AnswerReceived(user, new ThreadRef(TestBot.CHANNEL, thread),
                "SELECT 1 score=" + score, t.clock.instant(), user.id() + t.clock.instant()));
    }

    @Test
    @DisplayName("/streak: practice with /drill on days without a scheduled drill builds the personal streak, not a"
            + " confusing 0; a week earns a freeze that covers a missed day")
    void personalStreakWithFreeze() {
        for (int day = 0; day < 7; day++) {
            t.clock.set(SUNDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(3)));
            practised(ANA, 70);
        }
        String week = run(ANA, "/streak").message().text();
        assertThat(week).contains("practice streak 7 day(s)", "1 freeze(s) held", "Today is done");
        t.clock.set(SUNDAY.plus(Duration.ofDays(8)).plus(Duration.ofHours(3))); // day 7 missed
        practised(ANA, 70);
        String after = run(ANA, "/streak").message().text();
        assertThat(after).contains("practice streak 8 day(s)", "1 spent on missed days").doesNotContain("freeze(s) held");
    }

    @Test
    @DisplayName("spaced review: a question answered below solid comes back when due (/gaps counts it, /review posts it"
            + " in its own thread); a good answer then pushes it further out")
    void spacedReview() {
        t.clock.set(SUNDAY.plus(Duration.ofHours(3)));
        practised(ANA, 30); // below solid: a review item, due tomorrow (FSRS "again")
        String questionId = t.bot.drillStore().latest(TestBot.CHANNEL).orElseThrow().questionId();
        assertThat(run(ANA, "/gaps").message().text()).doesNotContain("Reviews due");
        assertThat(run(ANA, "/review").message().text()).contains("Nothing to review today", "next review comes due on");
        assertThat(run(BEN, "/review").message().text()).contains("Nothing to review: questions you answer below");

        t.clock.set(SUNDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)));
        assertThat(run(ANA, "/gaps").message().text()).contains("Reviews due: 1", "/review");
        int before = t.gateway.posts().size();
        CommandReply review = run(ANA, "/review");
        assertThat(review.visibility()).isEqualTo(CommandReply.Visibility.NONE);
        assertThat(review.message().text()).contains("Review:");
        assertThat(t.gateway.posts()).hasSize(before + 1);
        var drill = t.bot.drillStore().latest(TestBot.CHANNEL).orElseThrow();
        assertThat(drill.questionId()).isEqualTo(questionId);
        assertThat(drill.kind()).isEqualTo(dev.drillbot.core.drill.Drill.Kind.PRACTICE); // never the leaderboard

        t.bot.answers().receive(new AnswerReceived(ANA, new ThreadRef(TestBot.CHANNEL, drill.threadId().orElseThrow()),
                "SELECT 2 score=95", t.clock.instant(), "review-answer"));
        assertThat(run(ANA, "/gaps").message().text()).doesNotContain("Reviews due");
        assertThat(run(ANA, "/review").message().text()).contains("next review comes due on");
        assertThat(run(ANA, "/streak").message().text()).contains("practice streak 2 day(s)"); // a review counts
    }

    @Test
    @DisplayName("a question answered solid at the first try is not a review item")
    void solidIsNotReviewed() {
        t.clock.set(SUNDAY.plus(Duration.ofHours(3)));
        practised(ANA, 75);
        t.clock.set(SUNDAY.plus(Duration.ofDays(30)));
        assertThat(run(ANA, "/review").message().text()).contains("Nothing to review: questions you answer below");
    }

    @Test
    @DisplayName("/timezone shows the channel's zone until the user sets one; an unknown zone or an offset is refused")
    void timezone() {
        assertThat(run(ANA, "/timezone").message().text()).contains("Europe/Berlin", "this channel's time zone");
        assertThat(run(ANA, "/timezone America/New_York").message().text()).contains("now America/New_York");
        assertThat(run(ANA, "/timezone").message().text()).contains("America/New_York", "(your choice)");
        assertThat(run(ANA, "/streak").message().text()).contains("in America/New_York");
        assertThat(run(BEN, "/streak").message().text()).contains("in Europe/Berlin", "set yours with /timezone");
        assertThat(run(ANA, "/timezone Mars/Olympus").message().text()).contains("\"Mars/Olympus\" is not a time zone");
        assertThat(run(ANA, "/timezone +02:00").message().text()).contains("is not a time zone");
        // echoed arguments are cut (mentions in them are made inert by each platform's renderer, tested there)
        assertThat(run(ANA, "/timezone " + "x/".repeat(300)).message().text()).hasSizeLessThan(300);
        assertThat(run(ANA, "/timezone").message().text()).contains("America/New_York");
    }

    @Test
    @DisplayName("/pause 3d keeps the streak through missed days; /resume ends it early; more than 30 days is refused")
    void pauseAndResume() {
        for (int day = 0; day < 3; day++) {
            t.clock.set(SUNDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(3)));
            practised(ANA, 70);
        }
        t.clock.set(SUNDAY.plus(Duration.ofDays(3)).plus(Duration.ofHours(3)));
        String paused = run(ANA, "/pause 3d").message().text();
        assertThat(paused).contains("Paused for 3 day(s)");
        assertThat(run(ANA, "/streak").message().text()).contains("practice streak 3 day(s)", "Paused through");
        t.clock.set(SUNDAY.plus(Duration.ofDays(6)).plus(Duration.ofHours(3))); // three paused days missed
        practised(ANA, 70);
        assertThat(run(ANA, "/streak").message().text()).contains("practice streak 4 day(s)").doesNotContain("spent");

        assertThat(run(ANA, "/pause 31d").message().text()).contains("1 to 30 days");
        assertThat(run(ANA, "/pause soon").message().text()).contains("\"soon\" is not a pause");
        assertThat(run(ANA, "/pause").message().text()).contains("How long?");
        assertThat(run(ANA, "/pause 2w").message().text()).contains("Paused for 14 day(s)");
        assertThat(run(ANA, "/resume").message().text()).contains("Welcome back");
        assertThat(run(ANA, "/resume").message().text()).contains("no pause running");
        t.clock.set(SUNDAY.plus(Duration.ofDays(8)).plus(Duration.ofHours(3))); // day 7 missed, no pause, no freeze
        practised(ANA, 70);
        assertThat(run(ANA, "/streak").message().text()).contains("practice streak 1 day(s)", "longest 4");
    }

    @Test
    @DisplayName("/drill <principle> posts a practice question on that principle in its own thread")
    void drillByPrinciple() {
        CommandReply reply = run(BEN, "/drill Dive Deep");
        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.NONE);
        var post = (OutgoingMessage.DrillPost) t.gateway.posts().get(0).message();
        assertThat(post.question().id()).isEqualTo("lp-test-dive-deep");
        assertThat(post.practice()).isTrue();
        assertThat(post.text()).contains("Practice drill for Ben");
    }

    @Test
    @DisplayName("/drill with an unknown name lists the valid tracks, principles and topics")
    void drillUnknown() {
        String text = run(BEN, "/drill astrology").message().text();
        assertThat(text).contains("“astrology” is not", "customer-obsession", "window-ranking");
        assertThat(t.gateway.posts()).isEmpty();
        assertThat(run(BEN, "/drill anti-join").message().text()).contains("no questions for “anti-join”");
    }

    @Test
    @DisplayName("/hint gives hints one at a time, then says there are no more")
    void hints() {
        run(ANA, "/drill lp-test-dive-deep");
        assertThat(run(ANA, "/hint").message().text()).contains("Hint 1 of 2", "/hint again");
        assertThat(run(ANA, "/hint").message().text()).contains("Hint 2 of 2").doesNotContain("again");
        assertThat(run(ANA, "/hint").message().text()).contains("No more hints", "all 2");
        assertThat(run(BEN, "/hint").message().text()).contains("Hint 1 of 2");
    }

    @Test
    @DisplayName("unknown commands get the list of commands")
    void unknownCommand() {
        CommandReply reply = run(ANA, "/frobnicate now");
        assertThat(reply.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(reply.message().text()).contains("There is no /frobnicate command", "/drill", "/streak", "/gaps",
                "/leaderboard", "/help");
    }
}
