package dev.drillbot.cli;

import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.config.ConfigException;
import dev.drillbot.config.ConfigLoader;
import dev.drillbot.config.DrillbotConfig;
import dev.drillbot.config.Environment;
import dev.drillbot.core.scoring.Scorer;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.scoring.lp.InvalidRubricException;
import dev.drillbot.scoring.lp.LpScorer;
import dev.drillbot.scoring.sql.SqlScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loading steps shared by the subcommands: config, question bank, scorers. */
final class Startup {
    private Startup() {}

    static DrillbotConfig config(Environment env) {
        return ConfigLoader.load(env.configFile());
    }

    /** Paths in the config are relative to the working directory, as in the README. */
    static QuestionBankLoader.Result bank(Path dir) {
        return new QuestionBankLoader().loadDirectory(dir);
    }

    /** The scorers of both tracks; they own threads, so close them with {@link Scorers#close()}. */
    static Scorers scorers(DrillbotConfig config) {
        return new Scorers(lpScorer(config.rubric()), new SqlScorer());
    }

    /** The LP scorer; an invalid rubric is a configuration problem. Reads the rubric once. */
    static LpScorer lpScorer(Path rubric) {
        try {
            return LpScorer.fromDirectory(rubric);
        } catch (InvalidRubricException e) {
            throw new ConfigException(e.problems());
        }
    }

    record Scorers(LpScorer lp, SqlScorer sql) implements AutoCloseable {
        Scoring scoring() {
            return new Scoring(new ArrayList<Scorer>(List.of(lp, sql)));
        }

        @Override
        public void close() {
            sql.close();
        }
    }
}
