package dev.drillbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code drillbot run} as a separate process, feeding a scripted console session through stdin. */
@DisplayName("drillbot run on the console, end to end")
class ConsoleEndToEndTest {
    @TempDir
    Path dir;

    private Process start() throws IOException {
        // Every minute with a 5-minute grace window: the previous minute's drill is posted at start-up.
        return start("""
                questions: %s
                rubric: %s
                min_schedule_interval: 1m   # a drill every minute, for the test
                channels:
                  - platform: console
                    channel: study-group
                    schedule: "0 * * * * ?"
                    timezone: Europe/Berlin
                    track: lp
                    grace_window: 5m
                """.formatted(Path.of("src/test/resources/bank").toAbsolutePath(),
                Path.of("config/rubric").toAbsolutePath()));
    }

    private Process start(String yaml) throws IOException {
        Path config = dir.resolve("drillbot.yaml");
        Files.writeString(config, yaml);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.drillbot.Main", "run");
        pb.environment().put("DRILLBOT_CONFIG", config.toString());
        pb.environment().put("DRILLBOT_DB", dir.resolve("data/drillbot.db").toString());
        pb.environment().put("USER", "ana");
        pb.environment().remove("SLACK_BOT_TOKEN");
        pb.environment().remove("DISCORD_BOT_TOKEN");
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        return pb.start();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("a piped session gets the scheduled drill, scores answers in threads, runs commands and exits at end of input")
    void scriptedSession() throws Exception {
        Process p = start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("""
                    /help
                    Last spring our nightly orders pipeline started missing its 6 am deadline.
                    I traced the delay to a skewed join and rewrote it.
                    The result: runtime fell from 5 hours to 50 minutes.

                    /stories export
                    /progress
                    /as Ben
                    /drill sql
                    SELECT 1;

                    /streak
                    /review
                    /timezone Asia/Tokyo
                    /pause 5d
                    /resume
                    /gaps
                    /leaderboard
                    /hint
                    /frobnicate
                    /drill astrology

                    """.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(p.exitValue()).as("exit code; stderr:%n%s", err).isZero();

        assertThat(out).contains("──── drill #1 ────", "Today's drill · Leadership Principle");
        assertThat(out).contains("  ↳ #1 ana: ").contains("/100");
        assertThat(out).contains("You are now Ben.");
        // the console has no direct messages: the export is saved beside the database, and the path said
        assertThat(out).contains("Sent you your story bank (1 stories) as drillbot-stories.md", "📎 saved as "
                + dir.resolve("data/exports").toAbsolutePath());
        // a terminal shows no pictures: /progress answers with its text form
        assertThat(out).contains("A picture could not be sent here", "Leadership Principles, average score:");
        try (var exports = Files.list(dir.resolve("data/exports"))) {
            Path export = exports.filter(f -> f.getFileName().toString().startsWith("drillbot-stories-")).findFirst().orElseThrow();
            assertThat(Files.readString(export)).startsWith("# Story bank of ana").contains("runtime fell from 5 hours");
        }
        // the schedule fires every minute: a session that crosses a minute gets one more scheduled drill first
        assertThat(out).contains("Practice drill for Ben · SQL");
        assertThat(out).containsPattern("  ↳ #\\d+ Ben: ");
        assertThat(out).contains("Ben: 🔥 practice streak 1 day(s)", "Channel drill streak 1"); // a practice answer on a drill day counts
        assertThat(out).contains("Your time zone is now Asia/Tokyo", "Paused for 5 day(s)", "Welcome back");
        // Ben's wrong SQL answer is a review item, due tomorrow
        assertThat(out).contains("Nothing to review today; your next review comes due on");
        assertThat(out).contains("Practice map for Ben", "Practise next:");
        assertThat(out).contains("🏆 Leaderboard · this week", "1. ana");
        // the hint is for the channel's latest drill: the per-minute schedule may have posted another by then
        assertThat(out).containsPattern("Hint 1 of \\d for “[^”]+”");
        assertThat(out).contains("There is no /frobnicate command");
        assertThat(out).contains("“astrology” is not a track, principle, topic or question id I know.");
        assertThat(err).contains("drillbot stopped cleanly");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("/mock on the console: the interview is a thread of its own; answers go to it, a follow-up and the next question come back")
    void mockInterview() throws Exception {
        Process p = start("""
                questions: %s
                rubric: %s
                channels:
                  - platform: console
                    channel: study-group
                    schedule: "0 0 3 1 1 ?"
                    timezone: Europe/Berlin
                """.formatted(Path.of("questions").toAbsolutePath(), Path.of("config/rubric").toAbsolutePath()));
        try (OutputStream in = p.getOutputStream()) {
            in.write("""
                    /mock
                    I rebuilt the nightly load myself.

                    After that it did not fail for three months, down from twice a week.

                    /mock
                    """.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("──── mock interview #1 ────", "Mock interview for ana", "Question 1 of 5",
                "Your mock interview has started in a private thread", "  ↳ #1 Follow-up", "Question 2 of 5",
                "You already have a mock interview open in its private thread (question 2 of 5)");
        assertThat(out).doesNotContain("does not exist");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("SIGTERM stops the bot cleanly: scheduler stopped, database closed")
    void sigterm() throws Exception {
        Process p = start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.contains("reply to answer")) {
                break; // the start-up drill is on screen: the bot is fully running
            }
        }
        assertThat(lines).anyMatch(l -> l.contains("drill #1"));
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("drillbot stopped cleanly");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("terminal escapes, NUL and bell in an answer or a command never reach the terminal; a long argument is quoted short")
    void hostileTextInert() throws Exception {
        Process p = start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("Last spring \u001b[2J\u001b]0;owned\u0007 I traced our nightly pipeline\u0000 delay myself.\n"
                    + "The result: runtime fell from 5 hours to 50 minutes \u202Eevil.\n\n"
                    + "/drill " + "x".repeat(3_000) + "\u001b[31m\n"
                    + "/\u001b[31mnope\n\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("/100").doesNotContain("\u001b", "\u0007", "\u0000", "\u202E");
        assertThat(out).doesNotContain("x".repeat(100)).contains("x".repeat(50));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @DisplayName("/help explains /as and /thread; names are users as typed in any script; /thread to a missing drill is"
            + " refused at once; an answer starting with /* is an answer")
    void consoleUsersThreadsAndComments() throws Exception {
        Process p = start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("""
                    /help
                    /thread 7
                    /as 李雷
                    I led the fix myself. The result: errors fell from 9 to 0.

                    /as 李明
                    I led the fix myself. The result: errors fell from 9 to 0.

                    /as Ana
                    I led the fix myself. The result: errors fell from 9 to 0.

                    /as ana
                    /drill sql
                    /* my answer */ SELECT 1;

                    /leaderboard
                    """.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("/thread N sends your answers to drill #N").contains("There is no drill #7")
                .contains("You are now 李雷.").contains("You are now 李明.");
        // three distinct users scored on the scheduled drill, in the names they typed
        assertThat(out).contains("李雷: ").contains("李明: ").contains("Ana: ");
        // the SQL answer opening with a comment was graded, not taken for an unknown command
        assertThat(out).doesNotContain("Unknown command").contains("ana: ");
    }
}
