package dev.drillbot.adapter.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.progress.GapSummary;
import dev.drillbot.core.progress.RecentScore;
import dev.drillbot.core.progress.Streak;
import dev.drillbot.core.text.TextBars;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The App Home tab: streaks per channel, coverage of the 16 principles and the SQL topics with
 * bars, recent scores, and the next recommended drill. Built from the core's progress queries.
 */
final class AppHome {
    static final int RECENT = 8;

    private AppHome() {}

    static View view(Drillbot bot, String userId, Clock clock) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("drillbot · your practice", true))));

        List<RecentScore> recent = bot.progress().recentScores(SlackChatGateway.PLATFORM, userId, RECENT);
        blocks.add(section(s -> s.text(markdownText(streaks(bot, userId, recent, clock)))));
        blocks.add(divider());

        GapSummary gaps = GapSummary.of(bot.progress().userSkillsOnPlatform(SlackChatGateway.PLATFORM, userId), Map.of());
        blocks.add(section(s -> s.text(markdownText("*Leadership Principles*\n" + coverage(gaps, Track.LP)))));
        blocks.add(section(s -> s.text(markdownText("*SQL topics*\n" + coverage(gaps, Track.SQL)))));
        blocks.add(divider());

        StringBuilder scores = new StringBuilder("*Recent scores*\n");
        if (recent.isEmpty()) {
            scores.append("No answers yet: reply in a drill's thread, or type `/drill`.");
        }
        for (RecentScore r : recent) {
            scores.append("• *").append(r.total()).append("/100* ").append(SlackText.escape(r.verdict()))
                    .append(" · `").append(SlackText.escape(r.questionId())).append("` · <#").append(r.channel().id())
                    .append("> · ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(r.at().atZone(clock.getZone())))
                    .append('\n');
        }
        blocks.add(section(s -> s.text(markdownText(SlackText.trim(scores.toString().strip(), SlackText.SECTION_CHARS)))));

        StringBuilder next = new StringBuilder("*Next recommended drill*\n");
        if (gaps.next().isEmpty()) {
            next.append("Everything is above 80: pick anything with `/drill`.");
        }
        for (GapSummary.SkillLine l : gaps.next()) {
            next.append("• `/drill ").append(l.skill().slug()).append("` — ").append(SlackText.escape(l.skill().displayName()))
                    .append(l.neverPractised() ? " (never practised)" : " (average " + Math.round(l.averageScore()) + ")")
                    .append('\n');
        }
        blocks.add(section(s -> s.text(markdownText(next.toString().strip()))));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Private to you · `/streak` and `/gaps` in a channel show the same for that channel")))));
        return View.builder().type("home").blocks(blocks).build();
    }

    private static String streaks(Drillbot bot, String userId, List<RecentScore> recent, Clock clock) {
        Set<ChannelRef> channels = new LinkedHashSet<>();
        for (ChannelSettings ch : bot.channels().configured()) {
            if (ch.channel().platform().equals(SlackChatGateway.PLATFORM)) {
                channels.add(ch.channel());
            }
        }
        recent.forEach(r -> channels.add(r.channel()));
        int current = 0;
        int longest = 0;
        StringBuilder perChannel = new StringBuilder();
        for (ChannelRef ch : channels) {
            ChannelSettings settings = bot.channels().settings(ch);
            LocalDate today = clock.instant().atZone(settings.zone()).toLocalDate();
            Streak s = Streak.compute(bot.progress().drillDays(ch), bot.progress().answerDays(ch, userId), today);
            current = Math.max(current, s.current());
            longest = Math.max(longest, s.longest());
            perChannel.append("\n<#").append(ch.id()).append(">: ").append(s.current()).append(" (longest ")
                    .append(s.longest()).append(')').append(s.answeredToday() ? " ✅ today" : "");
        }
        return SlackText.trim("🔥 *Current streak: " + current + "* · longest " + longest + perChannel,
                SlackText.SECTION_CHARS);
    }

    /** One line per skill of a track, with a bar, attempts and average, in a code block. */
    static String coverage(GapSummary gaps, Track track) {
        List<GapSummary.SkillLine> lines = gaps.skills().stream().filter(l -> l.skill().track() == track).toList();
        int width = Math.min(34, lines.stream().mapToInt(l -> l.skill().displayName().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder("```\n");
        for (GapSummary.SkillLine l : lines) {
            String name = SlackText.trim(l.skill().displayName(), width);
            sb.append(name).append(" ".repeat(width - name.length())).append(' ');
            if (l.neverPractised()) {
                sb.append(TextBars.bar(0, 10)).append("  never\n");
            } else {
                sb.append(TextBars.bar(l.averageScore() / 100.0, 10)).append(String.format(" %3d · %d×\n",
                        Math.round(l.averageScore()), l.attempts()));
            }
        }
        sb.append("```");
        return SlackText.trim(SlackText.escape(sb.toString()), SlackText.SECTION_CHARS - 40);
    }
}
