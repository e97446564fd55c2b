package dev.drillbot.core.command;

import dev.drillbot.core.bank.Track;
import dev.drillbot.core.progress.GapSummary;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.TextBars;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /gaps}: what is weak or never practised, and what to practise next. */
public final class GapsCommand implements Command {
    /** How many recent answers the weakest-dimension figures cover. */
    static final int RECENT_ANSWERS = 20;
    /** A dimension is called weak only from at least this many answers. */
    static final int MIN_ANSWERS = 2;

    private final ProgressStore progress;
    private final dev.drillbot.core.review.Reviews reviews;
    private final java.time.Clock clock;
    private final Messages messages;

    public GapsCommand(ProgressStore progress, dev.drillbot.core.review.Reviews reviews, java.time.Clock clock,
            Messages messages) {
        this.progress = progress;
        this.reviews = reviews;
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "gaps";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "your weak and never-practised principles and topics";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        var channel = context.channel().channel();
        String user = context.user().id();
        GapSummary gaps = GapSummary.of(progress.userSkills(channel, user),
                progress.recentDimensions(channel, user, RECENT_ANSWERS, MIN_ANSWERS));
        ZoneId zone = context.channel().zone();
        Map<String, Object> v = new HashMap<>();
        v.put("user", context.user().name());
        v.put("principles", lines(gaps, Track.LP, zone));
        v.put("topics", lines(gaps, Track.SQL, zone));
        v.put("neverPrinciples", never(gaps, Track.LP));
        v.put("neverTopics", never(gaps, Track.SQL));
        v.put("never", gaps.skills().stream().filter(GapSummary.SkillLine::neverPractised).count());
        List<Map<String, Object>> dims = new ArrayList<>();
        gaps.weakestDimensions().forEach(d -> dims.add(Map.of("name", d.name(),
                "percent", Math.round(d.averageFraction() * 100), "bar", TextBars.bar(d.averageFraction(), 10))));
        v.put("dimensions", dims);
        v.put("hasDimensions", !dims.isEmpty());
        List<Map<String, Object>> next = new ArrayList<>();
        gaps.next().forEach(l -> next.add(Map.of("name", l.skill().displayName(), "slug", l.skill().slug(),
                "why", l.neverPractised() ? "never practised" : "average " + Math.round(l.averageScore()))));
        v.put("next", next);
        java.time.LocalDate today = clock.instant().atZone(zone).toLocalDate();
        v.put("reviewsDue", reviews.due(channel.platform(), user, today).size());
        return CommandReply.privately(messages.render("gaps", v));
    }

    /** Names of never-practised skills of a track, comma-separated; empty if none. */
    private static String never(GapSummary gaps, Track track) {
        return String.join(" · ", gaps.skills().stream()
                .filter(l -> l.skill().track() == track && l.neverPractised())
                .map(l -> l.skill().displayName()).toList());
    }

    /** One line per practised skill of a track. */
    private static List<Map<String, Object>> lines(GapSummary gaps, Track track, ZoneId zone) {
        int width = gaps.skills().stream().filter(l -> l.skill().track() == track && !l.neverPractised())
                .mapToInt(l -> l.skill().displayName().length()).max().orElse(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (GapSummary.SkillLine l : gaps.skills()) {
            if (l.skill().track() != track || l.neverPractised()) {
                continue;
            }
            Map<String, Object> m = new HashMap<>();
            String name = l.skill().displayName();
            m.put("name", name + " ".repeat(width - name.length()));
            m.put("never", l.neverPractised());
            m.put("attempts", l.attempts());
            m.put("average", Math.round(l.averageScore()));
            m.put("bar", TextBars.bar(l.averageScore() / 100.0, 10));
            m.put("last", l.lastPractised().map(i -> DateTimeFormatter.ISO_LOCAL_DATE.format(i.atZone(zone))).orElse(""));
            out.add(m);
        }
        return out;
    }
}
