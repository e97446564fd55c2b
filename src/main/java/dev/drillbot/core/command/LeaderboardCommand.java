package dev.drillbot.core.command;

import dev.drillbot.core.progress.LeaderboardEntry;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /leaderboard [week|all|optout|optin]}. Points are the best score per scheduled drill,
 * answered while the drill was open; ties go to whoever answered first in the period.
 */
public final class LeaderboardCommand implements Command {
    static final int SHOWN = 10;
    private final ProgressStore progress;
    private final Messages messages;
    private final Clock clock;

    public LeaderboardCommand(ProgressStore progress, Messages messages, Clock clock) {
        this.progress = progress;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "leaderboard";
    }

    @Override
    public String usage() {
        return "[week|all|optout|optin]";
    }

    @Override
    public String summary() {
        return "this week's or all-time ranking in this channel";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        var channel = context.channel();
        String arg = args.toLowerCase(Locale.ROOT);
        switch (arg) {
            case "optout", "opt-out" -> {
                progress.setOptOut(channel.channel(), context.user().id(), true);
                return CommandReply.privately(messages.render("leaderboard-optout", Map.of("out", true)));
            }
            case "optin", "opt-in" -> {
                progress.setOptOut(channel.channel(), context.user().id(), false);
                return CommandReply.privately(messages.render("leaderboard-optout", Map.of("out", false)));
            }
            case "", "week", "all" -> {
                boolean week = !arg.equals("all");
                Instant since = week
                        ? clock.instant().atZone(channel.zone()).toLocalDate()
                                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                .atStartOfDay(channel.zone()).toInstant()
                        : Instant.EPOCH;
                List<LeaderboardEntry> entries = progress.leaderboard(channel.channel(), since);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < Math.min(SHOWN, entries.size()); i++) {
                    LeaderboardEntry e = entries.get(i);
                    Map<String, Object> r = new HashMap<>();
                    r.put("rank", i + 1);
                    r.put("name", e.userName());
                    r.put("points", e.points());
                    r.put("drills", e.drills() == 1 ? "1 drill" : e.drills() + " drills");
                    r.put("you", e.userId().equals(context.user().id()));
                    rows.add(r);
                }
                Map<String, Object> v = new HashMap<>();
                v.put("week", week);
                v.put("rows", rows);
                v.put("empty", rows.isEmpty());
                v.put("optedOut", progress.optedOut(channel.channel(), context.user().id()));
                return CommandReply.inChannel(messages.render("leaderboard", v));
            }
            default -> {
                return CommandReply.privately(messages.render("leaderboard-usage", Map.of("given", UserText.quoted(args))));
            }
        }
    }
}
