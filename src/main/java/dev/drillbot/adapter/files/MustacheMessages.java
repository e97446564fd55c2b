package dev.drillbot.adapter.files;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.drillbot.core.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message templates: {@code <name>.mustache} from the override directory if it has one, else the
 * built-in copy of {@code prompts/} packed into the jar. A broken override is logged and the built-in
 * template used instead, so a typo in a custom template never silences the bot.
 */
public final class MustacheMessages implements Messages {
    private static final Logger log = LoggerFactory.getLogger(MustacheMessages.class);
    private static final String BUILT_IN = "/prompts/";
    private static final java.util.regex.Pattern BLANK_RUNS = java.util.regex.Pattern.compile("\n{3,}");

    private final Optional<Path> overrides;
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true).zeroIsFalse(true);
    private final Map<String, Template> builtIn = new ConcurrentHashMap<>();
    private final Map<String, Optional<Template>> overridden = new ConcurrentHashMap<>();

    public MustacheMessages(Optional<Path> overrides) {
        this.overrides = overrides;
    }

    public static MustacheMessages builtIn() {
        return new MustacheMessages(Optional.empty());
    }

    @Override
    public String render(String name, Map<String, ?> values) {
        Optional<Template> custom = overridden.computeIfAbsent(name, this::loadOverride);
        if (custom.isPresent()) {
            try {
                return trim(custom.get().execute(values));
            } catch (MustacheException e) {
                log.warn("Custom template {} failed ({}); using the built-in one", name, e.getMessage());
            }
        }
        return trim(builtIn.computeIfAbsent(name, this::loadBuiltIn).execute(values));
    }

    private Optional<Template> loadOverride(String name) {
        if (overrides.isEmpty()) {
            return Optional.empty();
        }
        Path file = overrides.get().resolve(name + ".mustache");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(compiler.compile(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | MustacheException e) {
            log.warn("Cannot use custom template {}: {}; using the built-in one", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Template loadBuiltIn(String name) {
        try (InputStream in = MustacheMessages.class.getResourceAsStream(BUILT_IN + name + ".mustache")) {
            if (in == null) {
                throw new IllegalStateException("built-in template missing: " + name);
            }
            return compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in template " + name, e);
        }
    }

    /** Templates end with a newline and may leave blank lines where sections were empty. */
    private static String trim(String s) {
        return BLANK_RUNS.matcher(s).replaceAll("\n\n").strip();
    }
}
