package dev.drillbot.adapter.files;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where every node came from, so that validation
 * errors can say {@code file:line: path: what is wrong}. Jackson's own tree forgets line numbers.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    /** Path from the document root, e.g. {@code channels[0].timezone}; empty for the root. */
    String path();

    int line();

    /** What kind of node this is, in words for error messages. */
    String kind();

    /** @param entries in document order */
    record Mapping(String path, int line, Map<String, YamlNode> entries) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(String path, int line, List<YamlNode> items) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** @param value the text, or {@code null} for YAML null ({@code ~}, empty) */
    record Scalar(String path, int line, String value) implements YamlNode {
        @Override
        public String kind() {
            return value == null ? "empty" : "a single value";
        }
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
