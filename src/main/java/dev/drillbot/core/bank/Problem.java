package dev.drillbot.core.bank;

/** One thing wrong with a file, printed as {@code file:line: field: message}. */
public record Problem(String file, int line, String field, String message) {
    public static Problem at(Source source, String field, String message) {
        return new Problem(source.file(), source.lineOf(field), field, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message;
    }
}
