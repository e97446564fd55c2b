package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.scoring.Score;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Which principle a story reads as (the learned principle model)")
class PrincipleModelTest {
    private final LpScorer scorer = Answers.scorer();

    /** Written for this test: a story that shows developing people, whatever it is asked under. */
    static final String MENTORING = """
            When I led a data engineering team of five at a travel company, I hired Marco, a graduate from a \
            physics course who had never worked with production data. I set up a development plan with him in \
            his first week: a mentor on the team, a starter project he could ship in a month, and a weekly \
            one-to-one with me to review his growth. I coached him through his first on-call shifts by shadowing him \
            rather than taking over, and I gave him honest feedback after each incident review about what he did \
            well and what to practise. When a senior role opened I nominated him to lead the migration of our \
            booking pipeline, and I stayed his sponsor with the director. A year later he was promoted to senior \
            engineer, he now mentors two new hires himself, and our team kept every person we hired that year.
            """;


    @Test
    @DisplayName("the shipped model is exactly what the trainer learns from the blind development parts and training stories")
    void shippedModelIsReproducible(@TempDir Path dir) throws IOException {
        Rubric rubric = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
        Lexicon lex = new Lexicon(rubric);
        PrincipleModelTrainer.Examples all = new PrincipleModelTrainer.Examples();
        PrincipleModelTrainer.DEV_PARTS.forEach(p -> all.addAll(PrincipleModelTrainer.examples(BlindSet.load(p), lex, rubric)));
        PrincipleModelTrainer.TRAINING_ONLY.forEach(p -> all.addAll(PrincipleModelTrainer.examples(BlindSet.load(p), lex, rubric)));
        Path out = dir.resolve(PrincipleModel.FILE);
        PrincipleModelTrainer.train(all).write(out, "x");
        var shipped = Files.readAllLines(Answers.RUBRIC.resolve(PrincipleModel.FILE));
        var trained = Files.readAllLines(out);
        assertThat(trained.subList(1, trained.size())).isEqualTo(shipped.subList(1, shipped.size()));
    }

    @Test
    @DisplayName("a mentoring story asked under Frugality is named as Hire and Develop the Best, quoted, and scores lower")
    void storyOfAnotherPrincipleIsNamed() {
        Score frugal = scorer.score(Answers.question(Principle.FRUGALITY), MENTORING);
        assertThat(frugal.feedback()).anyMatch(l -> l.contains("this story reads more like Hire and Develop the Best (\"")
                && l.contains("than Frugality"));
        Score develop = scorer.score(Answers.question(Principle.HIRE_AND_DEVELOP_THE_BEST), MENTORING);
        assertThat(develop.feedback()).noneMatch(l -> l.contains("reads more like"));
        assertThat(develop.total()).isGreaterThan(frugal.total());
    }

    @Test
    @DisplayName("grade --explain says how strongly the story reads as the other principle")
    void explainShowsTheMargin() {
        assertThat(scorer.explain(Answers.question(Principle.FRUGALITY), MENTORING))
                .anyMatch(l -> l.matches(".*reads more like Hire and Develop the Best \\(log-odds \\d+\\.\\d\\).*"));
    }

    @Test
    @DisplayName("the model gives the same reading from many threads at once")
    void threadSafe() throws Exception {
        var q = Answers.question(Principle.FRUGALITY);
        int expected = scorer.score(q, MENTORING).total();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> scorer.score(q, MENTORING).total()));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the model file's weights are read exactly as Double.parseDouble reads them, faster")
    void weightsReadExactly() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("config/rubric/principle-model.tsv"))) {
            if (line.startsWith("#") || line.startsWith("feature")) {
                continue;
            }
            String[] cells = line.split("\t");
            for (int c = 1; c < cells.length; c++) {
                org.assertj.core.api.Assertions.assertThat(PrincipleModel.weight(cells[c])).isEqualTo(Double.parseDouble(cells[c]));
            }
        }
        for (String odd : new String[] {"1e-3", "-0", "7", "-12.5", "0.00001234567891234567"}) {
            org.assertj.core.api.Assertions.assertThat(PrincipleModel.weight(odd)).isEqualTo(Double.parseDouble(odd));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrincipleModel.weight("x1")).isInstanceOf(NumberFormatException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrincipleModel.weight("")).isInstanceOf(NumberFormatException.class);
    }
}
