package dev.drillbot.config;

import dev.drillbot.core.drill.ChannelSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything in {@code config/drillbot.yaml}. Secrets are never here: see {@link Environment}.
 *
 * @param defaultZone zone for channels that are not configured (slash commands used elsewhere)
 * @param questions the question bank directory
 * @param prompts a directory whose templates override the built-in ones, if any
 * @param rubric the Leadership Principle rubric directory
 * @param maxAnswerChars answers longer than this are refused with a clear reply
 */
public record DrillbotConfig(List<ChannelSettings> channels, ZoneId defaultZone, Path questions,
        Optional<Path> prompts, Path rubric, int maxAnswerChars) {
    public DrillbotConfig {
        channels = List.copyOf(channels);
    }
}
