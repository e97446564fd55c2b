package dev.drillbot.core.command;

import dev.drillbot.core.progress.PracticeStore;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.time.LocalTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /remind on 20:00} | {@code /remind off} | {@code /remind}: the opt-in at-risk reminder. */
public final class RemindCommand implements Command {
    private static final Pattern ON = Pattern.compile("on\\s+([01]?\\d|2[0-3])[:.]([0-5]\\d)", Pattern.CASE_INSENSITIVE);

    private final PracticeStore store;
    private final Messages messages;

    public RemindCommand(PracticeStore store, Messages messages) {
        this.store = store;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "remind";
    }

    @Override
    public String usage() {
        return "on HH:MM | off";
    }

    @Override
    public String summary() {
        return "a private reminder at that time when your practice streak is at risk (at most once a day)";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String platform = context.channel().channel().platform();
        String user = context.user().id();
        String given = args == null ? "" : args.strip();
        Matcher on = ON.matcher(given);
        if (on.matches()) {
            LocalTime at = LocalTime.of(Integer.parseInt(on.group(1)), Integer.parseInt(on.group(2)));
            store.setReminder(context.channel().channel(), context.user(), at);
            return CommandReply.privately(messages.render("remind", Map.of("on", true, "at", at.toString())));
        }
        if (given.equalsIgnoreCase("off")) {
            boolean was = store.clearReminder(platform, user);
            return CommandReply.privately(messages.render("remind", Map.of("on", false, "was", was)));
        }
        if (given.isEmpty()) {
            return CommandReply.privately(store.reminder(platform, user)
                    .map(r -> messages.render("remind", Map.of("on", true, "at", r.at().toString(), "shown", true)))
                    .orElseGet(() -> messages.render("remind-usage", Map.of("given", "", "empty", true))));
        }
        return CommandReply.privately(messages.render("remind-usage", Map.of("given", UserText.quoted(given),
                "empty", false)));
    }
}
