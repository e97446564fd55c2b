package dev.drillbot.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Question files")
class QuestionBankLoaderTest {
    @TempDir
    Path dir;

    List<Problem> problems = new ArrayList<>();

    @Test
    @DisplayName("a valid LP question loads with its principles and remembers field lines")
    void validLp() {
        var q = new QuestionBankLoader().parse("q.yaml", """
                id: lp-1
                title: T
                prompt: Tell me about a time.
                principles: [Dive Deep, ownership]
                strong_answer: [digs into data]
                probes: ["What did you check?", "What changed after?"]
                """, Optional.of(Track.LP), problems);
        assertThat(problems).isEmpty();
        LpQuestion lp = (LpQuestion) q.orElseThrow();
        assertThat(lp.principles()).containsExactly(Principle.DIVE_DEEP, Principle.OWNERSHIP);
        assertThat(lp.source().lineOf("probes")).isEqualTo(6);
    }

    @Test
    @DisplayName("missing fields and unknown principles are reported with file, line and field")
    void missingAndUnknown() {
        new QuestionBankLoader().parse("q.yaml", """
                id: lp-1
                prompt: Tell me.
                principles: [customer-obsesion]
                strong_answer: [x]
                probes: [y, z]
                """, Optional.of(Track.LP), problems);
        assertThat(problems).extracting(Object::toString).containsExactly(
                "q.yaml:1: title: missing (required)",
                "q.yaml:3: principles[0]: unknown principle 'customer-obsesion' (valid: customer-obsession, ownership,"
                        + " invent-and-simplify, are-right-a-lot, learn-and-be-curious, hire-and-develop-the-best,"
                        + " insist-on-the-highest-standards, think-big, bias-for-action, frugality, earn-trust, dive-deep,"
                        + " have-backbone, deliver-results, earths-best-employer, broad-responsibility)");
    }

    @Test
    @DisplayName("a YAML syntax error names the line")
    void syntaxError() {
        new QuestionBankLoader().parse("q.yaml", "id: x\ntitle: [unclosed\nprompt: p\n", Optional.of(Track.LP), problems);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString()).startsWith("q.yaml:").contains("not valid YAML");
    }

    @Test
    @DisplayName("a file outside lp/ or sql/ must say its track")
    void trackRequiredOutsideBank() throws Exception {
        Path f = dir.resolve("draft.yaml");
        Files.writeString(f, "id: x\ntitle: t\nprompt: p\n");
        new QuestionBankLoader().loadFile(f, problems);
        assertThat(problems).extracting(Problem::field).containsExactly("track");
    }

    @Test
    @DisplayName("the test bank loads, and a duplicate id in another file is reported")
    void duplicateIds() throws Exception {
        Path lp = Files.createDirectories(dir.resolve("lp"));
        Files.copy(Path.of("src/test/resources/bank/lp/ownership-oncall.yaml"), lp.resolve("a.yaml"));
        Files.copy(Path.of("src/test/resources/bank/lp/ownership-oncall.yaml"), lp.resolve("b.yaml"));
        var result = new QuestionBankLoader().loadDirectory(dir);
        assertThat(result.bank().size()).isEqualTo(1);
        assertThat(result.problems()).singleElement().asString()
                .endsWith("b.yaml:1: id: duplicate id 'lp-test-ownership' (also in " + lp.resolve("a.yaml") + ")");
    }

    @Test
    @DisplayName("SQL questions keep the sample dataset first")
    void sqlSampleFirst() {
        var result = new QuestionBankLoader().loadDirectory(Path.of("src/test/resources/bank"));
        assertThat(result.problems()).isEmpty();
        SqlQuestion q = (SqlQuestion) result.bank().find("sql-test-orders").orElseThrow();
        assertThat(q.datasets().get(0).visible()).isTrue();
        assertThat(q.datasets()).hasSize(3);
    }
}
