package dev.drillbot.core.command;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.SqlTopic;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingFile;
import dev.drillbot.core.progress.Practice;
import dev.drillbot.core.progress.PracticeStore;
import dev.drillbot.core.progress.ProgressPicture;
import dev.drillbot.core.progress.ProgressPictures;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.progress.SkillStat;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.TextBars;
import dev.drillbot.core.text.UserText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /progress}: the user's practice as a picture, sent to them alone (a file in a DM, or beside the
 * database on the console): a heatmap of the last 12 weeks, a radar of the average score per Leadership
 * Principle and a bar chart of the SQL topics. Where no file can be sent, the same data as text.
 */
public final class ProgressCommand implements Command {
    static final String FILE = "drillbot-progress.png";

    private final ProgressStore progress;
    private final PracticeStore practiceStore;
    private final Practice practice;
    private final ProgressPictures pictures;
    private final Gateways gateways;
    private final Messages messages;

    public ProgressCommand(ProgressStore progress, PracticeStore practiceStore, Practice practice,
            ProgressPictures pictures, Gateways gateways, Messages messages) {
        this.progress = progress;
        this.practiceStore = practiceStore;
        this.practice = practice;
        this.pictures = pictures;
        this.gateways = gateways;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "progress";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "your last 12 weeks of practice and your scores by principle and topic, as a picture";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        ChannelRef channel = context.channel().channel();
        String platform = channel.platform();
        String userId = context.user().id();
        ZoneId zone = practice.zone(platform, userId, context.channel().zone()).id();
        LocalDate today = practice.today(zone);
        ProgressPicture picture = picture(UserText.inert(context.user().name()), platform, userId, zone, today);
        Map<LocalDate, Integer> shown = picture.shownDays();
        int days = shown.size();
        int answers = shown.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> v = new HashMap<>();
        v.put("days", days);
        v.put("answers", answers);
        v.put("weeks", ProgressPicture.WEEKS);
        v.put("none", answers == 0 && picture.principles().isEmpty() && picture.topics().isEmpty());
        boolean sent;
        try {
            byte[] png = pictures.png(picture);
            v.put("comment", true);
            OutgoingFile file = new OutgoingFile(FILE, "image/png", png, messages.render("progress", v).strip());
            v.remove("comment");
            sent = gateways.forChannel(channel).sendFile(channel, context.user(), file);
        } catch (RuntimeException e) {
            sent = false; // no picture (no fonts, a platform refusal): the same data as text
        }
        if (sent) {
            v.put("sent", true);
            v.put("file", FILE);
        } else {
            v.put("text", true);
            v.put("principles", bars(picture.principles()));
            v.put("topics", bars(picture.topics()));
            v.put("hasPrinciples", !picture.principles().isEmpty());
            v.put("hasTopics", !picture.topics().isEmpty());
        }
        return CommandReply.privately(messages.render("progress", v));
    }

    ProgressPicture picture(String user, String platform, String userId, ZoneId zone, LocalDate today) {
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (Instant at : practiceStore.scoredAnswerTimes(platform, userId)) {
            perDay.merge(at.atZone(zone).toLocalDate(), 1, Integer::sum);
        }
        Map<String, SkillStat> skills = progress.userSkillsOnPlatform(platform, userId);
        Map<String, Double> principles = new LinkedHashMap<>();
        for (Principle p : Principle.values()) {
            SkillStat s = skills.get(p.slug());
            if (s != null && s.attempts() > 0) {
                principles.put(p.displayName(), s.averageScore());
            }
        }
        Map<String, Double> topics = new LinkedHashMap<>();
        for (SqlTopic t : SqlTopic.values()) {
            SkillStat s = skills.get(t.slug());
            if (s != null && s.attempts() > 0) {
                topics.put(t.displayName(), s.averageScore());
            }
        }
        return new ProgressPicture(user, today, perDay, principles, topics);
    }

    private static List<Map<String, Object>> bars(Map<String, Double> scores) {
        List<Map<String, Object>> out = new ArrayList<>();
        scores.forEach((name, avg) -> out.add(Map.of("name", name, "bar", TextBars.bar(avg / 100.0, 10),
                "score", Math.round(avg))));
        return out;
    }
}
