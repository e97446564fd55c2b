package dev.drillbot.core;

import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.command.CommandRegistry;
import dev.drillbot.core.drill.AnswerIntake;
import dev.drillbot.core.drill.AnswerService;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.drill.DrillStore;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.text.Messages;

/**
 * The running core as chat adapters see it: the services they call when a platform event arrives.
 * Assembled once by {@code cli.Bot}.
 */
public record Drillbot(QuestionBank bank, DrillService drills, AnswerService answers, AnswerIntake intake,
        CommandRegistry commands, ChannelDirectory channels, DrillStore drillStore, ProgressStore progress,
        Messages messages, dev.drillbot.core.progress.Practice practice, dev.drillbot.core.progress.Nudges nudges,
        dev.drillbot.core.progress.WeeklyDigests digests, dev.drillbot.core.mock.MockInterviews mocks) {

    /**
     * The threads whose replies a platform reads after a stop: open drills' and open mock interviews' started
     * at {@code since} or later.
     */
    public java.util.List<dev.drillbot.core.chat.ThreadRef> openThreads(String platform, java.time.Instant since) {
        java.util.List<dev.drillbot.core.chat.ThreadRef> out = new java.util.ArrayList<>();
        for (dev.drillbot.core.drill.Drill d : drillStore.openSince(platform, since)) {
            out.add(new dev.drillbot.core.chat.ThreadRef(d.channel(), d.threadId().orElseThrow()));
        }
        out.addAll(mocks.openThreads(platform, since));
        return out;
    }

    /** What the scheduler runs every minute: reminders and weekly digests, each failure logged, not thrown. */
    public void everyMinute() {
        nudges.tick();
        digests.tick();
    }
}
