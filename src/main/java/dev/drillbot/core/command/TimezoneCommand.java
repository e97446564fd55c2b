package dev.drillbot.core.command;

import dev.drillbot.core.progress.Practice;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/** {@code /timezone [Area/City]}: shows or sets the time zone your personal streak counts days in. */
public final class TimezoneCommand implements Command {
    private final Practice practice;
    private final Messages messages;

    public TimezoneCommand(Practice practice, Messages messages) {
        this.practice = practice;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "timezone";
    }

    @Override
    public String usage() {
        return "[Area/City, e.g. Europe/Berlin]";
    }

    @Override
    public String summary() {
        return "the time zone your personal streak counts days in";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String platform = context.channel().channel().platform();
        String user = context.user().id();
        String wanted = args == null ? "" : args.strip();
        if (wanted.isEmpty()) {
            Practice.Zone zone = practice.zone(platform, user, context.channel().zone());
            return CommandReply.privately(messages.render("timezone", Map.of("zone", zone.id().getId(),
                    "chosen", zone.chosen(), "profile", zone.source() == Practice.ZoneSource.PROFILE, "set", false)));
        }
        ZoneId zone;
        try {
            // only region names ("Europe/Berlin") and UTC: offsets like +02:00 ignore summer time
            if (!wanted.contains("/") && !wanted.equalsIgnoreCase("UTC")) {
                throw new DateTimeException("not a region");
            }
            zone = ZoneId.of(wanted.equalsIgnoreCase("UTC") ? "UTC" : wanted);
        } catch (DateTimeException e) {
            return CommandReply.privately(messages.render("timezone-unknown", Map.of("given", UserText.quoted(wanted))));
        }
        practice.setZone(platform, user, zone);
        return CommandReply.privately(messages.render("timezone", Map.of("zone", zone.getId(), "chosen", true,
                "profile", false, "set", true)));
    }
}
