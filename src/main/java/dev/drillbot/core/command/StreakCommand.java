package dev.drillbot.core.command;

import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.progress.Streak;
import dev.drillbot.core.text.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** {@code /streak}: current and longest streak over the channel's drill days. */
public final class StreakCommand implements Command {
    private final ProgressStore progress;
    private final Messages messages;
    private final Clock clock;

    public StreakCommand(ProgressStore progress, Messages messages, Clock clock) {
        this.progress = progress;
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
        return "your current and longest streak";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        var channel = context.channel();
        LocalDate today = clock.instant().atZone(channel.zone()).toLocalDate();
        var drillDays = progress.drillDays(channel.channel());
        Streak streak = Streak.compute(drillDays, progress.answerDays(channel.channel(), context.user().id()), today);
        boolean todayIsDrillDay = drillDays.contains(today);
        return CommandReply.privately(messages.render("streak", Map.of(
                "user", context.user().name(),
                "current", streak.current(),
                "longest", streak.longest(),
                "answeredToday", streak.answeredToday(),
                "pendingToday", todayIsDrillDay && !streak.answeredToday(),
                "noDrillsYet", drillDays.isEmpty(),
                "zone", channel.zone().getId())));
    }
}
