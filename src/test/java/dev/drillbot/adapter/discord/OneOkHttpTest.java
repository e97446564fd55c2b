package dev.drillbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.sun.net.httpserver.HttpServer;
import dev.drillbot.core.drill.DrillService;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDA needs okhttp 5 ({@code okhttp-jvm}) and the Slack SDK brings okhttp 4 ({@code okhttp}): the same
 * {@code okhttp3} classes in two jars. The build keeps only JDA's; this checks that exactly one copy is on
 * the classpath and that Slack's Web API client and JDA both work on it in one JVM.
 */
@DisplayName("one OkHttp for Slack and Discord")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneOkHttpTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("exactly one jar provides okhttp3, and it is OkHttp 5")
    void exactlyOneOkHttp() throws Exception {
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).toString()).contains("okhttp-jvm");
        assertThat(okhttp3.OkHttp.VERSION).startsWith("5.");
    }

    @Test
    @DisplayName("Slack's Web API client and JDA both work on it in the same process")
    void slackAndDiscordTogether() throws Exception {
        List<String> slackCalls = new CopyOnWriteArrayList<>();
        HttpServer slackApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slackApi.createContext("/api/", ex -> {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            slackCalls.add(method + " " + body);
            String json = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"T\",\"user\":\"drillbot\","
                        + "\"team_id\":\"T1\",\"user_id\":\"U1\",\"bot_id\":\"B1\"}";
                case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}";
                default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
            };
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        slackApi.start();
        try (DiscordHarness discord = new DiscordHarness(dir)) {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/");
            MethodsClient slack = Slack.getInstance(config).methods("xoxb-test");

            AuthTestResponse auth = slack.authTest(r -> r);
            ChatPostMessageResponse posted = slack.chatPostMessage(r -> r.channel("C1").text("Today's drill"));
            DrillService.PostOutcome drill = discord.bot.drills().postScheduled(discord.channel, DiscordHarness.START);

            assertThat(auth.isOk()).isTrue();
            assertThat(auth.getUserId()).isEqualTo("U1");
            assertThat(posted.isOk()).isTrue();
            assertThat(posted.getTs()).isEqualTo("1700000000.000100");
            assertThat(new ArrayList<>(slackCalls)).anyMatch(c -> c.startsWith("chat.postMessage") && c.contains("channel=C1"));
            assertThat(drill).isEqualTo(DrillService.PostOutcome.POSTED);
            assertThat(discord.discord.in(DiscordStandIn.CHANNEL)).hasSize(1);
        } finally {
            slackApi.stop(0);
        }
    }
}
