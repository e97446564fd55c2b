package dev.drillbot.core.command;

import dev.drillbot.core.drill.Drill;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.drill.DrillStore;
import dev.drillbot.core.text.Messages;
import java.util.Map;
import java.util.Optional;

/** {@code /hint}: the next hint for the drill of this thread, or the channel's latest drill. */
public final class HintCommand implements Command {
    private final DrillStore drills;
    private final DrillService drillService;
    private final Messages messages;

    public HintCommand(DrillStore drills, DrillService drillService, Messages messages) {
        this.drills = drills;
        this.drillService = drillService;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "hint";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "the next hint for the current drill";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        Optional<Drill> drill = context.thread()
                .flatMap(t -> drills.byThread(t.channel(), t.id()))
                .or(() -> drills.latest(context.channel().channel()));
        if (drill.isEmpty()) {
            return CommandReply.privately(messages.render("no-drill", Map.of()));
        }
        return CommandReply.privately(drillService.hint(drill.get(), context.user()));
    }
}
