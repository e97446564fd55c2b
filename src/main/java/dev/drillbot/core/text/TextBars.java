package dev.drillbot.core.text;

/** Small text charts that read the same in a terminal, Slack and Discord. */
public final class TextBars {
    private TextBars() {}

    /** A bar of {@code width} cells filled in proportion to {@code fraction} (0..1). */
    public static String bar(double fraction, int width) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * width);
        return "█".repeat(filled) + "░".repeat(width - filled);
    }

    /** Formats a number with at most one decimal and without a trailing ".0" (3, 2.5). */
    public static String number(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }
}
