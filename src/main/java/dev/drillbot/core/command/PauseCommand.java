package dev.drillbot.core.command;

import dev.drillbot.core.progress.Practice;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /pause 7d}: a break (holiday, illness) that suspends both streaks, at most 30 days. */
public final class PauseCommand implements Command {
    private static final Pattern LENGTH = Pattern.compile("(\\d{1,3})\\s*(d|days?|w|weeks?)?", Pattern.CASE_INSENSITIVE);

    private final Practice practice;
    private final Messages messages;

    public PauseCommand(Practice practice, Messages messages) {
        this.practice = practice;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public String usage() {
        return "<days, e.g. 7d or 2w; at most 30 days>";
    }

    @Override
    public String summary() {
        return "pause your streaks for a holiday (at most 30 days); /resume ends it early";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String given = args == null ? "" : args.strip();
        Matcher m = LENGTH.matcher(given);
        int days = -1;
        if (m.matches()) {
            days = Integer.parseInt(m.group(1));
            if (m.group(2) != null && m.group(2).toLowerCase(java.util.Locale.ROOT).startsWith("w")) {
                days *= 7;
            }
        }
        if (days < 1 || days > Practice.MAX_PAUSE_DAYS) {
            return CommandReply.privately(messages.render("pause-usage", Map.of("given", UserText.quoted(given),
                    "empty", given.isEmpty(), "max", Practice.MAX_PAUSE_DAYS)));
        }
        String platform = context.channel().channel().platform();
        Practice.Zone zone = practice.zone(platform, context.user().id(), context.channel().zone());
        LocalDate today = practice.today(zone.id());
        LocalDate last = practice.pause(platform, context.user().id(), today, days);
        return CommandReply.privately(messages.render("pause", Map.of("days", days, "until", last.toString(),
                "back", last.plusDays(1).toString(), "zone", zone.id().getId())));
    }
}
