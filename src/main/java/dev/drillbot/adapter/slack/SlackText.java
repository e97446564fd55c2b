package dev.drillbot.adapter.slack;

import java.util.ArrayList;
import java.util.List;

/** Slack's text rules: mrkdwn escaping and the size limits of blocks and messages. */
final class SlackText {
    /** A section block's text. */
    static final int SECTION_CHARS = 3000;
    /** A header block's plain text. */
    static final int HEADER_CHARS = 150;
    /** A context block's text element. */
    static final int CONTEXT_CHARS = 2000;
    /** Blocks in one message. */
    static final int MESSAGE_BLOCKS = 50;
    /** Blocks in a Home tab view. */
    static final int VIEW_BLOCKS = 100;
    /** The top-level {@code text} when blocks carry the content: it is the notification and fallback. */
    static final int FALLBACK_CHARS = 3000;
    /** The top-level {@code text} of a message without blocks (Slack truncates at 40,000). */
    static final int MESSAGE_TEXT_CHARS = 39_000;

    private SlackText() {}

    /**
     * Escapes {@code &}, {@code <} and {@code >} as Slack requires. Everything is escaped, mention-shaped
     * text included: what reaches here is text (answers quoted back, names, SQL results, command
     * arguments), and a mention in it would let one learner ping a channel through the bot. A mention
     * the bot means to make is added to the mrkdwn after escaping.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most {@code max} characters, ending with an ellipsis when cut; never splits a surrogate pair. */
    static String trim(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * Splits mrkdwn into pieces of at most {@code max} characters, at line ends where possible. A
     * code block cut in two is closed at the end of one piece and reopened in the next.
     */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            boolean fence = line.strip().startsWith("```");
            // What closing and reopening a fence costs, so that no piece goes over max.
            int reserve = 4;
            List<String> parts = splitLong(line, max - reserve - 4);
            for (String part : parts) {
                int needed = part.length() + 1 + (inCode ? reserve : 0);
                if (piece.length() > 0 && piece.length() + needed > max) {
                    if (inCode) {
                        piece.append("```");
                    }
                    out.add(piece.toString().stripTrailing());
                    piece.setLength(0);
                    if (inCode) {
                        piece.append("```\n");
                    }
                }
                piece.append(part).append('\n');
            }
            if (fence) {
                // ```sql opens, ``` closes; one fence line with text after ``` on both sides does both
                String rest = line.strip().substring(3);
                inCode = rest.contains("```") ? inCode : !inCode;
            }
        }
        String last = piece.toString().stripTrailing();
        if (!last.isBlank()) {
            out.add(last);
        }
        return out;
    }

    private static List<String> splitLong(String line, int max) {
        if (line.length() <= max) {
            return List.of(line);
        }
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            int end = Math.min(line.length(), at + max);
            if (end < line.length()) {
                int space = line.lastIndexOf(' ', end);
                if (space > at + max / 2) {
                    end = space;
                } else if (Character.isHighSurrogate(line.charAt(end - 1))) {
                    end--;
                }
            }
            parts.add(line.substring(at, end));
            at = end;
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
        }
        return parts;
    }
}
