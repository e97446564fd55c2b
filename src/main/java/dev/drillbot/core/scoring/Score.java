package dev.drillbot.core.scoring;

import java.util.List;

/**
 * What a scorer says about one answer.
 *
 * @param total 0..100
 * @param feedback short lines, most important first
 * @param detail preformatted text shown as a code block (a SQL row diff), or empty
 * @param followUp a probe to ask next, or empty
 */
public record Score(int total, Verdict verdict, List<DimensionScore> dimensions, List<String> feedback,
        String detail, String followUp) {
    public Score {
        if (total < 0 || total > 100) {
            throw new IllegalArgumentException("total " + total);
        }
        dimensions = List.copyOf(dimensions);
        feedback = List.copyOf(feedback);
        detail = detail == null ? "" : detail;
        followUp = followUp == null ? "" : followUp;
    }
}
