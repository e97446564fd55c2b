package dev.drillbot.core;

import dev.drillbot.testing.TestStore;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.store.SqliteAnswerStore;
import dev.drillbot.adapter.store.SqliteInbox;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.EventWork;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.AnswerIntake;
import dev.drillbot.core.drill.AnswerStore;
import dev.drillbot.core.drill.DrillService.PostOutcome;
import dev.drillbot.core.drill.Inbox;
import dev.drillbot.testing.RecordingGateway;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox through a stop: events are committed before they are queued, so what was received but
 * not handled when the bot stopped is handled at the next start, once. Real SQLite file, real
 * {@link EventWork}; a "restart" is a new bot on the same file.
 */
@DisplayName("Answers received before a stop are handled at the next start, once")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class AnswerIntakeTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    static final Instant NINE_AM = Instant.parse("2026-11-23T17:00:00Z");
    static final UserRef ANA = new UserRef("U1", "Ana");
    static final UserRef BEN = new UserRef("U2", "Ben");
    static final UserRef CY = new UserRef("U3", "Cy");
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    TestBot t;
    EventWork work;
    ThreadRef thread;

    @BeforeEach
    void start() {
        t = new TestBot(store, dir, ZoneId.of("America/Los_Angeles"), NINE_AM);
        work = new EventWork("test", 4, 1);
        assertThat(t.bot.drills().postScheduled(t.channel, NINE_AM)).isEqualTo(PostOutcome.POSTED);
        thread = new ThreadRef(TestBot.CHANNEL, t.gateway.posts().get(0).threadId());
    }

    @AfterEach
    void stop() {
        if (t != null) { // null when the store was skipped
            work.close();
            t.close();
        }
    }

    /** The bot stops and starts again on the same file; its thread and drill are as they were. */
    private void restart() {
        work.close();
        t.close();
        t = new TestBot(store, dir, ZoneId.of("America/Los_Angeles"), NINE_AM.plusSeconds(600));
        work = new EventWork("test", 4, 1);
    }

    private AnswerIntake.Door door() {
        return door(UnaryOperator.identity());
    }

    private AnswerIntake.Door door(UnaryOperator<AnswerReceived> complete) {
        return t.bot.intake().door("test", work, complete);
    }

    private Inbox.Event answer(UserRef user, String text, String messageId, int minute) {
        return new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(user, thread, text,
                NINE_AM.plusSeconds(60L * minute), messageId));
    }

    private List<String> feedback(RecordingGateway gateway) {
        return gateway.replies().stream().map(r -> r.message().text()).toList();
    }

    private int scoredRows() {
        return t.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM scores")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private void idle() throws InterruptedException {
        assertThat(work.awaitIdle(WAIT)).isTrue();
    }

    @Test
    @DisplayName("an event is handled once; its re-delivery is recognised, also after a restart")
    void redeliveryRecognised() throws Exception {
        assertThat(door().take("message:m1", answer(ANA, "The result: 30% faster. score=80", "m1", 1))).isTrue();
        idle();
        assertThat(feedback(t.gateway)).singleElement().satisfies(f -> assertThat(f).contains("80/100"));
        assertThat(door().take("message:m1", answer(ANA, "The result: 30% faster. score=80", "m1", 1))).isFalse();

        restart();
        AnswerIntake.Door again = door();
        assertThat(again.resume()).isZero();
        assertThat(again.take("message:m1", answer(ANA, "The result: 30% faster. score=80", "m1", 1))).isFalse();
        idle();
        assertThat(t.gateway.replies()).isEmpty();
        assertThat(scoredRows()).isEqualTo(1);
    }

    @Test
    @DisplayName("events committed but not handled before a crash are handled at the next start, in order, each once")
    void crashBeforeHandling() throws Exception {
        AnswerIntake.Door door = door();
        work.drain(Duration.ZERO); // the process dies: nothing queued from now on runs
        door.take("message:m1", answer(ANA, "First try, no numbers. score=40", "m1", 1));
        door.take("message:m2", answer(BEN, "The result: costs down 20%. score=85", "m2", 2));
        door.take("edit:m1:1", new Inbox.Event(Inbox.Kind.EDIT, new AnswerReceived(ANA, thread,
                "Edited: the result was 2x faster. score=90", NINE_AM.plusSeconds(180), "m1")));
        assertThat(t.gateway.replies()).isEmpty();

        restart();
        AnswerIntake.Door resumed = door();
        assertThat(resumed.resume()).isEqualTo(3);
        idle();
        List<String> replies = feedback(t.gateway);
        assertThat(replies).hasSize(3);
        // Ana's answer before her edit of it; Ben's in parallel
        assertThat(replies.stream().filter(r -> r.contains("Ana")).toList()).satisfiesExactly(
                a -> assertThat(a).contains("40/100"), b -> assertThat(b).contains("90/100"));
        assertThat(replies.stream().filter(r -> r.contains("Ben"))).singleElement()
                .satisfies(b -> assertThat(b).contains("85/100"));
        // sent minutes before the restart, they keep their own time: all on time for the drill
        assertThat(t.bot.progress().leaderboard(TestBot.CHANNEL, Instant.EPOCH)).hasSize(2);

        restart();
        assertThat(door().resume()).isZero();
        idle();
        assertThat(t.gateway.replies()).isEmpty();
        assertThat(scoredRows()).isEqualTo(3);
    }

    @Test
    @DisplayName("an answer stored but not scored when the bot stopped is scored at the next start, one scored but not replied to"
            + " gets its feedback then, and one replied to is left alone")
    void storedButNotScored() throws Exception {
        Inbox inbox = new SqliteInbox(t.db);
        // Ana's answer: stored, then the process died before scoring it
        Inbox.Event ana = answer(ANA, "The result: errors down to 0. score=77", "m1", 1);
        inbox.add("message:m1", ana, NINE_AM);
        AnswerStore answers = new SqliteAnswerStore(t.db);
        long drillId = t.bot.drillStore().byThread(thread.channel(), thread.id()).orElseThrow().id();
        assertThat(answers.accept(new AnswerStore.NewAnswer(drillId, ANA, "m1", "m1", ana.message().text(),
                ana.message().text(), ana.message().at(), ana.message().at().atZone(t.channel.zone()).toLocalDate(),
                true))).isPresent();
        // Ben's answer: scored and replied, then the process died before the inbox heard it was done
        Inbox.Event ben = answer(BEN, "The result: 3 incidents to 0. score=88", "m2", 2);
        inbox.add("message:m2", ben, NINE_AM);
        t.bot.answers().receive(ben.message());
        assertThat(feedback(t.gateway)).singleElement().satisfies(f -> assertThat(f).contains("Ben"));

        // Cy's answer: scored, then the process died before the feedback was posted
        Inbox.Event cy = answer(CY, "The result: a week to a day. score=66", "m3", 3);
        inbox.add("message:m3", cy, NINE_AM);
        long cyId = answers.accept(new AnswerStore.NewAnswer(drillId, CY, "m3", "m3", cy.message().text(),
                cy.message().text(), cy.message().at(), cy.message().at().atZone(t.channel.zone()).toLocalDate(),
                true)).orElseThrow();
        answers.recordScore(cyId, new dev.drillbot.core.scoring.Score(66, dev.drillbot.core.scoring.Verdict.MIXED,
                List.of(), List.of("scripted feedback"), "", ""), cy.message().at(), new dev.drillbot.core.progress.ProgressUpdate(
                TestBot.CHANNEL, CY, drillId, cy.message().at(), cy.message().at().atZone(t.channel.zone()).toLocalDate(),
                List.of(), 66, true));

        restart();
        assertThat(door().resume()).isEqualTo(3);
        idle();
        assertThat(feedback(t.gateway)).satisfiesExactlyInAnyOrder(
                f -> assertThat(f).contains("Ana").contains("77/100"),
                f -> assertThat(f).contains("Cy").contains("66/100"));
        assertThat(scoredRows()).isEqualTo(3);

        restart();
        assertThat(door().resume()).isZero();
        t.bot.answers().receive(cy.message()); // delivered once more: recognised, not replied to again
        assertThat(t.gateway.replies()).isEmpty();
    }

    @Test
    @DisplayName("feedback that could not be posted is posted at the next start, once; the answer is scored once")
    void replyFailedPostedNextStart() throws Exception {
        t.gateway.failReplies(true);
        door().take("message:m1", answer(ANA, "The result: 2 incidents to 0. score=73", "m1", 1));
        idle();
        assertThat(t.gateway.replies()).isEmpty();
        assertThat(scoredRows()).isEqualTo(1);

        restart();
        assertThat(door().resume()).isEqualTo(1);
        idle();
        assertThat(feedback(t.gateway)).singleElement().satisfies(f -> assertThat(f).contains("Ana").contains("73/100"));
        assertThat(scoredRows()).isEqualTo(1);
        restart();
        assertThat(door().resume()).isZero();
    }

    @Test
    @DisplayName("feedback that could not be posted is tried again while running, without a restart, and posted once")
    void replyFailedRetriedWhileRunning() throws Exception {
        t.bot.intake().retryRepliesAfter(List.of(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(20)));
        t.gateway.failNextReplies(2); // the platform is down for the first attempt and the first retry
        door().take("message:m1", answer(ANA, "The result: 2 incidents to 0. score=73", "m1", 1));
        assertThat(t.gateway.awaitReplies(1, WAIT)).as("the feedback arrived on a retry").isTrue();
        idle();
        assertThat(feedback(t.gateway)).singleElement().satisfies(f -> assertThat(f).contains("Ana").contains("73/100"));
        assertThat(scoredRows()).isEqualTo(1);
        restart();
        assertThat(door().resume()).as("nothing left for the next start").isZero();
    }

    @Test
    @DisplayName("feedback that fails on every retry while running waits for the next start, and is posted then")
    void replyFailedEveryRetryWaitsForNextStart() throws Exception {
        t.bot.intake().retryRepliesAfter(List.of(Duration.ofMillis(10), Duration.ofMillis(10)));
        t.gateway.failNextReplies(3); // the first attempt and both retries
        door().take("message:m1", answer(ANA, "The result: 2 incidents to 0. score=73", "m1", 1));
        assertThat(t.gateway.awaitReplies(1, Duration.ofMillis(500))).isFalse();
        restart();
        assertThat(door().resume()).isEqualTo(1);
        idle();
        assertThat(feedback(t.gateway)).singleElement().satisfies(f -> assertThat(f).contains("73/100"));
    }

    @Test
    @DisplayName("an event whose handling fails at every start is given up after three attempts, with an error logged")
    void poisonEventGivenUp() throws Exception {
        UnaryOperator<AnswerReceived> broken = m -> {
            throw new IllegalStateException("cannot prepare this event");
        };
        door(broken).take("message:m1", answer(ANA, "score=70", "m1", 1));
        idle();
        for (int start = 1; start <= 3; start++) {
            restart();
            assertThat(door(broken).resume()).as("start %d", start).isEqualTo(1);
            idle();
        }
        restart();
        assertThat(door(broken).resume()).isZero();
        restart();
        assertThat(door().resume()).isZero(); // given up for good, even once it could be handled
        assertThat(t.gateway.replies()).isEmpty();
    }

    @Test
    @DisplayName("answers written in a post whose poster died before recording it are scored, each once, when the takeover keeps that post")
    void answersInATakenOverPost() throws Exception {
        Instant fire = NINE_AM.plus(Duration.ofDays(1));
        ThreadRef first = new ThreadRef(TestBot.CHANNEL, "first-post");
        // instance A claimed the fire time and the platform took its post; A died before recording it
        dev.drillbot.core.bank.Question question = t.bank.track(dev.drillbot.core.bank.Track.LP).get(0);
        new dev.drillbot.adapter.store.SqliteDrillStore(t.db).claim(new dev.drillbot.core.drill.DrillStore.NewDrill(
                TestBot.CHANNEL, dev.drillbot.core.drill.Drill.Kind.SCHEDULED, java.util.Optional.of(fire),
                fire.atZone(t.channel.zone()).toLocalDate(), question.id(), question.track(), "", fire,
                fire.plus(Duration.ofHours(24)))).orElseThrow();
        // answers in A's thread reach this instance, which knows no drill there yet
        t.clock.set(fire.plusSeconds(60));
        AnswerIntake.Door door = door();
        door.take("message:a1", new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(ANA, first,
                "First go, no numbers. score=41", fire.plusSeconds(50), "a1")));
        door.take("message:b1", new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(BEN, first,
                "The result: costs down 20%. score=66", fire.plusSeconds(55), "b1")));
        door.take("edit:a1:1", new Inbox.Event(Inbox.Kind.EDIT, new AnswerReceived(ANA, first,
                "Edited: the result was 2x faster. score=91", fire.plusSeconds(58), "a1")));
        idle();
        assertThat(t.gateway.replies()).isEmpty();

        // past the lease this instance takes the fire time over, and the platform hands back A's post
        t.gateway.earlierPostIn(first.id());
        t.clock.set(fire.plus(Duration.ofMinutes(3)));
        assertThat(t.bot.drills().postScheduled(t.channel, fire)).isEqualTo(PostOutcome.POSTED);
        idle();
        List<String> replies = feedback(t.gateway);
        assertThat(t.gateway.replies()).allSatisfy(r -> assertThat(r.threadId()).isEqualTo(first.id()));
        assertThat(replies.stream().filter(r -> r.contains("Ana")).toList()).satisfiesExactly(
                a -> assertThat(a).contains("41/100"), b -> assertThat(b).contains("91/100"));
        assertThat(replies.stream().filter(r -> r.contains("Ben"))).singleElement()
                .satisfies(b -> assertThat(b).contains("66/100"));
        assertThat(scoredRows()).isEqualTo(3);

        // nothing is left for the next start, and nothing is scored twice
        int sent = t.gateway.replies().size();
        restart();
        assertThat(door().resume()).isZero();
        idle();
        assertThat(t.gateway.replies()).hasSize(0);
        assertThat(scoredRows()).isEqualTo(3);
        assertThat(sent).isEqualTo(3);
    }

    @Test
    @DisplayName("an answer written before the bot has recorded its drill's thread is scored once the thread is recorded")
    void answerWrittenWhileTheDrillIsBeingRecorded() throws Exception {
        Instant fire = NINE_AM.plus(Duration.ofDays(1));
        t.clock.set(fire);
        AnswerIntake.Door door = door();
        // the platform shows the post at once; Ana answers before post() has returned the thread to the bot
        t.gateway.whilePosting(posted -> {
            door.take("message:a1", new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(ANA, posted,
                    "Quick answer, the result: 2x faster. score=77", fire.plusSeconds(2), "a1")));
            try {
                idle(); // handled while its thread is nobody's
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(t.gateway.replies()).isEmpty();
        });
        assertThat(t.bot.drills().postScheduled(t.channel, fire)).isEqualTo(PostOutcome.POSTED);
        idle();
        String drillThread = t.gateway.posts().get(1).threadId();
        assertThat(t.gateway.replies()).singleElement().satisfies(r -> {
            assertThat(r.threadId()).isEqualTo(drillThread);
            assertThat(r.message().text()).contains("Ana", "77/100");
        });
        assertThat(scoredRows()).isEqualTo(1);

        restart(); // nothing is left over for the next start
        assertThat(door().resume()).isZero();
        idle();
        assertThat(t.gateway.replies()).isEmpty();
        assertThat(scoredRows()).isEqualTo(1);
    }

    @Test
    @DisplayName("an answer found to be no drill's just as another instance records the drill's thread is scored, by one instance, once")
    void answerSettledJustAfterTheThreadIsRecorded() throws Exception {
        Instant fire = NINE_AM.plus(Duration.ofDays(1));
        t.clock.set(fire);
        java.util.concurrent.CountDownLatch lookedUp = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        // instance B receives the answer; it looks the thread up before instance A records it, and only marks the
        // answer as no drill's after A has recorded the thread and handed out what was marked by then (nothing)
        Inbox shared = new SqliteInbox(t.db);
        Inbox late = new LateMarks(shared, () -> {
            lookedUp.countDown();
            await(recorded);
        });
        AnswerIntake instanceB = new AnswerIntake(late, t.bot.answers(), t.bot.mocks(), t.clock);
        try (EventWork workB = new EventWork("b", 4, 1)) {
            AnswerIntake.Door doorB = instanceB.door("test", workB, UnaryOperator.identity());
            door(); // instance A has a door too: whatever it is handed out, it handles
            t.gateway.whilePosting(posted -> {
                doorB.take("message:b1", new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(BEN, posted,
                        "The result: costs down 20%. score=66", fire.plusSeconds(3), "b1")));
                await(lookedUp);
            });
            assertThat(t.bot.drills().postScheduled(t.channel, fire)).isEqualTo(PostOutcome.POSTED);
            recorded.countDown();
            assertThat(workB.awaitIdle(WAIT)).isTrue();
            idle();
        }
        assertThat(feedback(t.gateway)).singleElement().satisfies(r -> assertThat(r).contains("Ben", "66/100"));
        assertThat(scoredRows()).isEqualTo(1);
    }

    @Test
    @DisplayName("events handled as no drill's are handed out once, to one of several instances recording the thread at once")
    void noDrillEventsHandedOutOnce() throws Exception {
        Inbox inbox = new SqliteInbox(t.db);
        ThreadRef elsewhere = new ThreadRef(TestBot.CHANNEL, "not-yet-recorded");
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long id = inbox.add("message:n" + i, new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(
                    i % 2 == 0 ? ANA : BEN, elsewhere, "answer " + i, NINE_AM.plusSeconds(i), "n" + i)), NINE_AM)
                    .orElseThrow();
            inbox.doneWithoutDrill(id);
            ids.add(id);
        }
        long scoredElsewhere = inbox.add("message:x", new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(CY,
                elsewhere, "handled as a drill's", NINE_AM, "x")), NINE_AM).orElseThrow();
        inbox.done(scoredElsewhere);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Inbox.Pending>>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return inbox.reopen("test", TestBot.CHANNEL.id(), elsewhere.id());
                }));
            }
            List<Long> handedOut = new java.util.ArrayList<>();
            for (var claim : claims) {
                List<Inbox.Pending> got = claim.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                assertThat(got).extracting(Inbox.Pending::id).isSorted();
                assertThat(got).allSatisfy(p -> assertThat(p.attempts()).isEqualTo(1));
                got.forEach(p -> handedOut.add(p.id()));
            }
            assertThat(handedOut).containsExactlyInAnyOrderElementsOf(ids); // each once; the drill's answer never
        } finally {
            pool.shutdownNow();
        }
        assertThat(inbox.reopen("test", TestBot.CHANNEL.id(), elsewhere.id())).isEmpty();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inbox of an instance that is slow to mark an event as no drill's: {@code first} runs before each mark. */
    private record LateMarks(Inbox inbox, Runnable first) implements Inbox {
        @Override
        public java.util.Optional<Long> add(String eventKey, Event event, Instant receivedAt) {
            return inbox.add(eventKey, event, receivedAt);
        }

        @Override
        public void done(long id) {
            inbox.done(id);
        }

        @Override
        public void doneWithoutDrill(long id) {
            first.run();
            inbox.doneWithoutDrill(id);
        }

        @Override
        public List<Pending> takePending(String platform) {
            return inbox.takePending(platform);
        }

        @Override
        public List<Pending> reopen(String platform, String channelId, String threadId) {
            return inbox.reopen(platform, channelId, threadId);
        }

        @Override
        public java.util.Optional<Instant> lastSent(String platform, String channelId, String threadId) {
            return inbox.lastSent(platform, channelId, threadId);
        }

        @Override
        public int prune(Instant before) {
            return inbox.prune(before);
        }
    }
}
