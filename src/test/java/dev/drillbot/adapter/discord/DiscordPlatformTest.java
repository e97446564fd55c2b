package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.config.Environment;
import dev.drillbot.core.chat.ChatPlatform;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discord settings from the environment")
class DiscordPlatformTest {

    @Test
    @DisplayName("without DISCORD_BOT_TOKEN there is no Discord platform")
    void absentWithoutToken() {
        assertThat(DiscordPlatform.fromEnvironment(Environment.from(Map.of("DISCORD_API_URL", "http://x/")))).isEmpty();
    }

    @Test
    @DisplayName("with a token it runs as platform 'discord', honours the URL overrides and never shows the token")
    void presentWithToken() {
        Optional<ChatPlatform> p = DiscordPlatform.fromEnvironment(Environment.from(Map.of(
                "DISCORD_BOT_TOKEN", "secret-token-value", "DISCORD_API_URL", "http://127.0.0.1:9/api/v10",
                "DISCORD_GATEWAY_URL", "ws://127.0.0.1:10")));
        assertThat(p).isPresent();
        assertThat(p.get().gateway().platform()).isEqualTo("discord");
        DiscordPlatform.Settings s = ((DiscordPlatform) p.get()).settings();
        assertThat(s.apiUrl()).contains("http://127.0.0.1:9/api/v10/");
        assertThat(s.gatewayUrl()).contains("ws://127.0.0.1:10");
        assertThat(s.messageContent()).isTrue();
        assertThat(s.toString()).doesNotContain("secret-token-value");
    }

    @Test
    @DisplayName("DISCORD_MESSAGE_CONTENT=off connects without the privileged Message Content intent")
    void withoutMessageContent() {
        DiscordPlatform p = (DiscordPlatform) DiscordPlatform.fromEnvironment(Environment.from(Map.of(
                "DISCORD_BOT_TOKEN", "t", "DISCORD_MESSAGE_CONTENT", "off"))).orElseThrow();
        assertThat(p.settings().messageContent()).isFalse();
    }
}
