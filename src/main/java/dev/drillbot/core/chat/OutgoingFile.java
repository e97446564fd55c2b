package dev.drillbot.core.chat;

import java.util.Objects;

/**
 * A file the bot sends a user (a Markdown export today, pictures later).
 *
 * @param name the file name shown on the platform, e.g. {@code drillbot-stories.md}
 * @param mimeType e.g. {@code text/markdown}
 * @param content the bytes
 * @param comment the message that goes with it
 */
public record OutgoingFile(String name, String mimeType, byte[] content, String comment) {
    public OutgoingFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(mimeType);
        Objects.requireNonNull(content);
        Objects.requireNonNull(comment);
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a file name without folders: " + name);
        }
    }

    @Override
    public String toString() {
        return "OutgoingFile[" + name + ", " + mimeType + ", " + content.length + " bytes]";
    }
}
