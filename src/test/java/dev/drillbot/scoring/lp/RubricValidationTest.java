package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbot.core.bank.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Rubric validation (drillbot check)")
class RubricValidationTest {
    @TempDir
    Path dir;

    /** Copies the repository's rubric so one file can be broken per test. */
    private Path copy() throws IOException {
        Path target = dir.resolve("rubric");
        try (Stream<Path> files = Files.walk(Answers.RUBRIC)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(Answers.RUBRIC.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return target;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    @DisplayName("the rubric shipped in config/rubric is valid")
    void shippedRubricIsValid() {
        assertThat(LpScorer.checkRubric(Answers.RUBRIC)).isEmpty();
    }

    @Test
    @DisplayName("a weight that is not a number is reported with its file, line and field")
    void badWeight() throws IOException {
        Path r = copy();
        Path file = r.resolve("rubric.yaml");
        edit(file, "weight: 14", "weight: heavy");
        List<Problem> problems = LpScorer.checkRubric(r);
        assertThat(problems).extracting(Problem::toString).containsExactly(
                file + ":" + lineOf(file, "weight: heavy") + ": dimensions[1].weight: 'heavy' is not a number from 0 to 100");
    }

    @Test
    @DisplayName("a broken principle model is reported by file and line: a weight that is not a number, a missing principle, no bias row")
    void brokenPrincipleModel() throws IOException {
        Path r = copy();
        Path file = r.resolve(PrincipleModel.FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        int row = 10;
        String[] cells = lines.get(row).split("\t");
        cells[3] = "lots";
        lines.set(row, String.join("\t", cells));
        Files.write(file, lines);
        assertThat(LpScorer.checkRubric(r)).extracting(Problem::toString).containsExactly(
                file + ":" + (row + 1) + ": " + cells[0] + ": weight 'lots' is not a number between -100 and 100");

        lines.set(row, lines.get(row).replace("lots", "0"));
        lines.set(1, lines.get(1).replace("\tfrugality", "\tthriftiness"));
        Files.write(file, lines);
        assertThat(LpScorer.checkRubric(r)).extracting(Problem::toString).singleElement().asString()
                .startsWith(file + ":2: feature: the header must be 'feature' and each of the 16 principle slugs once")
                .contains("not understood: [thriftiness]");

        lines.set(1, lines.get(1).replace("\tthriftiness", "\tfrugality"));
        lines.remove(2);
        Files.write(file, lines);
        assertThat(LpScorer.checkRubric(r)).extracting(Problem::toString).containsExactly(
                file + ":1: (bias): missing the (bias) row");
    }

    @Test
    @DisplayName("bands that do not fall, unknown keys and short threshold lists are all reported in one run")
    void severalProblems() throws IOException {
        Path r = copy();
        Path file = r.resolve("rubric.yaml");
        edit(file, "solid: 60", "solid: 85");
        edit(file, "min_words: 5", "min_words: 5\n  max_words: 9");
        edit(file, "share_thresholds: [0.2, 0.4, 0.6, 0.75]", "share_thresholds: [0.2, 0.4]");
        List<String> problems = LpScorer.checkRubric(r).stream().map(Problem::toString).toList();
        assertThat(problems).containsExactlyInAnyOrder(
                file + ":" + lineOf(file, "solid: 85") + ": bands.solid: bands must fall: strong > solid > mixed",
                file + ":" + lineOf(file, "max_words") + ": sentences.max_words: unknown field (allowed: "
                        + "max_signal_word_share, min_function_word_share, min_words, stuffing_sentence_share)",
                file + ":" + lineOf(file, "share_thresholds") + ": ownership.share_thresholds: expected 4 ascending "
                        + "numbers from 0 to 1, found 2 values");
    }

    @Test
    @DisplayName("a malformed phrase points at its own line in the principle file")
    void badPhrase() throws IOException {
        Path r = copy();
        Path file = r.resolve("principles/dive-deep.yaml");
        edit(file, "phrases: [logs, log,", "phrases: [logs, lo*gs,");
        assertThat(LpScorer.checkRubric(r)).extracting(Problem::toString).containsExactly(
                file + ":" + lineOf(file, "lo*gs") + ": groups[0].phrases[1]: 'lo*gs': * is allowed only at the end of a word");
    }

    @Test
    @DisplayName("a missing principle file and a missing word list are named")
    void missingPieces() throws IOException {
        Path r = copy();
        Files.delete(r.resolve("principles/frugality.yaml"));
        Path lexicon = r.resolve("lexicon.yaml");
        edit(lexicon, "hedges: [", "hedging: [");
        assertThat(LpScorer.checkRubric(r)).extracting(Problem::toString).containsExactlyInAnyOrder(
                lexicon + ":" + lineOf(lexicon, "hedging:") + ": hedging: unknown field (allowed: " + String.join(", ",
                        Rubric.LEXICON_LISTS.stream().sorted().toList()) + ")",
                lexicon + ":" + lineOf(lexicon, "function_words:") + ": hedges: missing (required)",
                r.resolve("principles") + ":1: no signals for principle 'frugality': add frugality.yaml");
    }

    @Test
    @DisplayName("YAML syntax errors and a missing directory are problems, not crashes")
    void syntaxAndMissing() throws IOException {
        Path r = copy();
        Files.writeString(r.resolve("principles/think-big.yaml"), "principle: think-big\ngroups: [unclosed\n");
        assertThat(LpScorer.checkRubric(r)).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("think-big.yaml");
            assertThat(p.message()).startsWith("not valid YAML");
        });
        assertThat(LpScorer.checkRubric(dir.resolve("nowhere"))).extracting(Problem::message)
                .containsExactly("rubric directory not found");
    }

    @Test
    @DisplayName("fromDirectory refuses an invalid rubric and carries the problems")
    void fromDirectoryThrows() throws IOException {
        Path r = copy();
        edit(r.resolve("rubric.yaml"), "hypothetical: 40", "hypothetical: 400");
        assertThatThrownBy(() -> LpScorer.fromDirectory(r)).isInstanceOfSatisfying(InvalidRubricException.class,
                e -> assertThat(e.problems()).singleElement().extracting(Problem::field).isEqualTo("caps.hypothetical"));
    }
}
