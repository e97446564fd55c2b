package dev.drillbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbot.core.drill.TrackMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration loading")
class ConfigLoaderTest {

    @Test
    @DisplayName("the shipped config/drillbot.yaml is valid and has the console channel")
    void shippedConfig() {
        DrillbotConfig c = ConfigLoader.load(Path.of("config/drillbot.yaml"));
        assertThat(c.channels()).hasSize(1);
        var ch = c.channels().get(0);
        assertThat(ch.channel().key()).isEqualTo("console:local");
        assertThat(ch.schedule()).isEqualTo("0 0 9 ? * MON-FRI");
        assertThat(ch.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(ch.trackMode()).isEqualTo(TrackMode.MIXED);
    }

    @Test
    @DisplayName("defaults apply to fields that are left out")
    void defaults() {
        DrillbotConfig c = ConfigLoader.parse("c.yaml", """
                channels:
                  - platform: slack
                    channel: C42
                    schedule: "0 30 8 * * ?"
                """);
        var ch = c.channels().get(0);
        assertThat(ch.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(ch.graceWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(ch.answerWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(c.maxAnswerChars()).isEqualTo(20_000);
    }

    @Test
    @DisplayName("a bad cron and a bad time zone are reported with line, YAML path and the channel's name")
    void badCronAndZone() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", """
                channels:
                  - platform: console
                    channel: study-group
                    schedule: "every day at nine"
                    timezone: Mars/Olympus
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml:4: channels[0].schedule: 'every day at nine' is not a Quartz cron expression for channel 'study-group'")
                .hasMessageContaining("c.yaml:5: channels[0].timezone: 'Mars/Olympus' is not a time zone for channel 'study-group'");
    }

    @Test
    @DisplayName("a schedule that never fires, or fires more often than once an hour, is refused naming the channel")
    void schedulesThatNeverFireOrFlood() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", """
                channels:
                  - platform: console
                    channel: feb-30
                    schedule: "0 0 9 30 2 ?"
                  - platform: slack
                    channel: C-FLOOD
                    schedule: "0 * * * * ?"
                  - platform: discord
                    channel: "42"
                    schedule: "0 0/30 9 ? * MON-FRI"
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml:4: channels[0].schedule: the schedule \"0 0 9 30 2 ?\" of channel 'feb-30'"
                        + " never fires")
                .hasMessageContaining("channels[1].schedule: the schedule \"0 * * * * ?\" of channel 'C-FLOOD' posts a drill"
                        + " every 1 min")
                .hasMessageContaining("at most one drill per 1 h is allowed (set min_schedule_interval to change that)")
                .hasMessageContaining("channels[2].schedule: the schedule \"0 0/30 9 ? * MON-FRI\" of channel '42' posts a"
                        + " drill every 30 min");
        DrillbotConfig allowed = ConfigLoader.parse("c.yaml", """
                min_schedule_interval: 30m
                channels:
                  - platform: discord
                    channel: "42"
                    schedule: "0 0/30 9 ? * MON-FRI"
                """);
        assertThat(allowed.channels()).hasSize(1);
    }

    @Test
    @DisplayName("a config file and a question file that are not UTF-8 are named with the byte and line that is not")
    void notUtf8(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path config = dir.resolve("drillbot.yaml");
        // "Zürich" saved as Latin-1 on line 2
        java.nio.file.Files.write(config, "channels: []\ntimezone: Z\u00fcrich\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ConfigLoader.load(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("drillbot.yaml").hasMessageContaining("is not UTF-8 text: byte 0xFC at byte 25"
                        + " (line 2)");

        Path questions = java.nio.file.Files.createDirectories(dir.resolve("questions/lp"));
        java.nio.file.Files.write(questions.resolve("q.yaml"), "id: lp-caf\u00e9\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        var loaded = new dev.drillbot.adapter.files.QuestionBankLoader().loadDirectory(dir.resolve("questions"));
        assertThat(loaded.problems().toString()).contains("q.yaml").contains("is not UTF-8 text: byte 0xE9 at byte 11"
                + " (line 1)");
    }

    @Test
    @DisplayName("unknown keys fail with their path and the allowed keys")
    void unknownKeys() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", """
                timezone: UTC
                chanels: []
                channels:
                  - platform: console
                    channel: local
                    schedule: "0 0 9 * * ?"
                    trak: sql
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml:2: chanels: unknown field (allowed: ")
                .hasMessageContaining("c.yaml:7: channels[0].trak: unknown field");
    }

    @Test
    @DisplayName("invalid values are named precisely")
    void invalidValues() {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> ConfigLoader.parse("c.yaml", """
                grace_window: soon
                max_answer_chars: -3
                channels:
                  - platform: teams
                    channel: x
                    schedule: "0 0 9 * * ?"
                    track: java
                """));
        assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "c.yaml:1: grace_window: 'soon' is not a duration (e.g. 90m, 2h, 1d)",
                "c.yaml:2: max_answer_chars: '-3' is not a whole number from 100 to 200000",
                "c.yaml:4: channels[0].platform: 'teams' is not a platform (console, slack or discord)",
                "c.yaml:7: channels[0].track: 'java' is not lp, sql or mixed");
    }

    @Test
    @DisplayName("YAML syntax errors give the line")
    void syntax() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "channels:\n  - platform: console\n   channel: [x\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("c.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    @DisplayName("secrets come from the environment and never show in toString")
    void secretsRedacted() {
        Environment env = Environment.from(Map.of("SLACK_BOT_TOKEN", "xoxb-secret", "SLACK_APP_TOKEN", "xapp-secret",
                "DISCORD_BOT_TOKEN", "discord-secret"));
        assertThat(env.slackConfigured()).isTrue();
        assertThat(env.toString()).doesNotContain("secret");
        assertThat(env.database()).isEqualTo("data/drillbot.db");
    }
}
