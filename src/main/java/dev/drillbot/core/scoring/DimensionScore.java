package dev.drillbot.core.scoring;

/** One rubric dimension: its name, what the answer earned, and the most it could earn. */
public record DimensionScore(String name, double score, double max) {
    public DimensionScore {
        if (max <= 0 || score < 0 || score > max) {
            throw new IllegalArgumentException("dimension " + name + ": " + score + " of " + max);
        }
    }

    /** 0..1 */
    public double fraction() {
        return score / max;
    }
}
