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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Startup.class);

    /**
     * The config file; with no {@code DRILLBOT_CONFIG} and no {@code config/drillbot.yaml} in the working
     * directory, the shipped config, questions and rubric built into the jar. Says which is in use.
     */
    static DrillbotConfig config(Environment env) {
        Path file = env.configFile();
        if (env.get("DRILLBOT_CONFIG").isEmpty() && !java.nio.file.Files.exists(file)) {
            Path root = BuiltInDefaults.extract();
            log.info("No {} in {}: using the built-in config, questions and rubric (set DRILLBOT_CONFIG to use"
                    + " your own)", file, Path.of("").toAbsolutePath());
            DrillbotConfig c = ConfigLoader.load(root.resolve("config/drillbot.yaml"));
            return new DrillbotConfig(c.channels(), c.defaultZone(), root.resolve(c.questions()),
                    c.prompts().map(root::resolve), root.resolve(c.rubric()), c.maxAnswerChars());
        }
        log.info("Using the config {}", file.toAbsolutePath());
        return ConfigLoader.load(file);
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
