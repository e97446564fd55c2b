package dev.drillbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.adapter.files.MustacheMessages;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.adapter.store.Database;
import dev.drillbot.cli.Bot;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.scoring.lp.LpScorer;
import dev.drillbot.scoring.sql.SqlScorer;
import dev.drillbot.testing.MutableClock;
import dev.drillbot.testing.RecordingGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop with the shipped bank, the real LP rubric and the real SQL grader. */
@DisplayName("The loop with the real scorers and the shipped bank")
class RealScorersLoopTest {
    static final UserRef ANA = new UserRef("U1", "Ana");

    @TempDir
    Path dir;
    Database db;
    SqlScorer sql;
    RecordingGateway gateway = new RecordingGateway("test");
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T17:00:00Z"));
    Drillbot bot;
    ChannelSettings channel = new ChannelSettings(new dev.drillbot.core.chat.ChannelRef("test", "C1"),
            "0 0 9 ? * MON-FRI", ZoneId.of("America/Los_Angeles"), TrackMode.MIXED, Duration.ofHours(24),
            Duration.ofHours(2));

    @BeforeEach
    void start() {
        var loaded = new QuestionBankLoader().loadDirectory(Path.of("questions"));
        assertThat(loaded.problems()).isEmpty();
        db = Database.open(dir.resolve("db.sqlite"));
        sql = new SqlScorer();
        bot = Bot.assemble(loaded.bank(), new Scoring(List.of(LpScorer.fromDirectory(Path.of("config/rubric")), sql)),
                db, new Gateways(List.of(gateway)), MustacheMessages.builtIn(),
                new ChannelDirectory(List.of(channel), ZoneId.of("UTC")), 20_000, clock, new Random(3));
    }

    @AfterEach
    void stop() {
        sql.close();
        db.close();
    }

    ThreadRef practice(String questionId) {
        bot.commands().dispatch(new dev.drillbot.core.command.CommandContext(channel, ANA, java.util.Optional.empty()),
                "/drill " + questionId);
        return new ThreadRef(channel.channel(), gateway.posts().get(gateway.posts().size() - 1).threadId());
    }

    @Test
    @DisplayName("an LP answer without a result gets a probe; answering it raises the score and says what changed")
    void followUpRaisesTheScore() {
        ThreadRef thread = practice("lp-ownership-01");
        String story = "Last spring the nightly orders pipeline failed three times a week and no team owned it. "
                + "It was not my job, but I decided to take it on because finance depended on the numbers. "
                + "I read the task logs for two weeks and found that a retry loop hid the real timeout. "
                + "I rewrote the retry logic, added an alert on missing partitions and wrote a runbook. "
                + "I also asked the platform team to name an owner, and I handed the job over with a checklist.";
        bot.answers().receive(new AnswerReceived(ANA, thread, story, clock.instant(), "m1"));
        String first = gateway.lastReply().message().text();
        assertThat(first).contains("Follow-up: ", "What a strong answer shows:");
        int before = Integer.parseInt(first.replaceAll("(?s).*?(\\d+)/100.*", "$1"));

        clock.advance(Duration.ofMinutes(3));
        bot.answers().receive(new AnswerReceived(ANA, thread, "The result: failures dropped from three a week to zero"
                + " over the next two months, and the on-call pages for this job fell from 12 to 1 per month."
                + " I learned to ask who owns a job before I fix it.", clock.instant(), "m2"));
        String second = gateway.lastReply().message().text();
        assertThat(second).contains("With your addition: " + before + " → ");
        int after = Integer.parseInt(second.replaceAll("(?s).*?With your addition: \\d+ → (\\d+).*", "$1"));
        assertThat(after).isGreaterThan(before);
        assertThat(second).containsPattern("impact \\d(\\.5)? → \\d");
    }

    @Test
    @DisplayName("a second message sent before the bot's follow-up is scored on its own, in whichever order the two are"
            + " processed (a burst spread over several instances)")
    void messageSentBeforeTheFollowUpIsNotAReplyToIt() {
        String story = "Last spring the nightly orders pipeline failed three times a week and no team owned it. "
                + "It was not my job, but I decided to take it on because finance depended on the numbers. "
                + "I read the task logs for two weeks and found that a retry loop hid the real timeout. "
                + "I rewrote the retry logic, added an alert on missing partitions and wrote a runbook.";
        String more = "Failures dropped from three a week to zero over the next two months, and the pages for this job"
                + " fell from 12 to 1 per month.";
        Instant sent = clock.instant();
        int[] inOrder = new int[2];
        int[] reversed = new int[2];
        for (int[] scores : List.of(inOrder, reversed)) {
            ThreadRef thread = practice("lp-ownership-01");
            String m1 = scores == inOrder ? "first" : "first-r";
            String m2 = scores == inOrder ? "second" : "second-r";
            // both sent before any feedback; the story is scored a minute later, the second message after that
            AnswerReceived storyMessage = new AnswerReceived(ANA, thread, story, sent, m1);
            AnswerReceived moreMessage = new AnswerReceived(ANA, thread, more, sent.plusSeconds(20), m2);
            List<AnswerReceived> order = scores == inOrder ? List.of(storyMessage, moreMessage)
                    : List.of(moreMessage, storyMessage);
            for (AnswerReceived m : order) {
                clock.advance(Duration.ofMinutes(1));
                bot.answers().receive(m);
                String reply = gateway.lastReply().message().text();
                assertThat(reply).doesNotContain("With your addition");
                scores[m == storyMessage ? 0 : 1] = Integer.parseInt(reply.replaceAll("(?s).*?(\\d+)/100.*", "$1"));
            }
        }
        assertThat(reversed).containsExactly(inOrder);
    }

    @Test
    @DisplayName("a SQL drill shows the sample tables, and a correct query scores 100 in the thread")
    void sqlCorrect() throws Exception {
        var q = (dev.drillbot.core.bank.SqlQuestion) bot.bank().track(dev.drillbot.core.bank.Track.SQL).get(0);
        ThreadRef thread = practice(q.id());
        assertThat(gateway.posts().get(0).message().text()).contains("Sample data", "```");
        bot.answers().receive(new AnswerReceived(ANA, thread, "```sql\n" + q.solution() + "\n```", clock.instant(), "m1"));
        assertThat(gateway.lastReply().message().text()).contains("100/100 · correct");
    }
}
