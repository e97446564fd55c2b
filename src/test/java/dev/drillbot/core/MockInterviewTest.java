package dev.drillbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.EventWork;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.command.CommandContext;
import dev.drillbot.core.command.CommandReply;
import dev.drillbot.core.drill.AnswerIntake;
import dev.drillbot.core.drill.Inbox;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.testing.RecordingGateway;
import dev.drillbot.testing.TestBot;
import dev.drillbot.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * /mock through the real core, the real inbox and event lanes, on a real store (SQLite, and PostgreSQL when a
 * server is set), with the shipped question bank and scripted scorers: an answer with {@code score=N} scores N,
 * an LP answer without the word "result" gets the scorer's probe "How did you measure success?".
 */
@DisplayName("/mock: a five-question interview in a private thread, follow-ups, then a scorecard")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class MockInterviewTest {
    @Parameter
    TestStore store;

    static final Instant START = Instant.parse("2026-11-23T17:00:00Z");
    static final UserRef ANA = new UserRef("U1", "Ana");
    static final UserRef BEN = new UserRef("U2", "Ben");
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    TestBot t;
    EventWork work;
    AnswerIntake.Door door;
    int messages;

    @BeforeEach
    void start() {
        t = bot(START);
    }

    TestBot bot(Instant at) {
        return bot(at, Path.of("questions"));
    }

    TestBot bot(Instant at, Path bank) {
        TestBot b = new TestBot(store, dir, new ChannelSettings(TestBot.CHANNEL, "0 0 9 ? * MON-FRI",
                ZoneId.of("Europe/Berlin"), TrackMode.MIXED, Duration.ofHours(24), Duration.ofHours(2)), at, bank);
        work = new EventWork("test", 4, 1);
        door = b.bot.intake().door("test", work, UnaryOperator.identity());
        return b;
    }

    @AfterEach
    void stop() {
        if (t != null) {
            work.close();
            t.close();
        }
    }

    CommandReply run(UserRef user, String line) {
        return t.bot.commands().dispatch(new CommandContext(t.channel, user, Optional.empty()), line);
    }

    RecordingGateway.Sent opened() {
        return t.gateway.sent().stream().filter(s -> s.kind().equals("private")).reduce((a, b) -> b).orElseThrow();
    }

    /** The thread of the user's latest mock (kept across a restart, as the platform keeps it). */
    ThreadRef mockThread() {
        if (t.gateway.sent().stream().anyMatch(s -> s.kind().equals("private"))) {
            RecordingGateway.Sent s = opened();
            thread = new ThreadRef(s.channel(), s.threadId());
        }
        return thread;
    }

    ThreadRef thread;

    /** Sends a message in the mock's thread through the inbox, as an adapter does, and waits until it is handled. */
    String say(UserRef user, String text) throws InterruptedException {
        String id = "m" + (++messages);
        say(user, text, id);
        return id;
    }

    void say(UserRef user, String text, String id) throws InterruptedException {
        t.clock.set(t.clock.instant().plus(Duration.ofMinutes(2)));
        door.take("message:" + id, new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(user, mockThread(), text,
                t.clock.instant(), id)));
        assertThat(work.awaitIdle(WAIT)).isTrue();
    }

    String lastReply() {
        return t.gateway.lastReply().message().text();
    }

    List<String> replies() {
        return t.gateway.replies().stream().map(r -> r.message().text()).toList();
    }

    /** Answers the current question and its follow-ups with {@code text} each time, until the next question or the end. */
    void answerQuestion(String text, int followUps) throws InterruptedException {
        for (int i = 0; i <= followUps; i++) {
            say(ANA, text);
        }
    }

    @Test
    @DisplayName("the whole loop: five questions with follow-ups (two for the Bar Raiser), then a scorecard that would pass")
    void wholeLoop() throws InterruptedException {
        CommandReply r = run(ANA, "/mock");
        assertThat(r.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(r.message().text()).contains("Your mock interview has started in a private thread",
                "in your direct messages with me", "5 questions");
        RecordingGateway.Sent first = opened();
        assertThat(first.channel().id()).isEqualTo("D-U1"); // the user's own conversation, not the channel
        assertThat(first.message().text()).contains("Mock interview for Ana", "Question 1 of 5",
                "Leadership Principle:");
        assertThat(t.gateway.posts()).isEmpty(); // nothing in the channel

        // question 1 (LP): the answer lacks a result, so the scorer's own probe comes back as the follow-up
        say(ANA, "I rebuilt the nightly load myself. score=80");
        assertThat(lastReply()).startsWith("*Follow-up:* How did you measure success?");
        say(ANA, "As a result the load has not failed in a quarter. score=80");
        assertThat(lastReply()).contains("Question 2 of 5");
        // the follow-up is read together with the first answer, as one story
        assertThat(t.lp.seen()).contains("I rebuilt the nightly load myself. score=80\n\nAs a result the load has not"
                + " failed in a quarter. score=80");
        answerQuestion("A result that mattered. score=85", 1);
        assertThat(lastReply()).contains("Question 3 of 5", "SQL:");
        // question 3 (SQL): a correct query gets the interviewer's scale question
        say(ANA, "SELECT 1 score=100");
        assertThat(lastReply()).contains("If the table were a thousand times larger");
        say(ANA, "I would partition by day and pre-aggregate. score=10");
        assertThat(lastReply()).contains("Question 4 of 5");
        answerQuestion("The result was clear. score=90", 1);
        assertThat(lastReply()).contains("Question 5 of 5 · Bar Raiser", "two follow-ups");
        // the Bar Raiser asks two follow-ups, the second a different one
        say(ANA, "I led the change. score=78");
        String probe1 = lastReply();
        say(ANA, "I chose the cheaper option. score=78");
        String probe2 = lastReply();
        assertThat(probe1).startsWith("*Follow-up (Bar Raiser):*");
        assertThat(probe2).startsWith("*Follow-up (Bar Raiser):*").isNotEqualTo(probe1);
        say(ANA, "The result: on time. score=78");

        String card = lastReply();
        assertThat(card).contains("Mock interview scorecard — Ana", "Would pass this round", "5 of 5 answers at the bar",
                "(Bar Raiser)", "Fix first:", "1. ", "2. ");
        assertThat(card.lines().filter(l -> l.startsWith("`")).count()).isEqualTo(5);
        assertThat(card).contains("stories in /stories", "come back in /review");
        // the SQL row takes the best query sent for it, not the talk after the follow-up
        assertThat(card).containsPattern("100/100 · correct");
        assertThat(t.bot.mocks().open("test", ANA.id())).isEmpty();

        // after the scorecard the thread is closed: a further message is not scored
        say(ANA, "one more thing score=99");
        assertThat(lastReply()).contains("this mock interview is over");
    }

    @Test
    @DisplayName("a Bar Raiser answer below the bar, or two weak answers, is 'not yet' with the weakest two to fix first")
    void notYet() throws InterruptedException {
        run(ANA, "/mock");
        answerQuestion("The result. score=80", 1);
        answerQuestion("The result. score=40", 1);          // mixed: below the bar
        answerQuestion("SELECT 1 score=100", 1);
        answerQuestion("The result. score=85", 1);
        answerQuestion("The result. score=30", 2);          // the Bar Raiser's, below the bar
        String card = lastReply();
        assertThat(card).contains("Not yet", "3 of 5 answers at the bar", "the Bar Raiser's is below it");
        // the weakest answer first (the Bar Raiser's 30), then the 40
        int first = card.indexOf("\n1. ");
        int second = card.indexOf("\n2. ");
        assertThat(first).isPositive().isLessThan(second);
        assertThat(card.substring(first, second)).contains("ownership"); // its weakest dimension
    }

    @Test
    @DisplayName("a message delivered twice moves the interview once; a follow-up that could not be posted goes out once, later")
    void onceAndNothingLost() throws InterruptedException {
        run(ANA, "/mock");
        say(ANA, "I rebuilt it. score=80", "dup");
        say(ANA, "I rebuilt it. score=80", "dup"); // the platform re-delivers: the inbox knows the event
        assertThat(replies()).hasSize(1);
        // the same message under a new event key (read back from history after a restart): still once
        t.clock.set(t.clock.instant().plus(Duration.ofMinutes(1)));
        door.take("history:dup", new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(ANA, mockThread(),
                "I rebuilt it. score=80", t.clock.instant(), "dup")));
        assertThat(work.awaitIdle(WAIT)).isTrue();
        assertThat(replies()).hasSize(1);

        // the platform is down when the next question should be posted; a restart posts it, once
        t.gateway.failReplies(true);
        say(ANA, "As a result it held. score=80");
        assertThat(replies()).hasSize(1);
        t.gateway.failReplies(false);
        work.close();
        t.close();
        RecordingGateway before = t.gateway;
        t = bot(t.clock.instant());
        door.resume();
        assertThat(work.awaitIdle(WAIT)).isTrue();
        assertThat(replies()).hasSize(1);
        assertThat(lastReply()).contains("Question 2 of 5");
        assertThat(before.replies()).hasSize(1);
        // and the interview goes on from there
        say(ANA, "My answer to two, no outcome. score=70");
        assertThat(lastReply()).startsWith("*Follow-up:*");
    }

    /** Stops the bot and starts it again on the same database (with {@code bank}), handling what was pending. */
    void restart(Path bank) {
        work.close();
        t.close();
        t = bot(t.clock.instant(), bank);
        door.resume();
    }

    @Test
    @DisplayName("a scorecard whose post failed is posted after a restart, once (found by review: it was lost)")
    void scorecardPostedAfterFailure() throws InterruptedException {
        run(ANA, "/mock");
        answerQuestion("The result. score=90", 1);
        answerQuestion("The result. score=90", 1);
        answerQuestion("SELECT 1 score=100", 1);
        answerQuestion("The result. score=90", 1);
        say(ANA, "The result. score=90");
        say(ANA, "The result. score=90");
        t.gateway.failReplies(true);
        say(ANA, "The last result. score=90"); // the scorecard is kept; posting it fails
        t.gateway.failReplies(false);
        restart(Path.of("questions"));
        assertThat(work.awaitIdle(WAIT)).isTrue();
        assertThat(replies()).hasSize(1);
        assertThat(lastReply()).contains("Mock interview scorecard", "Would pass this round");
    }

    @Test
    @DisplayName("a question taken out of the bank mid-interview is skipped with a note; the interview and its scorecard go on"
            + " (found by review: the mock jammed)")
    void questionRemovedFromBank(@TempDir Path bank) throws Exception {
        copyTree(Path.of("questions"), bank);
        work.close();
        t.close();
        t = bot(START, bank);
        run(ANA, "/mock");
        mockThread();
        String second = t.bot.mocks().open("test", ANA.id()).orElseThrow().plan().get(1).questionId();
        try (var files = java.nio.file.Files.walk(bank)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                if (java.nio.file.Files.readString(f).contains("id: " + second + "\n")) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
        restart(bank); // a deploy that drops question 2
        answerQuestion("The result. score=90", 1);
        assertThat(lastReply()).contains("Question 2 was taken out of the question bank", "Question 3 of 5");
        answerQuestion("SELECT 1 score=100", 1);
        answerQuestion("The result. score=90", 1);
        answerQuestion("The result. score=90", 2);
        String card = lastReply();
        assertThat(card).contains("Mock interview scorecard", "4 of 4 answers at the bar");
        assertThat(card.lines().filter(l -> l.startsWith("`")).count()).isEqualTo(4);
    }

    @Test
    @DisplayName("a query the grader fails on is not kept: the next query is read on its own (found by review: the SQL step jammed)")
    void failedQueryNotKept() throws InterruptedException {
        run(ANA, "/mock");
        answerQuestion("The result. score=90", 1);
        answerQuestion("The result. score=90", 1);
        say(ANA, "SELECT boom");
        assertThat(lastReply()).contains("scoring it failed");
        say(ANA, "SELECT 1 score=100");
        assertThat(lastReply()).contains("If the table were a thousand times larger");
        // and an LP answer the scorer failed on is not read again with the next one
        say(ANA, "partition by day score=10");
        say(ANA, "boom");
        say(ANA, "I owned it. The result held. score=90");
        assertThat(t.lp.seen()).last().asString().doesNotContain("boom");
    }

    @Test
    @DisplayName("a mock in use is never expired by /mock, however long ago it began; one untouched for two days is")
    void staleByLastMessage() throws InterruptedException {
        run(ANA, "/mock");
        t.clock.set(t.clock.instant().plus(Duration.ofDays(3)));
        say(ANA, "I rebuilt it. score=80");
        assertThat(run(ANA, "/mock").message().text()).contains("You already have a mock interview open");
        t.clock.set(t.clock.instant().plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)));
        assertThat(run(ANA, "/mock").message().text()).contains("has started");
    }

    @Test
    @DisplayName("after a stop, a mock's thread is read back while it is in use, however long ago it began (found by review)")
    void longMockReadBack() throws InterruptedException {
        run(ANA, "/mock");
        Instant begun = t.clock.instant();
        ThreadRef thread = mockThread();
        t.clock.set(begun.plus(Duration.ofDays(4)));
        assertThat(t.bot.openThreads("test", t.clock.instant().minus(Duration.ofDays(3)))).doesNotContain(thread);
        say(ANA, "I rebuilt it. score=80");
        assertThat(t.bot.openThreads("test", t.clock.instant().minus(Duration.ofDays(3)))).contains(thread);
        run(ANA, "/mock stop");
        assertThat(t.bot.openThreads("test", t.clock.instant().minus(Duration.ofDays(3)))).doesNotContain(thread);
    }

    @Test
    @DisplayName("a mock whose opening was cut short (no thread recorded) does not block /mock for long (found by review)")
    void cutShortOpeningDoesNotBlock() {
        var store = new dev.drillbot.adapter.store.SqliteMockStore(t.db);
        assertThat(store.start(ANA, TestBot.CHANNEL, List.of(new dev.drillbot.core.mock.MockInterview.Planned(
                "lp-ownership-01", false)), t.clock.instant(), t.clock.instant().minus(Duration.ofDays(2)),
                t.clock.instant().minus(Duration.ofMinutes(2)))).isPresent(); // a crash right after this
        assertThat(run(ANA, "/mock").message().text()).contains("You already have a mock interview open");
        t.clock.set(t.clock.instant().plus(Duration.ofMinutes(3)));
        assertThat(run(ANA, "/mock").message().text()).contains("has started");
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var s = java.nio.file.Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(q);
                } else {
                    java.nio.file.Files.copy(p, q);
                }
            }
        }
    }

    @Test
    @DisplayName("one mock at a time: /mock again says where it is, /mock stop ends it, then /mock starts afresh")
    void oneAtATime() throws InterruptedException {
        run(ANA, "/mock");
        say(ANA, "I rebuilt it. score=80");
        say(ANA, "As a result it held. score=80");
        assertThat(run(ANA, "/mock").message().text()).contains("You already have a mock interview open",
                "question 2 of 5", "/mock stop");
        assertThat(t.gateway.sent().stream().filter(s -> s.kind().equals("private")).count()).isEqualTo(1);
        // someone else's is theirs
        assertThat(run(BEN, "/mock").message().text()).contains("has started");

        assertThat(run(ANA, "/mock stop").message().text()).contains("stopped after 1 question(s)");
        assertThat(run(ANA, "/mock stop").message().text()).contains("You have no mock interview open");
        assertThat(run(ANA, "/mock please").message().text()).contains("is not a /mock option");
        assertThat(run(ANA, "/mock").message().text()).contains("has started");
    }

    @Test
    @DisplayName("in the thread: another person's message is not taken, an edit is not re-read, and the user is told why")
    void othersAndEdits() throws InterruptedException {
        run(ANA, "/mock");
        say(BEN, "let me answer for Ana score=100");
        assertThat(replies()).isEmpty();
        String id = say(ANA, "I rebuilt it. score=80");
        door.take("edit:" + id, new Inbox.Event(Inbox.Kind.EDIT, new AnswerReceived(ANA, mockThread(),
                "I rebuilt it better. score=99", t.clock.instant(), id)));
        assertThat(work.awaitIdle(WAIT)).isTrue();
        assertThat(lastReply()).contains("an edited message is not read again");
        assertThat(t.lp.seen()).noneMatch(s -> s.contains("better"));
    }

    @Test
    @DisplayName("a mock's answers count for the practice streak and come back in /review when below solid, never on the leaderboard")
    void countsForPracticeNotLeaderboard() throws InterruptedException {
        run(ANA, "/mock");
        answerQuestion("The result. score=40", 1); // mixed
        assertThat(run(ANA, "/streak").message().text()).contains("practice streak 1 day(s)");
        LocalDate later = LocalDate.of(2026, 11, 30);
        t.clock.set(later.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant().plus(Duration.ofDays(30)));
        assertThat(run(ANA, "/review").message().text()).doesNotContain("Nothing to review");
        assertThat(run(ANA, "/leaderboard all").message().text()).doesNotContain("Ana");
    }

    @Test
    @DisplayName("what was said to a mock's LP questions joins the story bank (answer and follow-up as one story); its SQL answer does not")
    void mockAnswersAreStories() throws InterruptedException {
        run(ANA, "/mock");
        say(ANA, "I rebuilt the nightly load myself. score=80 shows=ownership");
        // named while the question is still open: the title stays when the follow-up is read with it
        assertThat(run(ANA, "/stories name 1 Early title").message().text()).contains("Story 1 is now");
        say(ANA, "As a result it has not failed since. score=82 shows=ownership");
        assertThat(run(ANA, "/stories").message().text()).contains("1. Early title — best 82");
        answerQuestion("The second story's result. score=40", 1);
        answerQuestion("SELECT 1 score=100", 1);
        String list = run(ANA, "/stories").message().text();
        assertThat(list).contains("1. Early title — best 82 · shows Ownership · told in a mock interview",
                "2. The second story's result. — best 40").doesNotContain("SELECT");
        assertThat(run(ANA, "/stories name 1 The nightly load").message().text()).contains("Story 1 is now “The nightly load”");
        assertThat(run(ANA, "/stories").message().text()).contains("1. The nightly load — best 82");
        assertThat(run(BEN, "/stories").message().text()).contains("No stories yet");
        run(ANA, "/stories export");
        String md = new String(t.gateway.files().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(md).contains("## 1. The nightly load", "(in a mock interview)",
                "I rebuilt the nightly load myself. score=80 shows=ownership\n\nAs a result it has not failed since.");
    }

    @Test
    @DisplayName("where no private thread can be opened the user is told why, and nothing stays open")
    void privateThreadRefused() {
        t.gateway.refusePrivateThreads(true);
        assertThat(run(ANA, "/mock").message().text()).contains("could not open a private thread",
                "CREATE_PRIVATE_THREADS");
        t.gateway.refusePrivateThreads(false);
        assertThat(run(ANA, "/mock").message().text()).contains("has started");
    }
}
