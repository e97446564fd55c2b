package dev.drillbot.core.bank;

import java.util.Map;

/**
 * Where a question came from: the file and the line of each field (paths like {@code accepted[1]}),
 * so that problems found after loading can still point at the right line.
 */
public record Source(String file, int line, Map<String, Integer> fieldLines) {
    public Source {
        fieldLines = Map.copyOf(fieldLines);
    }

    public static Source unknown(String file) {
        return new Source(file, 1, Map.of());
    }

    /** The line of a field, or of its nearest recorded parent, or of the document. */
    public int lineOf(String fieldPath) {
        String path = fieldPath;
        while (!path.isEmpty()) {
            Integer line = fieldLines.get(path);
            if (line != null) {
                return line;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            path = cut < 0 ? "" : path.substring(0, cut);
        }
        return line;
    }
}
