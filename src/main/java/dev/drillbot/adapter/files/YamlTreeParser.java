package dev.drillbot.adapter.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML with Jackson's streaming parser into a {@link YamlNode} tree with line numbers. */
public final class YamlTreeParser {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTreeParser() {}

    /** Thrown for syntax errors and duplicate keys; carries the line. */
    public static final class YamlSyntaxException extends Exception {
        private final int line;

        YamlSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static YamlNode parse(String text) throws YamlSyntaxException {
        return parse(new StringReader(text));
    }

    public static YamlNode parse(Reader reader) throws YamlSyntaxException {
        try (JsonParser p = FACTORY.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlNode.Scalar("", 1, null);
            }
            return read(p, "");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new YamlSyntaxException(line, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new YamlSyntaxException(1, "cannot read: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser p, String path) throws IOException, YamlSyntaxException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    YamlNode value = read(p, YamlNode.child(path, key));
                    if (entries.containsKey(key)) {
                        throw new YamlSyntaxException(keyLine, YamlNode.child(path, key) + ": key appears twice");
                    }
                    entries.put(key, value);
                }
                return new YamlNode.Mapping(path, line, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, YamlNode.item(path, i++)));
                }
                return new YamlNode.Sequence(path, line, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(path, line, null);
            }
            default -> {
                return new YamlNode.Scalar(path, line, p.getText());
            }
        }
    }

    /** SnakeYAML's message without its location and caret lines: "while parsing X; expected Y". */
    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("in '") || t.startsWith("at [") || t.matches("\\^+") || line.startsWith("    ")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(t);
        }
        return sb.length() == 0 ? "syntax error" : sb.toString();
    }
}
