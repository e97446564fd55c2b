package dev.drillbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbot.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The drillbot command line")
class CommandLineTest {
    @TempDir
    Path dir;
    Path config;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("drillbot.yaml");
        Files.writeString(config, "questions: " + Path.of("src/test/resources/bank").toAbsolutePath()
                + "\nrubric: " + Path.of("config/rubric").toAbsolutePath() + "\n");
    }

    int run(String stdin, String... args) {
        var io = new DrillbotCommand.Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Environment.from(Map.of("DRILLBOT_CONFIG", config.toString(),
                        "DRILLBOT_DB", dir.resolve("db.sqlite").toString())), Clock.systemUTC());
        return DrillbotCommand.execute(args, io);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--help and --version work on the top command and every subcommand")
    void helpAndVersion() {
        assertThat(run("", "--help")).isZero();
        assertThat(out()).contains("run", "check", "grade", "questions");
        for (String sub : new String[] {"run", "check", "grade", "questions"}) {
            assertThat(run("", sub, "--help")).isZero();
        }
        assertThat(run("", "--version")).isZero();
        assertThat(out()).contains("drillbot ");
    }

    @Test
    @DisplayName("grade --format json scores an answer from stdin with the documented fields")
    void gradeJson() throws Exception {
        assertThat(run("SELECT 1", "grade", "--question", "sql-test-orders", "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("question").asText()).isEqualTo("sql-test-orders");
        assertThat(json.get("track").asText()).isEqualTo("sql");
        assertThat(json.get("score").asInt()).isBetween(0, 100);
        assertThat(json.has("verdict")).isTrue();
        assertThat(json.get("dimensions").isArray()).isTrue();
        assertThat(json.get("feedback").isArray()).isTrue();
    }

    @Test
    @DisplayName("grade accepts a question file outside the bank and an answer file")
    void gradeFile() throws Exception {
        Path q = dir.resolve("draft.yaml");
        Files.writeString(q, Files.readString(Path.of("src/test/resources/bank/lp/ownership-oncall.yaml"))
                + "track: lp\n");
        Path a = dir.resolve("answer.txt");
        Files.writeString(a, "I noticed nobody owned the failing job, so I fixed it.");
        assertThat(run("", "grade", "--question", q.toString(), "--answer-file", a.toString())).isZero();
        assertThat(out()).contains("lp-test-ownership · Nobody owned it", "Score: ");
    }

    @Test
    @DisplayName("grade --explain shows how each sentence of an LP answer was read and which caps applied")
    void gradeExplain() throws Exception {
        Path q = dir.resolve("draft.yaml");
        Files.writeString(q, Files.readString(Path.of("src/test/resources/bank/lp/ownership-oncall.yaml"))
                + "track: lp\n");
        String answer = "A lot of the work on the data platform in the first year of the programme.\n"
                + "In 2023 nobody owned our nightly Airflow load, so I took it on and rewrote the retry logic.\n"
                + "I would always add an alert in that situation.";
        assertThat(run(answer, "grade", "--question", q.toString(), "--explain")).isZero();
        String out = out();
        assertThat(out).contains("How each sentence was read");
        assertThat(out).containsPattern("1\\. -\\s+not counted: no finite verb \\(a fragment\\)");
        assertThat(out).containsPattern("2\\. \\w+\\s+\\| i \\| past \\|.*ownership/unasked=\"nobody owned\"");
        assertThat(out).containsPattern("3\\. \\w+\\s+\\| [\\w ]+ \\| hypothetical");
        assertThat(out).containsPattern("Cap too short at \\d+ \\((applied|not binding)");
        this.out.reset();
        assertThat(run(answer, "grade", "--question", q.toString(), "--explain", "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("explain").isArray()).isTrue();
        assertThat(json.get("explain").get(0).asText()).startsWith("How each sentence was read");
    }

    @Test
    @DisplayName("grade explains an unknown question id and an empty answer")
    void gradeErrors() {
        assertThat(run("x", "grade", "--question", "no-such-id")).isEqualTo(2);
        assertThat(err()).contains("Unknown question 'no-such-id'", "drillbot questions");
        assertThat(run("  ", "grade", "--question", "sql-test-orders")).isEqualTo(2);
        assertThat(err()).contains("The answer is empty");
    }

    @Test
    @DisplayName("questions lists the bank, filtered by track, as text or JSON")
    void questions() throws Exception {
        assertThat(run("", "questions", "--track", "lp")).isZero();
        assertThat(out()).contains("lp-test-ownership", "lp-test-dive-deep", "2 question(s)").doesNotContain("sql-test-orders");
        out.reset();
        assertThat(run("", "questions", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out()).size()).isEqualTo(3);
        assertThat(run("", "questions", "--track", "java")).isEqualTo(2);
        assertThat(err()).contains("Unknown track 'java'");
    }

    @Test
    @DisplayName("check prints one file:line: field: problem per problem and exits 1")
    void checkReportsProblems() throws Exception {
        Path bank = Files.createDirectories(dir.resolve("bank/lp"));
        Files.writeString(bank.resolve("bad.yaml"), "id: x\ntitle: t\nprompt: p\nprinciples: [frugalty]\n"
                + "strong_answer: [a]\nprobes: [b, c]\n");
        Files.writeString(bank.resolve("broken.yaml"), "id: y\ntitle: [oops\n");
        assertThat(run("", "check", dir.resolve("bank").toString())).isEqualTo(1);
        assertThat(out()).contains(bank.resolve("bad.yaml") + ":4: principles[0]: unknown principle 'frugalty'")
                .contains(bank.resolve("broken.yaml") + ":").contains("not valid YAML")
                .contains("2 problems found.");
    }

    @Test
    @DisplayName("check on a valid bank prints counts per track and principle and exits 0")
    void checkCounts() {
        assertThat(run("", "check")).as(out()).isZero();
        assertThat(out()).contains("3 questions, all valid", "lp: 2", "sql: 1", "dive-deep 1", "joins 1");
    }

    @Test
    @DisplayName("run refuses to start on a bad config and names the channel")
    void runWithBadConfig() throws Exception {
        Files.writeString(config, "channels:\n  - platform: console\n    channel: local\n    schedule: \"0 0 25 * * ?\"\n");
        assertThat(run("", "run")).isEqualTo(2);
        assertThat(err()).contains(config + ":4: channels[0].schedule: '0 0 25 * * ?' is not a Quartz cron expression for channel 'local'");
    }

    @Test
    @DisplayName("check reports a broken rubric file with its line, and run refuses to start with it")
    void brokenRubric() throws Exception {
        Path rubric = dir.resolve("rubric");
        try (var files = Files.walk(Path.of("config/rubric"))) {
            for (Path f : files.toList()) {
                Path target = rubric.resolve(Path.of("config/rubric").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Files.writeString(rubric.resolve("rubric.yaml"), Files.readString(rubric.resolve("rubric.yaml")) + "\nsurprise: 1\n");
        Files.writeString(config, "questions: " + Path.of("src/test/resources/bank").toAbsolutePath()
                + "\nrubric: " + rubric + "\n");
        assertThat(run("", "check")).isEqualTo(1);
        assertThat(out()).contains(rubric.resolve("rubric.yaml") + ":").contains("surprise: unknown field");
        assertThat(run("", "run")).isEqualTo(2);
        assertThat(err()).contains("configuration has problems", "surprise");
    }

    @Test
    @DisplayName("run on a database a newer drillbot migrated: one line naming both versions, exit 2, the file untouched")
    void runRefusesNewerDatabase() throws Exception {
        Path file = dir.resolve("db.sqlite");
        dev.drillbot.adapter.store.Database.open(file).close();
        dev.drillbot.testing.FutureSchema.apply(file); // what a newer drillbot leaves behind
        byte[] before = Files.readAllBytes(file);

        assertThat(run("", "run")).isEqualTo(2);
        assertThat(err()).startsWith("drillbot cannot start: Cannot open database").contains("version " + dev.drillbot.testing.FutureSchema.future())
                .contains("version " + dev.drillbot.testing.FutureSchema.known()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err().strip().lines()).hasSize(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    @DisplayName("grade reading the answer from a terminal says how to end it; from a pipe it says nothing")
    void gradeOnATerminalSaysSo() {
        var terminal = new DrillbotCommand.Io(new ByteArrayInputStream("SELECT 1".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Environment.from(Map.of("DRILLBOT_CONFIG", config.toString(),
                        "DRILLBOT_DB", dir.resolve("db.sqlite").toString())), Clock.systemUTC(), true);
        assertThat(DrillbotCommand.execute(new String[] {"grade", "--question", "sql-test-orders"}, terminal)).isZero();
        assertThat(err()).contains("Type or paste the answer to sql-test-orders").contains("Ctrl-D");

        err.reset();
        assertThat(run("SELECT 1", "grade", "--question", "sql-test-orders")).isZero();
        assertThat(err()).doesNotContain("Ctrl-D");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
    @DisplayName("from a directory without config/, questions and grade use the built-in config, bank and rubric and say so")
    void builtInDefaultsAnywhere() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        for (String[] args : new String[][] {{"questions"}, {"grade", "--question", "lp-are-right-a-lot-01"}}) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "dev.drillbot.Main"));
            cmd.addAll(java.util.List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile());
            pb.environment().remove("DRILLBOT_CONFIG");
            pb.environment().put("DRILLBOT_DB", dir.resolve("elsewhere.db").toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                in.write("I owned the outage myself. The result: pages fell from 9 to 0.".getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output).isZero();
            assertThat(output).contains("using the built-in config, questions and rubric");
            if (args[0].equals("questions")) {
                assertThat(output).containsPattern("\\d{2,} question\\(s\\)").contains("[dive-deep]");
            } else {
                assertThat(output).contains("/100");
            }
        }
        assertThat(elsewhere.resolve("config")).doesNotExist();
    }
}
