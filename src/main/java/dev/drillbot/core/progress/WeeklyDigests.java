package dev.drillbot.core.progress;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingFile;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.DigestSchedule;
import dev.drillbot.core.text.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest of a channel that asks for one ({@code digest: MON 09:00} in its config; off by
 * default): the previous seven days' top five, the group's weakest principles and SQL topics, the
 * question most people missed and how many kept their streak. Run every minute by the scheduler; the
 * week is claimed in the store before the post, so it goes out once across restarts. A digest missed
 * while drillbot was down is still posted within a day; after that the next week's comes instead.
 */
public final class WeeklyDigests {
    private static final Logger log = LoggerFactory.getLogger(WeeklyDigests.class);
    static final int TOP = 5;
    /** Below this score an answer missed the question (the "solid" band starts at 60). */
    static final int MISSED_BELOW = 60;
    /** A skill needs this many answers in the week to be called weak. */
    static final int MIN_ANSWERS_FOR_WEAK = 2;
    static final Duration LATE_LIMIT = Duration.ofDays(1);

    private final ProgressStore progress;
    private final QuestionBank bank;
    private final ChannelDirectory channels;
    private final Gateways gateways;
    private final ProgressPictures pictures;
    private final Messages messages;
    private final Clock clock;

    public WeeklyDigests(ProgressStore progress, QuestionBank bank, ChannelDirectory channels, Gateways gateways,
            Messages messages, Clock clock) {
        this(progress, bank, channels, gateways, messages, clock, null);
    }

    /** @param pictures draws the leaderboard under the digest; null posts the text alone */
    public WeeklyDigests(ProgressStore progress, QuestionBank bank, ChannelDirectory channels, Gateways gateways,
            Messages messages, Clock clock, ProgressPictures pictures) {
        this.pictures = pictures;
        this.progress = progress;
        this.bank = bank;
        this.channels = channels;
        this.gateways = gateways;
        this.messages = messages;
        this.clock = clock;
    }

    /** Posts the digests that are due now; returns how many went out. */
    public int tick() {
        int posted = 0;
        for (ChannelSettings ch : channels.configured()) {
            if (ch.digest().isEmpty() || !gateways.has(ch.channel().platform())) {
                continue;
            }
            try {
                posted += post(ch, ch.digest().get()) ? 1 : 0;
            } catch (RuntimeException e) { // one channel's failure must not stop the others'
                log.warn("Could not post the weekly digest in {}: {}", ch.channel().key(), e.toString());
            }
        }
        return posted;
    }

    private boolean post(ChannelSettings ch, DigestSchedule when) {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(ch.zone());
        LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(when.day()));
        ZonedDateTime due = day.atTime(when.at()).atZone(ch.zone());
        if (local.isBefore(due)) {
            return false;
        }
        if (Duration.between(due, local).compareTo(LATE_LIMIT) > 0 || !gateways.forChannel(ch.channel()).canPost(ch.channel())
                || !progress.claimDigest(ch.channel(), day, now)) {
            return false;
        }
        Optional<String> text = render(ch, day.minusDays(7), day);
        if (text.isEmpty()) {
            log.info("No weekly digest in {} for the week before {}: nobody answered", ch.channel().key(), day);
            return false;
        }
        OutgoingMessage message = OutgoingMessage.plain(text.get());
        if (!announceWithChart(ch, message, day)) {
            gateways.forChannel(ch.channel()).announce(ch.channel(), message);
        }
        log.info("Posted the weekly digest in {} for the week before {}", ch.channel().key(), day);
        return true;
    }

    /** The digest with its leaderboard drawn under it; false (nothing posted) when that cannot be done. */
    private boolean announceWithChart(ChannelSettings ch, OutgoingMessage message, LocalDate day) {
        if (pictures == null) {
            return false;
        }
        try {
            List<LeaderboardEntry> board = progress.leaderboard(ch.channel(), day.minusDays(7).atStartOfDay(ch.zone()).toInstant(),
                    day.atStartOfDay(ch.zone()).toInstant());
            if (board.isEmpty()) {
                return false;
            }
            byte[] png = pictures.leaderboard("Leaderboard, week of " + day.minusDays(7),
                    board.subList(0, Math.min(TOP, board.size())));
            return gateways.forChannel(ch.channel()).announceFile(ch.channel(), message,
                    new OutgoingFile(CHART, "image/png", png, ""));
        } catch (RuntimeException e) {
            log.warn("The digest's leaderboard chart for {} could not be drawn or sent ({}); posting the text alone",
                    ch.channel().key(), e.toString());
            return false;
        }
    }

    static final String CHART = "drillbot-leaderboard.png";

    /** The digest of the local days [{@code from}, {@code until}), or empty when nobody answered. */
    Optional<String> render(ChannelSettings ch, LocalDate from, LocalDate until) {
        ChannelRef channel = ch.channel();
        Instant since = from.atStartOfDay(ch.zone()).toInstant();
        Instant end = until.atStartOfDay(ch.zone()).toInstant();
        List<WeekAnswer> answers = progress.scoredAnswers(channel, since, end);
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> v = new HashMap<>();
        v.put("from", from.toString());
        v.put("to", until.minusDays(1).toString());
        List<Map<String, Object>> top = new ArrayList<>();
        List<LeaderboardEntry> board = progress.leaderboard(channel, since, end);
        for (int i = 0; i < Math.min(TOP, board.size()); i++) {
            LeaderboardEntry e = board.get(i);
            top.add(Map.of("rank", i + 1, "name", e.userName(), "points", e.points(),
                    "drills", e.drills() == 1 ? "1 drill" : e.drills() + " drills"));
        }
        v.put("top", top);
        v.put("hasTop", !top.isEmpty());
        v.put("topCount", top.size());
        List<Map<String, Object>> weak = weakest(answers);
        v.put("weak", weak);
        v.put("hasWeak", !weak.isEmpty());
        mostMissed(answers).ifPresent(m -> v.put("missed", m));
        Set<String> users = answers.stream().map(WeekAnswer::userId)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        v.put("answers", answers.size() == 1 ? "1 answer" : answers.size() + " answers");
        v.put("people", users.size() == 1 ? "1 person" : users.size() + " people");
        v.put("kept", keptStreak(channel, users, until.minusDays(1)));
        return Optional.of(messages.render("weekly-digest", v));
    }

    /** The two skills with the lowest average score, among those answered at least twice. */
    private List<Map<String, Object>> weakest(List<WeekAnswer> answers) {
        Map<Skill, int[]> bySkill = new LinkedHashMap<>();
        for (WeekAnswer a : answers) {
            bank.find(a.questionId()).ifPresent(q -> q.skills().forEach(s -> {
                int[] t = bySkill.computeIfAbsent(s, k -> new int[2]);
                t[0]++;
                t[1] += a.total();
            }));
        }
        return bySkill.entrySet().stream().filter(e -> e.getValue()[0] >= MIN_ANSWERS_FOR_WEAK)
                .sorted(Comparator.comparingDouble((Map.Entry<Skill, int[]> e) -> (double) e.getValue()[1] / e.getValue()[0])
                        .thenComparing(e -> e.getKey().slug()))
                .limit(2)
                .map(e -> Map.<String, Object>of("skill", e.getKey().displayName(),
                        "average", Math.round((double) e.getValue()[1] / e.getValue()[0]), "count", e.getValue()[0]))
                .toList();
    }

    /** The question the most people scored below {@link #MISSED_BELOW} on (ties: the lower average). */
    private Optional<Map<String, Object>> mostMissed(List<WeekAnswer> answers) {
        Map<String, Set<String>> missedBy = new HashMap<>();
        Map<String, int[]> totals = new HashMap<>();
        for (WeekAnswer a : answers) {
            int[] t = totals.computeIfAbsent(a.questionId(), k -> new int[2]);
            t[0]++;
            t[1] += a.total();
            if (a.total() < MISSED_BELOW) {
                missedBy.computeIfAbsent(a.questionId(), k -> new HashSet<>()).add(a.userId());
            }
        }
        return missedBy.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size())
                        .thenComparing(e -> -(double) totals.get(e.getKey())[1] / totals.get(e.getKey())[0])
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> {
                    String title = bank.find(e.getKey()).map(Question::title).orElse(e.getKey());
                    int n = e.getValue().size();
                    return Map.<String, Object>of("title", title, "id", e.getKey(),
                            "missedBy", n == 1 ? "1 person" : n + " people");
                });
    }

    /** How many of {@code users} still have a drill streak running at the end of {@code lastDay}. */
    private int keptStreak(ChannelRef channel, Set<String> users, LocalDate lastDay) {
        var drillDays = progress.drillDays(channel);
        int kept = 0;
        for (String u : users) {
            kept += Streak.compute(drillDays, progress.answerDays(channel, u), lastDay).current() > 0 ? 1 : 0;
        }
        return kept;
    }
}
