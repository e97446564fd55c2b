package dev.drillbot.core;

import dev.drillbot.testing.TestStore;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.chat.AnswerReceived;
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

@DisplayName("The story bank: every LP drill answered is a story, with what it shows and what is still missing")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStore.class)
class StoryBankTest {
    /** Every test here runs on SQLite and on PostgreSQL (skipped, with a message, when no server is set). */
    @Parameter
    TestStore store;

    static final UserRef ANA = new UserRef("U1", "Ana");
    static final UserRef BEN = new UserRef("U2", "Ben");

    @TempDir
    Path dir;
    TestBot t;

    @BeforeEach
    void start() {
        t = new TestBot(store, dir, ZoneId.of("Europe/Berlin"), Instant.parse("2026-11-23T09:00:00Z"));
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

    /** An LP practice drill for {@code user}, answered with each text in turn. */
    void answer(UserRef user, String question, String... texts) {
        run(user, "/drill " + question);
        String thread = t.gateway.posts().get(t.gateway.posts().size() - 1).threadId();
        for (String text : texts) {
            t.clock.set(t.clock.instant().plus(Duration.ofMinutes(3)));
            t.bot.answers().receive(new AnswerReceived(user, new ThreadRef(TestBot.CHANNEL, thread), text,
                    t.clock.instant(), "m" + t.clock.instant()));
        }
    }

    @Test
    @DisplayName("/stories lists each story with its first sentence, best score and principles, and the 16-principle grid")
    void listsStoriesAndCoverage() {
        assertThat(run(ANA, "/stories").message().text()).contains("No stories yet");
        answer(ANA, "lp-test-ownership", "I took over the failing nightly load. It broke twice a week. score=55 shows=ownership",
                "I added a runbook and alerts; as a result it failed once in a quarter. score=82 shows=ownership,dive-deep");
        answer(ANA, "lp-test-dive-deep", "The revenue tile looked wrong so I traced it. score=40 shows=dive-deep,frugality");
        answer(BEN, "lp-test-ownership", "Ben's own story about the load. score=90 shows=think-big");

        CommandReply r = run(ANA, "/stories");
        assertThat(r.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        String text = r.message().text();
        assertThat(text).contains("1. I took over the failing nightly load. — best 82 · shows Ownership, Dive Deep")
                .contains("2. The revenue tile looked wrong so I traced it. — best 40 · shows Dive Deep, Frugality")
                .doesNotContain("Ben's own story");
        // solid or better: only story 1 counts, so Ownership and Dive Deep are covered, Frugality is not
        assertThat(text).contains("Principles with a story at solid (60) or better: 2 of 16")
                .contains("✅ Ownership").contains("✅ Dive Deep").contains("⬜ Frugality").contains("⬜ Think Big");
        assertThat(text.lines().filter(l -> l.startsWith("✅") || l.startsWith("⬜")).count()).isEqualTo(16);
    }

    @Test
    @DisplayName("/stories name N gives a story a title, made inert; a wrong N or option is explained")
    void naming() {
        answer(ANA, "lp-test-ownership", "I took over the failing nightly load. score=70 shows=ownership");
        assertThat(run(ANA, "/stories name 1 The nightly load \u202Erescue\u0007").message().text())
                .contains("Story 1 is now “The nightly load rescue”");
        assertThat(run(ANA, "/stories").message().text()).contains("1. The nightly load rescue — best 70");
        assertThat(run(ANA, "/stories name 2 nope").message().text()).contains("N from 1 to 1");
        assertThat(run(BEN, "/stories name 1 mine").message().text()).contains("you have none yet");
        assertThat(run(ANA, "/stories export-all").message().text()).contains("is not a /stories option", "/stories export");
    }

    @Test
    @DisplayName("/stories export sends the whole bank as a Markdown file to the user alone, and as text where no file can be sent")
    void export() {
        assertThat(run(ANA, "/stories export").message().text()).contains("No stories to export yet");
        assertThat(t.gateway.files()).isEmpty();
        answer(ANA, "lp-test-ownership", "I took over the failing nightly load <@U999> *now*. It broke twice a week. score=55 shows=ownership",
                "I added a runbook and alerts; as a result it failed once in a quarter. score=82 shows=ownership,dive-deep");
        answer(ANA, "lp-test-dive-deep", "The revenue tile looked wrong so I traced it. score=40 shows=dive-deep");
        run(ANA, "/stories name 2 Revenue tile");

        CommandReply r = run(ANA, "/stories export");
        assertThat(r.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(r.message().text()).contains("Sent you your story bank (2 stories) as drillbot-stories.md");
        assertThat(t.gateway.files()).hasSize(1);
        var file = t.gateway.files().get(0);
        assertThat(file.name()).isEqualTo("drillbot-stories.md");
        assertThat(file.mimeType()).isEqualTo("text/markdown");
        String md = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(md).startsWith("# Story bank of Ana")
                .contains("| Ownership | yes |", "| Frugality | not yet |")
                .contains("## 1. I took over the failing nightly load", "- Best score: 82/100", "- Shows: Ownership, Dive Deep")
                .contains("## 2. Revenue tile", "- Best score: 40/100")
                .contains("It broke twice a week")
                .contains("Feedback:");
        // the user's own words, as written (mentions mean nothing inside a file; control characters are removed)
        assertThat(md).contains("<@U999> *now*");
        assertThat(t.gateway.sent()).filteredOn(x -> x.kind().equals("file")).singleElement()
                .satisfies(x -> assertThat(x.threadId()).as("to Ana alone").isEqualTo(ANA.id()));

        // where no file can be sent, the same export comes back as text, privately
        t.gateway.refuseFiles(true);
        CommandReply text = run(ANA, "/stories export");
        assertThat(text.visibility()).isEqualTo(CommandReply.Visibility.PRIVATE);
        assertThat(text.message().text()).contains("could not be sent here", "# Story bank of Ana", "## 2. Revenue tile");
        assertThat(t.gateway.files()).hasSize(1);
    }

    @Test
    @DisplayName("the real LP scorer names the principles a story shows")
    void realScorerShows() {
        var scorer = dev.drillbot.scoring.lp.LpScorer.fromDirectory(Path.of("config/rubric"));
        var q = t.bank.find("lp-test-ownership").orElseThrow();
        String story = """
                In 2023 our nightly settlement load into Redshift failed twice a week and nobody owned it, because \
                its author had left. It was not my job, but I took it on: I traced each failure to files arriving \
                late, rewrote the sensor to wait for the manifest, and wrote a runbook and alerts. As a result, \
                failures fell from eight a month to zero over the next quarter.
                """;
        assertThat(scorer.shown(q, story)).contains(Principle.OWNERSHIP);
        assertThat(scorer.shown(q, "I like hiking on weekends.")).isEmpty();
    }
}
