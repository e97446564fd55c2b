package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.scoring.Score;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers a hostile tester wrote after reading the scorer (src/test/resources/lp/attacks.yaml): each is a label-1
 * answer aimed at one weakness (a plan told in the present, a career-wide composite, a template with slot names,
 * a hobby story, a verb list ...). Each must get "not yet"; the ones still open are marked known_miss and skipped
 * with the reason, so they stay visible in every run. Genuine stories the same tester wrote to catch the guards
 * over-reaching (genuine.yaml) must stay "solid"; the ones it still under-scores are known misses too.
 */
@DisplayName("Gaming answers from a hostile tester")
class LpGamingAttackTest {
    private static final LpScorer SCORER = Answers.scorer();

    /** The entries of one list in a hostile tester's file under src/test/resources/lp. */
    static List<JsonNode> entries(String file, String list) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/test/resources/lp", file).toFile());
        List<JsonNode> out = new ArrayList<>();
        root.get(list).forEach(out::add);
        return out;
    }

    static Stream<Arguments> attacks() throws IOException {
        return entries("attacks.yaml", "attacks").stream().map(a -> Arguments.of(a.get("id").asText(),
                a.get("question").asText(), a.get("text").asText(), a.path("known_miss").asText(""), a.get("mechanism").asText()));
    }

    static Stream<Arguments> genuine() throws IOException {
        return entries("genuine.yaml", "stories").stream().map(a -> Arguments.of(a.get("id").asText(),
                a.get("question").asText(), a.get("text").asText(), a.path("known_miss").asText("")));
    }

    static Stream<Arguments> pairs() throws IOException {
        return entries("genuine.yaml", "pairs").stream().map(a -> Arguments.of(a.get("id").asText(), a.get("edit").asText(),
                a.get("question").asText(), a.get("original").asText(), a.get("edited").asText(), a.path("known_miss").asText("")));
    }

    /** One honest edit an interviewer would mark down (mine becomes "we", numbers go vague, the result goes) must cost points. */
    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pairs")
    @DisplayName("a story edited the way an interviewer would mark down scores lower than the original")
    void editedStoryScoresLower(String id, String edit, String question, String original, String edited, String knownMiss) {
        assumeTrue(knownMiss.isEmpty(), () -> "known miss: " + knownMiss);
        Question q = BlindSet.question(question);
        assertThat(SCORER.score(q, edited).total()).as(id).isLessThan(SCORER.score(q, original).total());
    }

    /** The guards must not cost a real story its score: one occasion, told in any style, stays "solid" or better. */
    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("genuine")
    @DisplayName("a genuine story of one occasion written by the same tester scores 60 or more")
    void genuineStoryIsNotCaught(String id, String question, String text, String knownMiss) {
        assumeTrue(knownMiss.isEmpty(), () -> "known miss: " + knownMiss);
        Score s = SCORER.score(BlindSet.question(question), text);
        assertThat(s.total()).as("%s: %s", id, s.feedback()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("attacks")
    @DisplayName("scores \"not yet\" (under 40)")
    void gamingIsNotYet(String id, String question, String text, String knownMiss, String mechanism) {
        assumeTrue(knownMiss.isEmpty(), () -> "known miss: " + knownMiss);
        Score s = SCORER.score(BlindSet.question(question), text);
        assertThat(s.total()).as("%s: %s", id, mechanism).isLessThan(40);
    }
}
