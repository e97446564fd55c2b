package dev.drillbot.core.command;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.SqlTopic;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.drill.Drill;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.drill.TrackMode;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /drill [lp|sql|<principle>|<topic>|<question id>]}: a practice question in its own thread. */
public final class DrillCommand implements Command {
    private final QuestionBank bank;
    private final DrillService drills;
    private final Messages messages;

    public DrillCommand(QuestionBank bank, DrillService drills, Messages messages) {
        this.bank = bank;
        this.drills = drills;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "drill";
    }

    @Override
    public String usage() {
        return "[lp|sql|<principle>|<topic>]";
    }

    @Override
    public String summary() {
        return "practise now: a question in its own thread";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        Optional<List<Question>> candidates = candidates(context, args);
        if (candidates.isEmpty()) {
            return CommandReply.privately(messages.render("unknown-skill", Map.of("given", UserText.quoted(args),
                    "principles", Arrays.stream(Principle.values()).map(Principle::slug).toList(),
                    "topics", Arrays.stream(SqlTopic.values()).map(SqlTopic::slug).toList())));
        }
        if (candidates.get().isEmpty()) {
            return CommandReply.privately(messages.render("no-questions", Map.of("given", UserText.quoted(args))));
        }
        Optional<Drill> posted = drills.postPractice(context.channel(), context.user(), candidates.get());
        if (posted.isEmpty()) {
            return CommandReply.privately(messages.render("post-failed", Map.of()));
        }
        return CommandReply.none("Practice drill posted: answer in its thread.");
    }

    /** Empty when the argument names nothing we know; an empty list when it names something with no questions. */
    private Optional<List<Question>> candidates(CommandContext context, String args) {
        if (args.isBlank()) {
            TrackMode mode = context.channel().trackMode();
            return Optional.of(mode == TrackMode.MIXED ? bank.all() : bank.track(mode.next(Optional.empty())));
        }
        Optional<Track> track = Track.fromSlug(args);
        if (track.isPresent()) {
            return Optional.of(bank.track(track.get()));
        }
        Optional<Principle> principle = Principle.parse(args);
        if (principle.isPresent()) {
            return Optional.of(bank.practising(principle.get()));
        }
        Optional<SqlTopic> topic = SqlTopic.parse(args);
        if (topic.isPresent()) {
            return Optional.of(bank.practising(topic.get()));
        }
        return bank.find(args.strip()).map(List::of);
    }
}
