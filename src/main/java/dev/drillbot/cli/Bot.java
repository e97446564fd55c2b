package dev.drillbot.cli;

import dev.drillbot.adapter.store.Database;
import dev.drillbot.adapter.store.SqliteAnswerStore;
import dev.drillbot.adapter.store.SqliteDrillStore;
import dev.drillbot.adapter.store.SqliteMockStore;
import dev.drillbot.adapter.store.SqliteInbox;
import dev.drillbot.adapter.store.SqlitePracticeStore;
import dev.drillbot.adapter.store.SqliteProgressStore;
import dev.drillbot.adapter.store.SqliteReviewStore;
import dev.drillbot.adapter.store.SqliteStoryStore;
import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.command.CommandRegistry;
import dev.drillbot.core.command.DrillCommand;
import dev.drillbot.core.command.MockCommand;
import dev.drillbot.core.command.GapsCommand;
import dev.drillbot.core.command.HelpCommand;
import dev.drillbot.core.command.HintCommand;
import dev.drillbot.core.command.LeaderboardCommand;
import dev.drillbot.core.command.PauseCommand;
import dev.drillbot.core.command.RemindCommand;
import dev.drillbot.core.command.ResumeCommand;
import dev.drillbot.core.command.ReviewCommand;
import dev.drillbot.adapter.charts.XChartPictures;
import dev.drillbot.core.command.ProgressCommand;
import dev.drillbot.core.progress.ProgressPictures;
import dev.drillbot.core.command.StoriesCommand;
import dev.drillbot.core.command.StreakCommand;
import dev.drillbot.core.command.TimezoneCommand;
import dev.drillbot.core.drill.AnswerIntake;
import dev.drillbot.core.drill.AnswerService;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.drill.QuestionPicker;
import dev.drillbot.core.progress.Nudges;
import dev.drillbot.core.progress.Practice;
import dev.drillbot.core.progress.WeeklyDigests;
import dev.drillbot.core.mock.MockInterviews;
import dev.drillbot.core.review.Reviews;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.core.text.Messages;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Wires the core services to their SQLite stores: the one place where objects are put together, with
 * plain constructors. Chat adapters and the scheduler are given the resulting {@link Drillbot}.
 */
public final class Bot {
    private Bot() {}

    public static Drillbot assemble(QuestionBank bank, Scoring scoring, Database db, Gateways gateways, Messages messages,
            ChannelDirectory channels, int maxAnswerChars, Clock clock, RandomGenerator random) {
        SqliteDrillStore drillStore = new SqliteDrillStore(db);
        SqliteAnswerStore answerStore = new SqliteAnswerStore(db);
        SqliteProgressStore progress = new SqliteProgressStore(db);
        DrillService drills = new DrillService(bank, drillStore, progress, gateways, messages, scoring,
                new QuestionPicker(random), clock);
        Reviews reviews = new Reviews(new SqliteReviewStore(db));
        AnswerService answers = new AnswerService(bank, drillStore, answerStore, progress, scoring, gateways,
                messages, channels, maxAnswerChars, clock, reviews);
        SqlitePracticeStore practiceStore = new SqlitePracticeStore(db);
        Practice practice = new Practice(practiceStore, clock);
        ProgressPictures pictures = new XChartPictures();
        MockInterviews mocks = new MockInterviews(bank, new SqliteMockStore(db), scoring, gateways, messages, reviews,
                channels, maxAnswerChars, random, clock);
        CommandRegistry commands = new CommandRegistry(messages);
        commands.register(new DrillCommand(bank, drills, messages))
                .register(new StreakCommand(progress, practice, messages, clock))
                .register(new TimezoneCommand(practice, messages))
                .register(new PauseCommand(practice, messages))
                .register(new ResumeCommand(practice, messages))
                .register(new RemindCommand(practiceStore, messages))
                .register(new GapsCommand(progress, reviews, clock, messages))
                .register(new ReviewCommand(bank, drills, reviews, messages, clock))
                .register(new LeaderboardCommand(progress, messages, clock))
                .register(new HintCommand(drillStore, drills, messages))
                .register(new StoriesCommand(new SqliteStoryStore(db), bank, scoring, messages, gateways))
                .register(new ProgressCommand(progress, practiceStore, practice, pictures, gateways, messages))
                .register(new MockCommand(mocks, messages))
                .register(new HelpCommand(commands, messages));
        AnswerIntake intake = new AnswerIntake(new SqliteInbox(db), answers, mocks, clock);
        // answers written in a drill's thread before the thread was recorded are scored once it is
        drills.onThreadRecorded(intake::reopen);
        Nudges nudges = new Nudges(practiceStore, practice, channels, gateways, messages, clock);
        WeeklyDigests digests = new WeeklyDigests(progress, bank, channels, gateways, messages, clock, pictures);
        return new Drillbot(bank, drills, answers, intake, commands, channels, drillStore, progress, messages, practice,
                nudges, digests, mocks);
    }
}
