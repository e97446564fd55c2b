package dev.drillbot.core.command;

import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.progress.Practice;
import dev.drillbot.core.progress.PracticeStreak;
import dev.drillbot.core.progress.Streak;
import dev.drillbot.core.text.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code /streak}: both streaks, each explained in a line. The personal practice streak counts any day with
 * a scored answer in the user's own time zone, with freezes and pauses; the channel streak counts the
 * channel's scheduled drill days answered. Days the user paused are skipped in both.
 */
public final class StreakCommand implements Command {
    private final ProgressStore progress;
    private final Practice practice;
    private final Messages messages;
    private final Clock clock;

    public StreakCommand(ProgressStore progress, Practice practice, Messages messages, Clock clock) {
        this.progress = progress;
        this.practice = practice;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "streak";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "your practice streak and this channel's drill streak";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        var channel = context.channel();
        String platform = channel.channel().platform();
        String user = context.user().id();
        LocalDate today = clock.instant().atZone(channel.zone()).toLocalDate();
        Practice.Standing me = practice.standing(platform, user, channel.zone());
        java.util.NavigableSet<LocalDate> drillDays = new java.util.TreeSet<>(progress.drillDays(channel.channel()));
        drillDays.removeIf(day -> !day.equals(today) && me.paused(day)); // a pause suspends the channel streak too
        Streak streak = Streak.compute(drillDays, progress.answerDays(channel.channel(), user), today);
        boolean todayIsDrillDay = drillDays.contains(today);

        PracticeStreak personal = me.streak();
        var pause = me.pausedToday();
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("user", context.user().name());
        values.put("current", streak.current());
        values.put("longest", streak.longest());
        values.put("answeredToday", streak.answeredToday());
        values.put("pendingToday", todayIsDrillDay && !streak.answeredToday());
        values.put("noDrillsYet", drillDays.isEmpty());
        values.put("zone", channel.zone().getId());
        values.put("practice", personal.current());
        values.put("practiceLongest", personal.longest());
        values.put("practisedToday", personal.practisedToday());
        values.put("practiceOpen", !personal.practisedToday() && personal.current() > 0 && pause.isEmpty());
        values.put("freezes", personal.freezes());
        values.put("freezesSpent", personal.freezesSpent());
        values.put("daysPerFreeze", PracticeStreak.DAYS_PER_FREEZE);
        values.put("maxFreezes", PracticeStreak.MAX_FREEZES);
        values.put("userZone", me.zone().id().getId());
        values.put("zoneChosen", me.zone().source() != Practice.ZoneSource.CHANNEL); // no nagging when the profile told us
        values.put("paused", pause.isPresent());
        values.put("pausedUntil", pause.map(p -> p.lastDay().toString()).orElse(""));
        return CommandReply.privately(messages.render("streak", values));
    }
}
