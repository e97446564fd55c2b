package dev.drillbot.core.scoring;

/**
 * The one-word outcome of a score. SQL answers are correct, partial or wrong; Leadership Principle
 * answers fall into a band.
 */
public enum Verdict {
    CORRECT("correct"),
    PARTIAL("partial"),
    WRONG("wrong"),
    STRONG("strong"),
    SOLID("solid"),
    MIXED("mixed"),
    NOT_YET("not yet");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
