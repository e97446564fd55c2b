package dev.drillbot.core.command;

import dev.drillbot.core.progress.Practice;
import dev.drillbot.core.text.Messages;
import java.util.Map;

/** {@code /resume}: ends a pause early; today counts for your streaks again. */
public final class ResumeCommand implements Command {
    private final Practice practice;
    private final Messages messages;

    public ResumeCommand(Practice practice, Messages messages) {
        this.practice = practice;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "end a pause early: today counts for your streaks again";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String platform = context.channel().channel().platform();
        Practice.Zone zone = practice.zone(platform, context.user().id(), context.channel().zone());
        boolean ended = practice.resume(platform, context.user().id(), practice.today(zone.id()));
        return CommandReply.privately(messages.render("resume", Map.of("ended", ended)));
    }
}
