package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slack text rules")
class SlackTextTest {

    @Test
    @DisplayName("escapes &, < and > everywhere, mention-shaped text included: text never becomes a mention")
    void escapes() {
        assertThat(SlackText.escape("a < b && c > d, thanks <@U123> in <#C9>, <!channel> <!subteam^S1|team>"))
                .isEqualTo("a &lt; b &amp;&amp; c &gt; d, thanks &lt;@U123&gt; in &lt;#C9&gt;, &lt;!channel&gt;"
                        + " &lt;!subteam^S1|team&gt;");
    }

    @Test
    @DisplayName("trims with an ellipsis and never splits a surrogate pair")
    void trims() {
        assertThat(SlackText.trim("short", 10)).isEqualTo("short");
        assertThat(SlackText.trim("abcdefghijkl", 5)).isEqualTo("abcd…").hasSize(5);
        String emoji = "ab😀cd";
        assertThat(SlackText.trim(emoji, 4)).isEqualTo("ab…");
    }

    @Test
    @DisplayName("splits long text at line ends into pieces within the limit")
    void splitsAtLines() {
        String text = ("line of text number x\n").repeat(400);
        List<String> pieces = SlackText.chunks(text, 3000);
        assertThat(pieces).hasSizeGreaterThan(2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join("\n", pieces)).isEqualTo(text.strip());
    }

    @Test
    @DisplayName("a code block cut in two is closed and reopened, so both pieces render as code")
    void reopensCodeBlocks() {
        String text = "Diff:\n```\n" + "| 1 | alice | 10 |\n".repeat(300) + "```\nAfter";
        List<String> pieces = SlackText.chunks(text, 3000);
        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(3000);
            assertThat(p.split("```", -1).length % 2).as("balanced fences in %s", p).isEqualTo(1);
        });
        assertThat(pieces.get(1)).startsWith("```");
    }

    @Test
    @DisplayName("a single line longer than the limit is cut at spaces")
    void splitsLongLines() {
        List<String> pieces = SlackText.chunks("word ".repeat(10_000).strip(), 3000);
        assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join(" ", pieces).replace("\n", "")).hasSize(49_999);
    }

    @Test
    @DisplayName("Retry-After is read in seconds, with a default and a ceiling")
    void retryAfter() {
        assertThat(SlackCalls.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(SlackCalls.retryAfter(null)).isEqualTo(SlackCalls.DEFAULT_WAIT);
        assertThat(SlackCalls.retryAfter("soon")).isEqualTo(SlackCalls.DEFAULT_WAIT);
        assertThat(SlackCalls.retryAfter("86400")).isEqualTo(SlackCalls.MAX_WAIT);
    }

    @Test
    @DisplayName("a Slack ts is seconds and microseconds since the epoch")
    void timestamps() {
        assertThat(SlackEvents.instant("1772442000.000501").toString()).isEqualTo("2026-03-02T09:00:00.000501Z");
        assertThat(SlackEvents.text("a &lt; b &amp;&amp; c &gt; d")).isEqualTo("a < b && c > d");
    }
}
