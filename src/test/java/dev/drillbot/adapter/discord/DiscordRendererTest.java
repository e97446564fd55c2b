package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discord rendering stays within Discord's limits")
class DiscordRendererTest {
    private static final QuestionBank BANK =
            new QuestionBankLoader().loadDirectory(Path.of("src/test/resources/bank")).bank();

    @Test
    @DisplayName("a drill is one embed titled with the question, with one row of four buttons")
    void drill() {
        Question q = BANK.track(Track.SQL).get(0);
        List<MessageCreateData> out = DiscordRenderer.drill(new OutgoingMessage.DrillPost(
                "📅 Today's drill · SQL\n*" + q.title() + "*\n\n" + q.prompt(), q, false, "drill-1",
                java.util.Optional.empty()));

        assertThat(out).hasSize(1);
        MessageEmbed embed = out.get(0).getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo(q.title());
        assertThat(embed.getDescription()).doesNotContain("*" + q.title() + "*").contains(q.prompt());
        assertThat(out.get(0).getComponents()).hasSize(1);
        assertWithinLimits(out);
    }

    @Test
    @DisplayName("a very long drill text is split over several embeds and messages; only the first has buttons")
    void longDrill() {
        Question q = BANK.track(Track.LP).get(0);
        String text = IntStream.range(0, 900).mapToObj(i -> "line " + i + " of a very long question text")
                .reduce("", (a, b) -> a + b + "\n");
        List<MessageCreateData> out = DiscordRenderer.drill(new OutgoingMessage.DrillPost(text, q, true, "drill-2",
                java.util.Optional.empty()));

        assertThat(out.size()).isGreaterThan(1);
        assertThat(out.get(0).getComponents()).hasSize(1);
        assertThat(out.subList(1, out.size())).allSatisfy(m -> assertThat(m.getComponents()).isEmpty());
        String joined = out.stream().flatMap(m -> m.getEmbeds().stream()).map(MessageEmbed::getDescription)
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(joined).contains("line 0 of", "line 899 of");
        assertWithinLimits(out);
    }

    @Test
    @DisplayName("feedback is an embed titled with score and verdict; a short row diff is a code-block field")
    void feedbackWithShortDetail() {
        Score score = new Score(40, Verdict.WRONG, List.of(new DimensionScore("correctness", 2, 5)),
                List.of("Customers without orders are missing."), "expected 2 rows, got 1\n- Ben | 0", "");
        String text = "Ana: *40/100 · wrong* — Orders\n`correctness ██░░░ 2/5`\n• Customers without orders are missing.\n"
                + "```\n" + score.detail() + "\n```\n🔥 Streak: 1 (longest 1)";
        List<MessageCreateData> out = DiscordRenderer.feedback(new OutgoingMessage.Feedback(text, score));

        assertThat(out).hasSize(1);
        MessageEmbed embed = out.get(0).getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo("40/100 · wrong");
        assertThat(embed.getDescription()).contains("**40/100 · wrong**").contains("`correctness ██░░░ 2/5`")
                .doesNotContain("expected 2 rows");
        assertThat(embed.getFields()).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo("Details");
            assertThat(f.getValue()).startsWith("```\n").endsWith("\n```").contains("- Ben | 0");
        });
        assertWithinLimits(out);
    }

    @Test
    @DisplayName("a row diff too long for a field follows as code-block messages of at most 2,000 characters")
    void feedbackWithHugeDetail() {
        String detail = IntStream.range(0, 400).mapToObj(i -> "| row " + i + " | expected | got |")
                .reduce("", (a, b) -> a + b + "\n").strip();
        Score score = new Score(0, Verdict.WRONG, List.of(), List.of("Wrong rows."), detail, "");
        String text = "Ana: *0/100 · wrong*\n```\n" + detail + "\n```\nend";
        List<MessageCreateData> out = DiscordRenderer.feedback(new OutgoingMessage.Feedback(text, score));

        assertThat(out.size()).isGreaterThan(2);
        assertThat(out.get(0).getEmbeds().get(0).getDescription()).contains("end").doesNotContain("row 0 ");
        List<MessageCreateData> code = out.subList(1, out.size());
        assertThat(code).allSatisfy(m -> {
            assertThat(m.getContent()).startsWith("```").endsWith("```");
            assertThat(m.getContent().length()).isLessThanOrEqualTo(2000);
        });
        String all = code.stream().map(MessageCreateData::getContent).reduce("", String::concat);
        assertThat(all).contains("| row 0 |", "| row 399 |");
        assertWithinLimits(out);
    }

    @Test
    @DisplayName("plain text over 2,000 characters is split on lines into several messages, none pinging anyone")
    void plainSplit() {
        String text = "@everyone " + "word ".repeat(1_000) + "\n" + "x".repeat(5_000);
        List<MessageCreateData> out = DiscordRenderer.plain(text);

        assertThat(out.size()).isGreaterThanOrEqualTo(4);
        assertThat(out).allSatisfy(m -> {
            assertThat(m.getContent().length()).isLessThanOrEqualTo(2000);
            assertThat(m.getAllowedMentions()).isEmpty();
        });
        assertThat(out.stream().map(MessageCreateData::getContent).mapToInt(String::length).sum())
                .isGreaterThanOrEqualTo(text.length() - out.size());
    }

    @Test
    @DisplayName("single-star bold becomes Discord bold, code stays untouched")
    void markdown() {
        assertThat(DiscordRenderer.markdown("what *you* did, `a*b*c`, 2*3*4\n```\n*x*\n```"))
                .isEqualTo("what **you** did, `a*b*c`, 2*3*4\n```\n*x*\n```");
    }

    private static void assertWithinLimits(List<MessageCreateData> messages) {
        for (MessageCreateData m : messages) {
            assertThat(m.getContent().length()).isLessThanOrEqualTo(2000);
            assertThat(m.getEmbeds().size()).isLessThanOrEqualTo(10);
            assertThat(m.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum()).isLessThanOrEqualTo(6000);
            assertThat(m.getEmbeds()).allSatisfy(e -> {
                assertThat(e.isSendable()).isTrue();
                assertThat(e.getDescription() == null ? 0 : e.getDescription().length()).isLessThanOrEqualTo(4096);
            });
            assertThat(m.getComponents().size()).isLessThanOrEqualTo(5);
        }
    }
}
