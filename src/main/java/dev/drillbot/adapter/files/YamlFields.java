package dev.drillbot.adapter.files;

import dev.drillbot.core.bank.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, validating access to one YAML mapping. Every failed lookup records a {@link Problem}
 * instead of throwing, so a file with five mistakes gets five messages in one run.
 */
public final class YamlFields {
    private final String file;
    private final YamlNode.Mapping map;
    private final List<Problem> problems;
    private final Map<String, Integer> lines;

    private YamlFields(String file, YamlNode.Mapping map, List<Problem> problems, Map<String, Integer> lines) {
        this.file = file;
        this.map = map;
        this.problems = problems;
        this.lines = lines;
    }

    /** Parses YAML text and starts reading its root; syntax errors and a non-mapping root become problems. */
    public static Optional<YamlFields> parse(String name, String text, List<Problem> problems) {
        try {
            return root(name, YamlTreeParser.parse(text), problems);
        } catch (YamlTreeParser.YamlSyntaxException e) {
            problems.add(new Problem(name, e.line(), "", e.getMessage()));
            return Optional.empty();
        }
    }

    /** Reads and parses a YAML file; an unreadable file becomes a problem. */
    public static Optional<YamlFields> read(java.nio.file.Path file, List<Problem> problems) {
        String text;
        try {
            text = Utf8Files.read(file);
        } catch (Utf8Files.NotUtf8Exception e) {
            problems.add(new Problem(file.toString(), 1, "", "the file " + e.getMessage()));
            return Optional.empty();
        } catch (java.io.IOException e) {
            problems.add(new Problem(file.toString(), 1, "", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        return parse(file.toString(), text, problems);
    }

    /** Starts reading a document root; reports a problem and returns empty if the root is not a mapping. */
    public static Optional<YamlFields> root(String file, YamlNode root, List<Problem> problems) {
        if (root instanceof YamlNode.Mapping m) {
            Map<String, Integer> lines = new HashMap<>();
            record(lines, m);
            return Optional.of(new YamlFields(file, m, problems, lines));
        }
        problems.add(new Problem(file, root.line(), "", "expected a mapping of fields, found " + root.kind()));
        return Optional.empty();
    }

    private static void record(Map<String, Integer> lines, YamlNode node) {
        lines.put(node.path(), node.line());
        if (node instanceof YamlNode.Mapping m) {
            m.entries().values().forEach(v -> record(lines, v));
        } else if (node instanceof YamlNode.Sequence s) {
            s.items().forEach(v -> record(lines, v));
        }
    }

    /** Field path to line, for {@link dev.drillbot.core.bank.Source}. */
    public Map<String, Integer> lines() {
        return lines;
    }

    public String file() {
        return file;
    }

    public int line() {
        return map.line();
    }

    public String path() {
        return map.path();
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean has(String key) {
        YamlNode n = map.entries().get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.value() == null);
    }

    /** Reports every key not in {@code allowed}, with the allowed ones as a hint. */
    public void rejectUnknownKeys(Set<String> allowed) {
        for (var e : map.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problem(e.getValue(), "unknown field (allowed: " + String.join(", ", sorted(allowed)) + ")");
            }
        }
    }

    public void problem(YamlNode node, String message) {
        problems.add(new Problem(file, node.line(), node.path(), message));
    }

    public void problem(String key, String message) {
        YamlNode n = map.entries().get(key);
        if (n != null) {
            problem(n, message);
        } else {
            problems.add(new Problem(file, map.line(), YamlNode.child(map.path(), key), message));
        }
    }

    public Optional<String> optionalText(String key) {
        YamlNode n = map.entries().get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.value() == null)) {
            return Optional.empty();
        }
        if (n instanceof YamlNode.Scalar s) {
            return Optional.of(s.value());
        }
        problem(n, "expected a single value, found " + n.kind());
        return Optional.empty();
    }

    /** A required non-blank text value; reports "missing" and returns empty when absent. */
    public Optional<String> text(String key) {
        if (!map.entries().containsKey(key)) {
            problem(key, "missing (required)");
            return Optional.empty();
        }
        Optional<String> v = optionalText(key);
        if (v.isEmpty() || v.get().isBlank()) {
            if (map.entries().get(key) instanceof YamlNode.Scalar) {
                problem(key, "must not be empty");
            }
            return Optional.empty();
        }
        return v;
    }

    /** Parses a value with {@code parser}; {@code parser} returns empty for invalid input. */
    public <T> Optional<T> parsed(String key, boolean required, Function<String, Optional<T>> parser, String expected) {
        Optional<String> raw = required ? text(key) : optionalText(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value;
        try {
            value = parser.apply(raw.get().trim());
        } catch (RuntimeException e) {
            value = Optional.empty();
        }
        if (value.isEmpty()) {
            problem(key, "'" + raw.get() + "' is not " + expected);
        }
        return value;
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return parsed(key, false, s -> switch (s.toLowerCase()) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> Optional.empty();
        }, "true or false");
    }

    /** A list of text values; a single value is accepted as a one-item list. */
    public List<String> textList(String key, boolean required) {
        YamlNode n = map.entries().get(key);
        if (n == null || (n instanceof YamlNode.Scalar s0 && s0.value() == null)) {
            if (required) {
                problem(key, "missing (required)");
            }
            return List.of();
        }
        if (n instanceof YamlNode.Scalar s) {
            return List.of(s.value());
        }
        if (n instanceof YamlNode.Sequence seq) {
            List<String> out = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
                    out.add(s.value());
                } else {
                    problem(item, "expected text, found " + item.kind());
                }
            }
            if (required && out.isEmpty() && seq.items().isEmpty()) {
                problem(n, "must not be empty");
            }
            return out;
        }
        problem(n, "expected a list, found " + n.kind());
        return List.of();
    }

    /** A list of mappings, each handed over as its own {@link YamlFields}. */
    public List<YamlFields> mappingList(String key, boolean required) {
        YamlNode n = map.entries().get(key);
        if (n == null || (n instanceof YamlNode.Scalar s0 && s0.value() == null)) {
            if (required) {
                problem(key, "missing (required)");
            }
            return List.of();
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            problem(n, "expected a list, found " + n.kind());
            return List.of();
        }
        List<YamlFields> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlNode.Mapping m) {
                out.add(new YamlFields(file, m, problems, lines));
            } else {
                problem(item, "expected a mapping of fields, found " + item.kind());
            }
        }
        if (required && seq.items().isEmpty()) {
            problem(n, "must not be empty");
        }
        return out;
    }

    public Optional<YamlFields> mapping(String key) {
        YamlNode n = map.entries().get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.value() == null)) {
            return Optional.empty();
        }
        if (n instanceof YamlNode.Mapping m) {
            return Optional.of(new YamlFields(file, m, problems, lines));
        }
        problem(n, "expected a mapping of fields, found " + n.kind());
        return Optional.empty();
    }

    /** The raw node, for readers with shapes this class does not cover. */
    public Optional<YamlNode> node(String key) {
        return Optional.ofNullable(map.entries().get(key));
    }

    public Set<String> keys() {
        return map.entries().keySet();
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }
}
