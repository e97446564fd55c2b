package dev.drillbot.core.text;

import java.util.Map;

/**
 * Renders a named message template (one file per message in {@code prompts/}) with values. Wording
 * lives in templates so that it can be changed without touching code.
 */
public interface Messages {
    String render(String template, Map<String, ?> values);
}
