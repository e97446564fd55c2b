package dev.drillbot.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drillbot.core.command.Command;
import dev.drillbot.testing.TestBot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Slack app manifest")
class SlackManifestTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("declares every chat command, Socket Mode, interactivity, the events and the scopes the adapter uses")
    void matchesTheAdapter() throws Exception {
        JsonNode m = new ObjectMapper(new YAMLFactory()).readTree(Path.of("config/slack/manifest.yaml").toFile());
        List<String> commands = new ArrayList<>();
        m.at("/features/slash_commands").forEach(c -> commands.add(c.get("command").asText()));
        try (TestBot t = new TestBot(dir, ZoneOffset.UTC, Instant.parse("2026-03-02T09:00:00Z"))) {
            assertThat(commands).containsExactlyInAnyOrderElementsOf(
                    t.bot.commands().all().stream().map(Command::name).map(n -> "/" + n).toList());
        }
        assertThat(m.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(m.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(m.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
        List<String> events = new ArrayList<>();
        m.at("/settings/event_subscriptions/bot_events").forEach(e -> events.add(e.asText()));
        assertThat(events).contains("app_home_opened", "message.channels", "message.groups");
        List<String> scopes = new ArrayList<>();
        m.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
        assertThat(scopes).contains("chat:write", "commands", "channels:history", "groups:history", "users:read");
    }
}
