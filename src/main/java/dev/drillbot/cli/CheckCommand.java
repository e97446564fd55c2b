package dev.drillbot.cli;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.config.ConfigException;
import dev.drillbot.config.DrillbotConfig;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.bank.SqlTopic;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.scoring.lp.LpScorer;
import dev.drillbot.scoring.sql.SqlScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code drillbot check [DIR]}: validates the config, the rubric and every question (including each
 * engine's self-test); prints one {@code file:line: field: problem} per problem and exits 1, or
 * prints counts and exits 0.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the question bank, the rubric and the config.")
final class CheckCommand implements Callable<Integer> {
    private final DrillbotCommand.Io io;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "question directory (default: the config's, or questions/)")
    Path dir;

    CheckCommand(DrillbotCommand.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        Optional<DrillbotConfig> config = Optional.empty();
        try {
            config = Optional.of(Startup.config(io.env()));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Path rubric = config.map(DrillbotConfig::rubric).orElse(Path.of("config/rubric"));
        Optional<LpScorer> lp = Optional.empty();
        try {
            lp = Optional.of(Startup.lpScorer(rubric));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }

        Path questions = dir != null ? dir : config.map(DrillbotConfig::questions).orElse(Path.of("questions"));
        QuestionBankLoader.Result loaded = Startup.bank(questions);
        problems.addAll(loaded.problems());
        QuestionBank bank = loaded.bank();
        try (SqlScorer sql = new SqlScorer()) {
            List<Scorer> engines = new ArrayList<>(List.of(sql));
            lp.ifPresent(engines::add);
            for (Question q : bank.all()) {
                engines.stream().filter(s -> s.track() == q.track()).forEach(s -> problems.addAll(s.check(q)));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> io.out().println(p));
            io.out().println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found.");
            return 1;
        }
        io.out().println(questions + ": " + bank.size() + " questions, all valid");
        for (Track t : Track.values()) {
            io.out().println("  " + t.slug() + ": " + bank.track(t).size());
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<? extends Skill> skills = t == Track.LP ? List.of(Principle.values()) : List.of(SqlTopic.values());
            skills.forEach(s -> counts.put(s.slug(), bank.practising(s).size()));
            counts.forEach((k, v) -> io.out().println("    " + k + " " + v));
        }
        config.ifPresent(c -> io.out().println(io.env().configFile() + ": " + c.channels().size()
                + " channel(s), valid; rubric " + rubric + " valid"));
        return 0;
    }
}
