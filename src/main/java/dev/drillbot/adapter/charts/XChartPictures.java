package dev.drillbot.adapter.charts;

import dev.drillbot.core.progress.LeaderboardEntry;
import dev.drillbot.core.progress.ProgressPicture;
import dev.drillbot.core.progress.ProgressPictures;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.RadarChart;
import org.knowm.xchart.RadarChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * {@code /progress} as one PNG, drawn headless with XChart: a practice heatmap of the last 12 weeks (a
 * column a week, a row a weekday), a radar of the average score per Leadership Principle, and a bar chart of
 * the SQL topics. Needs only the fonts of the Java runtime's host (DejaVu in the Docker image).
 */
public final class XChartPictures implements ProgressPictures {
    static final int WIDTH = 1200;
    static final int HEATMAP_HEIGHT = 300;
    static final int LOWER_HEIGHT = 480;
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public byte[] png(ProgressPicture p) {
        BufferedImage image = new BufferedImage(WIDTH, HEATMAP_HEIGHT + LOWER_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            paint(g, heatmap(p), 0, 0, WIDTH, HEATMAP_HEIGHT);
            paint(g, radar(p), 0, HEATMAP_HEIGHT, WIDTH / 2, LOWER_HEIGHT);
            paint(g, topics(p), WIDTH / 2, HEATMAP_HEIGHT, WIDTH / 2, LOWER_HEIGHT);
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    static final int BOARD_WIDTH = 800;
    static final int BOARD_HEIGHT = 400;

    @Override
    public byte[] leaderboard(String title, List<LeaderboardEntry> top) {
        BufferedImage image = new BufferedImage(BOARD_WIDTH, BOARD_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g, board(title, top), 0, 0, BOARD_WIDTH, BOARD_HEIGHT);
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    /** Points per person, best first; names as they answered under (shortened to fit). */
    static CategoryChart board(String title, List<LeaderboardEntry> top) {
        CategoryChart chart = new CategoryChartBuilder().width(BOARD_WIDTH).height(BOARD_HEIGHT).title(title)
                .yAxisTitle("points").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLabelsVisible(true);
        List<String> names = new ArrayList<>();
        List<Number> points = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            String n = top.get(i).userName();
            names.add((i + 1) + ". " + (n.length() > 24 ? n.substring(0, 23) + "…" : n));
            points.add(top.get(i).points());
        }
        if (names.isEmpty()) {
            names.add("(nobody yet)");
            points.add(0);
        }
        chart.addSeries("points", names, points);
        return chart;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void paint(Graphics2D g, Chart<?, ?> chart, int x, int y, int w, int h) {
        Graphics2D part = (Graphics2D) g.create(x, y, w, h);
        try {
            chart.paint(part, w, h);
        } finally {
            part.dispose();
        }
    }

    /** Answers per day: weeks across, weekdays down; a day without practice is 0. */
    static HeatMapChart heatmap(ProgressPicture p) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEATMAP_HEIGHT)
                .title("Practice, last " + ProgressPicture.WEEKS + " weeks: " + p.user()).build();
        style(chart.getStyler());
        chart.getStyler().setShowValue(false);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(Math.max(3, p.shownDays().values().stream().mapToInt(Integer::intValue).max().orElse(0)));
        chart.getStyler().setRangeColors(new Color[] {new Color(0xEB, 0xED, 0xF0), new Color(0x9B, 0xE9, 0xA8),
                        new Color(0x40, 0xC4, 0x63), new Color(0x21, 0x6E, 0x39)});
        List<String> weeks = new ArrayList<>();
        LocalDate first = p.firstDay();
        for (int w = 0; w < ProgressPicture.WEEKS; w++) {
            LocalDate monday = first.plusWeeks(w);
            weeks.add(monday.getDayOfMonth() + " " + monday.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        Map<LocalDate, Integer> shown = p.shownDays();
        List<Number[]> cells = new ArrayList<>();
        for (int w = 0; w < ProgressPicture.WEEKS; w++) {
            for (int d = 0; d < 7; d++) {
                LocalDate day = first.plusWeeks(w).plusDays(d);
                if (!day.isAfter(p.lastDay())) {
                    cells.add(new Number[] {w, d, shown.getOrDefault(day, 0)});
                }
            }
        }
        chart.addSeries("answers a day", weeks, List.of(WEEKDAYS), cells);
        return chart;
    }

    /** Average score per principle practised; an empty radar says so in its title. */
    static RadarChart radar(ProgressPicture p) {
        RadarChart chart = new RadarChartBuilder().width(WIDTH / 2).height(LOWER_HEIGHT)
                .title(p.principles().isEmpty() ? "Leadership Principles: none practised yet"
                        : "Leadership Principles: average score").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        if (p.principles().size() >= 3) { // a radar needs three spokes
            chart.setRadiiLabels(p.principles().keySet().stream().map(XChartPictures::shortName).toArray(String[]::new));
            chart.addSeries("average", p.principles().values().stream().mapToDouble(v -> v / 100.0).toArray());
        } else {
            chart.setRadiiLabels(new String[] {"Ownership", "Dive Deep", "Customer Obsession"});
            chart.addSeries("average", new double[] {0, 0, 0});
            chart.setTitle(p.principles().isEmpty() ? chart.getTitle()
                    : "Leadership Principles: " + String.join(", ", p.principles().entrySet().stream()
                            .map(e -> e.getKey() + " " + Math.round(e.getValue())).toList()));
        }
        return chart;
    }

    /** Average score per SQL topic practised. */
    static CategoryChart topics(ProgressPicture p) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH / 2).height(LOWER_HEIGHT)
                .title(p.topics().isEmpty() ? "SQL topics: none practised yet" : "SQL topics: average score")
                .yAxisTitle("score").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setXAxisLabelRotation(40);
        Map<String, Double> t = p.topics().isEmpty() ? Map.of("(none yet)", 0.0) : p.topics();
        chart.addSeries("average", new ArrayList<>(t.keySet()), new ArrayList<Number>(t.values()));
        return chart;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    /** Principle names fit around a radar when long ones are shortened: "Have Backbone", not the whole name. */
    static String shortName(String name) {
        return SHORT.getOrDefault(name, name);
    }

    private static final Map<String, String> SHORT = Map.of("Have Backbone; Disagree and Commit", "Backbone",
            "Insist on the Highest Standards", "Highest Standards", "Hire and Develop the Best", "Hire and Develop",
            "Strive to be Earth's Best Employer", "Best Employer", "Success and Scale Bring Broad Responsibility",
            "Broad Responsibility", "Learn and Be Curious", "Learn, Be Curious");
}
