package dev.drillbot.config;

import dev.drillbot.adapter.files.Utf8Files;
import dev.drillbot.adapter.files.YamlFields;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.DigestSchedule;
import dev.drillbot.core.drill.TrackMode;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Reads {@code drillbot.yaml}. Unknown keys and invalid values are errors naming the file, line and
 * YAML path, collected so that one run shows them all.
 */
public final class ConfigLoader {
    static final Set<String> TOP_FIELDS = Set.of("timezone", "grace_window", "answer_window", "max_answer_chars",
            "questions", "prompts", "rubric", "channels", "min_schedule_interval");
    static final Set<String> CHANNEL_FIELDS = Set.of("platform", "channel", "schedule", "timezone", "track",
            "grace_window", "answer_window", "digest");
    static final Set<String> PLATFORMS = Set.of("console", "slack", "discord");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|min|h|d)");

    private ConfigLoader() {}

    public static DrillbotConfig load(Path file) {
        String text;
        try {
            text = Utf8Files.read(file);
        } catch (Utf8Files.NotUtf8Exception e) {
            throw new ConfigException(List.of(new Problem(file.toString(), 1, "", "the config file " + e.getMessage())));
        } catch (IOException e) {
            throw new ConfigException(List.of(new Problem(file.toString(), 1, "",
                    "cannot read the config file (" + e.getClass().getSimpleName() + "); set DRILLBOT_CONFIG to its path")));
        }
        return parse(file.toString(), text);
    }

    public static DrillbotConfig parse(String name, String text) {
        List<Problem> problems = new ArrayList<>();
        DrillbotConfig config = read(name, text, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static DrillbotConfig read(String name, String text, List<Problem> problems) {
        Optional<YamlFields> root = YamlFields.parse(name, text, problems);
        if (root.isEmpty()) {
            return null;
        }
        YamlFields f = root.get();
        f.rejectUnknownKeys(TOP_FIELDS);
        ZoneId zone = f.parsed("timezone", false, ConfigLoader::zone, "a time zone (e.g. Europe/Berlin, America/New_York)")
                .orElse(ZoneId.of("UTC"));
        Duration grace = f.parsed("grace_window", false, ConfigLoader::duration, "a duration (e.g. 90m, 2h, 1d)")
                .orElse(Duration.ofHours(2));
        Duration window = f.parsed("answer_window", false, ConfigLoader::positiveDuration,
                "a positive duration (e.g. 12h, 1d)").orElse(Duration.ofHours(24));
        int maxChars = f.parsed("max_answer_chars", false, s -> {
            int v = Integer.parseInt(s);
            return v >= 100 && v <= 200_000 ? Optional.of(v) : Optional.empty();
        }, "a whole number from 100 to 200000").orElse(20_000);
        Duration minInterval = f.parsed("min_schedule_interval", false, ConfigLoader::duration,
                "a duration (e.g. 1h, 30m; 0 allows any schedule)").orElse(Duration.ofHours(1));
        Path questions = Path.of(f.optionalText("questions").orElse("questions"));
        Optional<Path> prompts = f.optionalText("prompts").map(Path::of);
        Path rubric = Path.of(f.optionalText("rubric").orElse("config/rubric"));

        List<ChannelSettings> channels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlFields c : f.mappingList("channels", false)) {
            int before = problems.size();
            c.rejectUnknownKeys(CHANNEL_FIELDS);
            Optional<String> platform = c.parsed("platform", true,
                    s -> PLATFORMS.contains(s.toLowerCase(Locale.ROOT)) ? Optional.of(s.toLowerCase(Locale.ROOT))
                            : Optional.empty(), "a platform (console, slack or discord)");
            Optional<String> id = c.text("channel");
            String label = "channel '" + id.orElse("?") + "'";
            Optional<String> schedule = c.parsed("schedule", true, ConfigLoader::cron,
                    "a Quartz cron expression for " + label + " (seconds minutes hours day-of-month month day-of-week,"
                            + " e.g. \"0 0 9 ? * MON-FRI\")");
            ZoneId channelZone = c.parsed("timezone", false, ConfigLoader::zone,
                    "a time zone for " + label + " (e.g. Europe/Berlin, America/Los_Angeles)").orElse(zone);
            TrackMode track = c.parsed("track", false, TrackMode::fromSlug, "lp, sql or mixed").orElse(TrackMode.MIXED);
            Duration g = c.parsed("grace_window", false, ConfigLoader::duration, "a duration (e.g. 90m, 2h)").orElse(grace);
            Duration w = c.parsed("answer_window", false, ConfigLoader::positiveDuration, "a positive duration (e.g. 12h)")
                    .orElse(window);
            Optional<Optional<DigestSchedule>> digest = c.parsed("digest", false, ConfigLoader::digest,
                    "when to post " + label + "'s weekly digest: a day and a time in the channel's time zone"
                            + " (e.g. \"MON 09:00\"), on (Monday 09:00) or off");
            if (problems.size() == before && schedule.isPresent()) {
                scheduleProblem(schedule.get(), channelZone, minInterval, label).ifPresent(p -> c.problem("schedule", p));
            }
            if (problems.size() == before && platform.isPresent() && id.isPresent()) {
                ChannelRef ref = new ChannelRef(platform.get(), id.get());
                if (!seen.add(ref.key())) {
                    c.problem("channel", "channel " + ref.key() + " is configured twice");
                } else {
                    channels.add(new ChannelSettings(ref, schedule.orElseThrow(), channelZone, track, w, g,
                            digest.flatMap(d -> d)));
                }
            }
        }
        return new DrillbotConfig(channels, zone, questions, prompts, rubric, maxChars);
    }

    /**
     * What is wrong with a valid cron expression as a drill schedule: it never fires again, or it fires
     * more often than {@code minInterval} (a drill every minute floods a channel). Looks at the next year
     * of fire times, at most 2,000 of them.
     */
    static Optional<String> scheduleProblem(String schedule, ZoneId zone, Duration minInterval, String label) {
        CronExpression cron;
        try {
            cron = new CronExpression(schedule);
        } catch (ParseException e) {
            return Optional.empty(); // reported as an invalid expression already
        }
        cron.setTimeZone(java.util.TimeZone.getTimeZone(zone));
        java.util.Date now = new java.util.Date();
        java.util.Date next = cron.getNextValidTimeAfter(now);
        if (next == null) {
            return Optional.of("the schedule \"" + schedule + "\" of " + label + " never fires (no such date from now"
                    + " on); give a time that recurs, e.g. \"0 0 9 ? * MON-FRI\"");
        }
        if (minInterval.isZero()) {
            return Optional.empty();
        }
        java.util.Date end = java.util.Date.from(now.toInstant().plus(Duration.ofDays(366)));
        for (int i = 0; i < 2_000 && next.before(end); i++) {
            java.util.Date after = cron.getNextValidTimeAfter(next);
            if (after == null) {
                break;
            }
            Duration gap = Duration.between(next.toInstant(), after.toInstant());
            if (gap.compareTo(minInterval) < 0) {
                return Optional.of("the schedule \"" + schedule + "\" of " + label + " posts a drill every "
                        + human(gap) + " (e.g. " + next.toInstant() + " and " + after.toInstant() + "); at most one"
                        + " drill per " + human(minInterval) + " is allowed (set min_schedule_interval to change that)");
            }
            next = after;
        }
        return Optional.empty();
    }

    private static String human(Duration d) {
        if (d.toDays() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }

    static Optional<ZoneId> zone(String s) {
        try {
            return Optional.of(ZoneId.of(s));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A digest schedule ("MON 09:00", "on"), or present-but-empty for "off". */
    static Optional<Optional<DigestSchedule>> digest(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("false") || t.equals("no")) {
            return Optional.of(Optional.empty());
        }
        return DigestSchedule.parse(s).map(Optional::of);
    }

    static Optional<String> cron(String s) {
        try {
            new CronExpression(s);
            return Optional.of(s);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** "90m", "2h", "1d", "30s", "0", or ISO-8601 like "PT2H". */
    public static Optional<Duration> duration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            Duration d = Duration.parse(s.trim().toUpperCase(Locale.ROOT));
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> positiveDuration(String s) {
        return duration(s).filter(d -> !d.isZero());
    }
}
