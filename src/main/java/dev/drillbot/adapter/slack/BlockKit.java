package dev.drillbot.adapter.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.text.TextBars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the core's messages as Block Kit. The core's finished text stays the notification and
 * fallback; the blocks lay the same content out, and any line of the text that the structured blocks
 * do not already show is kept, so customised templates never lose words.
 */
final class BlockKit {
    static final String HINT = "drillbot_hint";
    static final String SKIP = "drillbot_skip";
    static final String STATS = "drillbot_stats";

    /** One Slack message: its fallback text and its blocks. */
    record Rendered(String text, List<LayoutBlock> blocks) {}

    private BlockKit() {}

    /** One or more messages (long plain texts are split; everything else fits one). */
    static List<Rendered> render(OutgoingMessage message) {
        if (message instanceof OutgoingMessage.DrillPost d) {
            return List.of(drill(d));
        }
        if (message instanceof OutgoingMessage.Feedback f) {
            return List.of(feedback(f));
        }
        return plain(message.text());
    }

    static Rendered drill(OutgoingMessage.DrillPost post) {
        Question q = post.question();
        List<LayoutBlock> blocks = new ArrayList<>();
        String skills = q.skills().stream().map(Skill::displayName).collect(Collectors.joining(", "));
        String title = (post.practice() ? "🎯 Practice · " : "📅 Today's drill · ") + q.track().displayName()
                + " · " + skills;
        blocks.add(header(h -> h.text(plainText(SlackText.trim(title, SlackText.HEADER_CHARS), true))));
        String body = post.text();
        List<String> lines = List.of(body.split("\n", -1));
        // The template's first line names the track and skills, which the header shows already.
        if (lines.size() > 1 && lines.get(0).contains(q.track().displayName())) {
            body = String.join("\n", lines.subList(1, lines.size())).strip();
        }
        // Room for the context line and the buttons.
        sections(blocks, body, SlackText.MESSAGE_BLOCKS - 2);
        blocks.add(context(c -> c.elements(List.of(markdownText(SlackText.trim(
                "💬 Reply *in this thread* to answer · " + q.difficulty().slug() + " · `" + q.id() + "`",
                SlackText.CONTEXT_CHARS))))));
        List<BlockElement> buttons = new ArrayList<>();
        if (!q.hints().isEmpty()) {
            buttons.add(button(b -> b.actionId(HINT).text(plainText("💡 Hint", true)).value(q.id())));
        }
        buttons.add(button(b -> b.actionId(SKIP).text(plainText("⏭ Skip", true)).value(q.track().slug())));
        buttons.add(button(b -> b.actionId(STATS).text(plainText("📈 My stats", true)).value("stats")));
        blocks.add(actions(a -> a.blockId("drill_actions").elements(buttons)));
        return new Rendered(fallback(post.text()), blocks);
    }

    static Rendered feedback(OutgoingMessage.Feedback feedback) {
        Score score = feedback.score();
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> lines = List.of(feedback.text().split("\n", -1));
        // The first line says who, the score and the question: keep it as the headline.
        String headline = lines.isEmpty() ? "" : lines.get(0);
        String scoreLine = "*" + score.total() + "/100 · " + score.verdict().label() + "*";
        String top = headline.contains(score.total() + "/100") ? headline : scoreLine + "\n" + headline;
        blocks.add(section(s -> s.text(markdownText(SlackText.escape(SlackText.trim(top, SlackText.SECTION_CHARS))))));
        if (!score.dimensions().isEmpty()) {
            int width = score.dimensions().stream().mapToInt(d -> d.name().length()).max().orElse(0);
            StringBuilder bars = new StringBuilder("```\n");
            for (DimensionScore d : score.dimensions()) {
                bars.append(d.name()).append(" ".repeat(width - d.name().length())).append(' ')
                        .append(TextBars.bar(d.fraction(), 10)).append(' ')
                        .append(TextBars.number(d.score())).append('/').append(TextBars.number(d.max())).append('\n');
            }
            bars.append("```");
            sections(blocks, bars.toString(), 2);
        }
        if (!score.feedback().isEmpty()) {
            String fixes = "*Top fixes*\n" + score.feedback().stream().limit(5).map(f -> "• " + f)
                    .collect(Collectors.joining("\n"));
            sections(blocks, fixes, 2);
        }
        if (!score.detail().isEmpty()) {
            String detail = SlackText.trim(score.detail().replace("```", "'''"), 2 * SlackText.SECTION_CHARS - 40);
            sections(blocks, "```\n" + detail + "\n```", 3);
        }
        String rest = restOf(lines, score);
        if (!rest.isBlank()) {
            blocks.add(divider());
            sections(blocks, rest, SlackText.MESSAGE_BLOCKS - blocks.size());
        }
        return new Rendered(fallback(feedback.text()), blocks);
    }

    /** The lines of the feedback text that the blocks above do not show (follow-up, streak, notes). */
    private static String restOf(List<String> lines, Score score) {
        Set<String> shown = new HashSet<>();
        score.feedback().forEach(f -> shown.add("• " + f.strip()));
        List<String> rest = new ArrayList<>();
        boolean inCode = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            boolean bar = line.startsWith("`") && (line.contains("█") || line.contains("░"));
            if (inCode || bar || shown.contains(line)) {
                continue;
            }
            rest.add(lines.get(i));
        }
        return String.join("\n", rest).strip();
    }

    /** A plain text as sections; split over several messages when it needs more than one message's blocks. */
    static List<Rendered> plain(String text) {
        List<String> pieces = SlackText.chunks(SlackText.escape(text), SlackText.SECTION_CHARS);
        List<Rendered> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i += SlackText.MESSAGE_BLOCKS) {
            List<LayoutBlock> blocks = new ArrayList<>();
            for (String p : pieces.subList(i, Math.min(pieces.size(), i + SlackText.MESSAGE_BLOCKS))) {
                blocks.add(section(s -> s.text(markdownText(p))));
            }
            String fallbackText = i == 0 ? fallback(text) : "(continued)";
            out.add(new Rendered(fallbackText, blocks));
        }
        if (out.isEmpty()) {
            out.add(new Rendered(fallback(text.isBlank() ? "…" : text), List.of()));
        }
        return out;
    }

    /** Appends {@code text} as sections, using at most {@code maxBlocks} blocks; the rest is cut with a note. */
    static void sections(List<LayoutBlock> blocks, String text, int maxBlocks) {
        if (text.isBlank() || maxBlocks <= 0) {
            return;
        }
        List<String> pieces = SlackText.chunks(SlackText.escape(text), SlackText.SECTION_CHARS);
        int n = Math.min(pieces.size(), maxBlocks);
        for (int i = 0; i < n; i++) {
            String p = pieces.get(i);
            if (i == n - 1 && n < pieces.size()) {
                p = SlackText.trim(p, SlackText.SECTION_CHARS - 20) + "\n_(cut to fit Slack)_";
            }
            String piece = p;
            blocks.add(section(s -> s.text(markdownText(piece))));
        }
    }

    static String fallback(String text) {
        return SlackText.escape(SlackText.trim(text, SlackText.FALLBACK_CHARS));
    }
}
