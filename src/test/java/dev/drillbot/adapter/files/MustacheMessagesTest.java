package dev.drillbot.adapter.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Message templates")
class MustacheMessagesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a template in the override directory replaces the built-in one; others stay built-in")
    void overrides() throws Exception {
        Files.writeString(dir.resolve("no-drill.mustache"), "Nothing yet, {{who}}!");
        MustacheMessages m = new MustacheMessages(Optional.of(dir));
        assertThat(m.render("no-drill", Map.of("who", "team"))).isEqualTo("Nothing yet, team!");
        assertThat(m.render("post-failed", Map.of())).contains("could not be posted");
    }

    @Test
    @DisplayName("a broken override falls back to the built-in template instead of failing")
    void brokenOverride() throws Exception {
        Files.writeString(dir.resolve("no-drill.mustache"), "{{#unclosed}} oops");
        assertThat(new MustacheMessages(Optional.of(dir)).render("no-drill", Map.of())).contains("/drill");
    }

    @Test
    @DisplayName("values are not HTML-escaped: SQL and quotes arrive as written")
    void noEscaping() {
        String text = MustacheMessages.builtIn().render("unknown-skill",
                Map.of("given", "a<b & 'c'", "principles", java.util.List.of(), "topics", java.util.List.of()));
        assertThat(text).contains("“a<b & 'c'”");
    }

    @Test
    @DisplayName("every template shipped in prompts/ has a built-in copy in the jar")
    void everyPromptIsPackaged() throws Exception {
        try (var files = Files.list(Path.of("prompts"))) {
            files.forEach(f -> assertThat(MustacheMessages.class.getResource("/prompts/" + f.getFileName())).isNotNull());
        }
    }
}
