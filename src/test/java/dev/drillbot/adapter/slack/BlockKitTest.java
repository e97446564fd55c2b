package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.util.json.GsonFactory;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Block Kit rendering")
class BlockKitTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    @Test
    @DisplayName("feedback shows the score, dimension bars, top fixes, the row diff as a code block, and the rest of the text")
    void feedback() {
        Score score = new Score(40, Verdict.PARTIAL, List.of(new DimensionScore("correctness", 2, 5),
                new DimensionScore("style", 1, 1)), List.of("Count customers with no orders as 0 (LEFT JOIN)."),
                "expected 3 rows, got 2\n- | carol | 0 |", "");
        String text = """
                Ann: *40/100 · partial* — Orders per customer
                `correctness ████░░░░░░ 2/5`
                `style       ██████████ 1/1`
                • Count customers with no orders as 0 (LEFT JOIN).
                ```
                expected 3 rows, got 2
                - | carol | 0 |
                ```
                🔥 Streak: 2 (longest 4)""";
        BlockKit.Rendered r = BlockKit.feedback(new OutgoingMessage.Feedback(text, score));

        String json = GSON.toJson(r.blocks());
        assertThat(json).contains("40/100 · partial").contains("correctness").contains("████░░░░░░ 2/5")
                .contains("Top fixes").contains("LEFT JOIN").contains("```\\nexpected 3 rows, got 2")
                .contains("Streak: 2 (longest 4)");
        assertThat(sections(r.blocks())).noneMatch(s -> s.contains("`correctness"));
        assertThat(r.text()).contains("40/100");
    }

    @Test
    @DisplayName("a long plain text is split into sections of at most 3,000 characters and messages of at most 50 blocks")
    void longPlainText() {
        String text = ("A line of the gap summary that goes on a bit.\n").repeat(5_000);
        List<BlockKit.Rendered> parts = BlockKit.plain(text);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.blocks()).hasSizeLessThanOrEqualTo(SlackText.MESSAGE_BLOCKS);
            assertThat(sections(p.blocks())).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(3000));
            assertThat(p.text().length()).isLessThanOrEqualTo(SlackText.FALLBACK_CHARS + 200);
        });
    }

    @Test
    @DisplayName("a huge row diff is cut to fit rather than rejected by Slack")
    void hugeDetail() {
        Score score = new Score(0, Verdict.WRONG, List.of(new DimensionScore("correctness", 0, 5)), List.of("x"),
                "| row |\n".repeat(20_000), "");
        BlockKit.Rendered r = BlockKit.feedback(new OutgoingMessage.Feedback("Ann: *0/100 · wrong*", score));
        assertThat(r.blocks()).hasSizeLessThanOrEqualTo(SlackText.MESSAGE_BLOCKS);
        assertThat(sections(r.blocks())).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(3000));
    }

    private static List<String> sections(List<LayoutBlock> blocks) {
        return blocks.stream().filter(b -> b instanceof SectionBlock)
                .map(b -> ((SectionBlock) b).getText())
                .filter(t -> t instanceof MarkdownTextObject)
                .map(t -> ((MarkdownTextObject) t).getText()).toList();
    }
}
