package dev.drillbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.config.ConfigException;
import dev.drillbot.config.DrillbotConfig;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.ScoringUnavailableException;
import dev.drillbot.core.text.TextBars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drillbot grade}: scores one answer outside any chat, exactly as the bot would. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Score one answer (from a file or stdin) against a question from the bank or a question file.")
final class GradeCommand implements Callable<Integer> {
    private final DrillbotCommand.Io io;

    @Option(names = "--question", required = true, paramLabel = "ID|FILE",
            description = "a question id from the bank, or a question YAML file")
    String question;

    @Option(names = "--answer-file", paramLabel = "FILE", description = "the answer (default: read stdin)")
    Path answerFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "output format: ${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--explain", description = "also print how the answer was read: for LP, each sentence's STAR part,"
            + " who acts, tense, numbers and signals, and the caps applied")
    boolean explain;

    enum Format { text, json }

    GradeCommand(DrillbotCommand.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        DrillbotConfig config;
        Startup.Scorers scorers;
        try {
            config = Startup.config(io.env());
            scorers = Startup.scorers(config);
        } catch (ConfigException e) {
            e.problems().forEach(p -> io.err().println(p));
            return 2;
        }
        try (scorers) {
            Optional<? extends Question> q = resolve(config);
            if (q.isEmpty()) {
                return 2;
            }
            if (answerFile == null && io.terminal()) {
                // otherwise the command seems to hang, waiting for an answer no one knows to type
                io.err().println("Type or paste the answer to " + q.get().id() + ", then press Ctrl-D on a new line"
                        + " (Ctrl-Z and Enter on Windows) to grade it. --answer-file FILE reads it from a file.");
            }
            String answer;
            try {
                answer = answerFile != null ? Files.readString(answerFile, StandardCharsets.UTF_8)
                        : new String(io.in().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                io.err().println("Cannot read the answer: " + e.getMessage());
                return 2;
            }
            if (answer.isBlank()) {
                io.err().println("The answer is empty: pass --answer-file FILE or pipe the answer on stdin.");
                return 2;
            }
            if (answer.length() > config.maxAnswerChars()) {
                io.err().println("The answer is " + answer.length() + " characters; the bot refuses answers over "
                        + config.maxAnswerChars() + ".");
                return 2;
            }
            Score score;
            try {
                score = scorers.scoring().score(q.get(), answer.strip());
            } catch (ScoringUnavailableException e) {
                io.err().println("Not graded: " + e.getMessage());
                return 3;
            }
            List<String> reading = explain ? scorers.scoring().explain(q.get(), answer.strip()) : List.of();
            if (format == Format.json) {
                io.out().println(json(q.get(), score, reading));
            } else {
                printText(q.get(), score);
                if (explain) {
                    io.out().println(reading.isEmpty() ? "(no explanation for this track)" : "");
                    reading.forEach(io.out()::println);
                }
            }
            return 0;
        }
    }

    private Optional<? extends Question> resolve(DrillbotConfig config) {
        Path file = Path.of(question);
        if (Files.isRegularFile(file)) {
            List<Problem> problems = new ArrayList<>();
            Optional<? extends Question> q = new QuestionBankLoader().loadFile(file, problems);
            problems.forEach(p -> io.err().println(p));
            return problems.isEmpty() ? q : Optional.empty();
        }
        QuestionBankLoader.Result bank = Startup.bank(config.questions());
        Optional<Question> q = bank.bank().find(question);
        if (q.isEmpty()) {
            io.err().println("Unknown question '" + question + "': not a file and not an id in " + config.questions()
                    + " (`drillbot questions` lists the ids).");
        }
        return q;
    }

    private String json(Question q, Score score, List<String> reading) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", q.id());
        out.put("track", q.track().slug());
        out.put("score", score.total());
        out.put("verdict", score.verdict().label());
        List<Map<String, Object>> dims = new ArrayList<>();
        for (DimensionScore d : score.dimensions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("score", d.score());
            m.put("max", d.max());
            dims.add(m);
        }
        out.put("dimensions", dims);
        out.put("feedback", score.feedback());
        out.put("detail", score.detail());
        out.put("follow_up", score.followUp());
        if (explain) {
            out.put("explain", reading);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    }

    private void printText(Question q, Score score) {
        io.out().println(q.id() + " · " + q.title());
        io.out().println("Score: " + score.total() + "/100 · " + score.verdict().label());
        int width = score.dimensions().stream().mapToInt(d -> d.name().length()).max().orElse(0);
        for (DimensionScore d : score.dimensions()) {
            io.out().println("  " + d.name() + " ".repeat(width - d.name().length()) + " "
                    + TextBars.bar(d.fraction(), 10) + " " + TextBars.number(d.score()) + "/" + TextBars.number(d.max()));
        }
        score.feedback().forEach(f -> io.out().println("• " + f));
        if (!score.detail().isEmpty()) {
            io.out().println(score.detail());
        }
        if (!score.followUp().isEmpty()) {
            io.out().println("Follow-up: " + score.followUp());
        }
    }
}
