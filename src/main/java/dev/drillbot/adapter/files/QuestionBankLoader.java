package dev.drillbot.adapter.files;

import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads every {@code *.yaml} / {@code *.yml} file under a directory as a question. The track comes
 * from the file's {@code track:} field or, failing that, from its folder ({@code lp/} or {@code sql/}).
 */
public final class QuestionBankLoader {
    private final QuestionFileReader lpReader = new LpQuestionReader();
    private final QuestionFileReader sqlReader = new SqlQuestionReader();

    /** The questions that loaded and one problem per thing wrong. */
    public record Result(QuestionBank bank, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Result loadDirectory(Path dir) {
        List<Problem> problems = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 1, "", "question directory not found"));
            return new Result(new QuestionBank(List.of()), problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 1, "", "cannot list: " + e.getMessage()));
            return new Result(new QuestionBank(List.of()), problems);
        }
        Map<String, Question> seen = new HashMap<>();
        for (Path file : files) {
            Optional<? extends Question> q = loadFile(file, problems);
            if (q.isEmpty()) {
                continue;
            }
            Question earlier = seen.putIfAbsent(q.get().id(), q.get());
            if (earlier != null) {
                problems.add(Problem.at(q.get().source(), "id",
                        "duplicate id '" + q.get().id() + "' (also in " + earlier.source().file() + ")"));
                continue;
            }
            questions.add(q.get());
        }
        if (files.isEmpty()) {
            problems.add(new Problem(dir.toString(), 1, "", "no question files (*.yaml) found"));
        }
        return new Result(new QuestionBank(questions), problems);
    }

    /** Loads a single question file; problems are appended to {@code problems}. */
    public Optional<? extends Question> loadFile(Path file, List<Problem> problems) {
        return YamlFields.read(file, problems).flatMap(f -> read(f, trackFromFolder(file)));
    }

    /** Parses question YAML text; {@code defaultTrack} is used when the file has no {@code track:} field. */
    public Optional<? extends Question> parse(String name, String text, Optional<Track> defaultTrack,
            List<Problem> problems) {
        return YamlFields.parse(name, text, problems).flatMap(f -> read(f, defaultTrack));
    }

    private Optional<? extends Question> read(YamlFields f, Optional<Track> defaultTrack) {
        Optional<Track> track = f.has("track")
                ? f.parsed("track", true, Track::fromSlug, "a track (lp or sql)")
                : defaultTrack;
        if (track.isEmpty()) {
            if (!f.has("track")) {
                f.problem("track", "missing: say 'track: lp' or 'track: sql', or put the file under lp/ or sql/");
            }
            return Optional.empty();
        }
        return (track.get() == Track.LP ? lpReader : sqlReader).read(f);
    }

    private static Optional<Track> trackFromFolder(Path file) {
        Path parent = file.getParent();
        return parent == null ? Optional.empty() : Track.fromSlug(parent.getFileName().toString());
    }
}
