package dev.drillbot.adapter.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.progress.ProgressPicture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The /progress picture (XChart, headless PNG)")
class XChartPicturesTest {
    static ProgressPicture sample() {
        LocalDate today = LocalDate.of(2026, 12, 4); // a Friday
        Map<LocalDate, Integer> days = new LinkedHashMap<>();
        days.put(today, 2);
        days.put(today.minusDays(1), 1);
        days.put(today.minusDays(9), 3);
        days.put(today.minusWeeks(20), 5); // before the 12 weeks: not drawn
        Map<String, Double> principles = new LinkedHashMap<>();
        principles.put("Customer Obsession", 72.0);
        principles.put("Ownership", 85.5);
        principles.put("Dive Deep", 40.0);
        principles.put("Have Backbone; Disagree and Commit", 61.0);
        Map<String, Double> topics = new LinkedHashMap<>();
        topics.put("Joins", 90.0);
        topics.put("Window functions", 55.0);
        return new ProgressPicture("Ana", today, days, principles, topics);
    }

    @Test
    @DisplayName("a PNG of the expected size with drawn pixels, whose charts hold the user's data")
    void rendersTheData() throws Exception {
        ProgressPicture p = sample();
        byte[] png = new XChartPictures().png(p);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(XChartPictures.WIDTH);
        assertThat(image.getHeight()).isEqualTo(XChartPictures.HEATMAP_HEIGHT + XChartPictures.LOWER_HEIGHT);
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                drawn += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(drawn).as("non-white pixels sampled").isGreaterThan(5_000);
        if (Boolean.getBoolean("charts.save")) {
            java.nio.file.Files.write(java.nio.file.Path.of("target/progress-sample.png"), png);
        }

        // the data behind the pictures: 12 weekly columns of 7 days ending today, the 4 principles, 2 topics
        var heat = XChartPictures.heatmap(p).getHeatMapSeries();
        assertThat(heat.getXData()).hasSize(12).first().hasToString("14 Sep");
        assertThat(heat.getYData().stream().map(Object::toString)).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(XChartPictures.heatmap(p).getStyler().getMax()).as("the scale: the busiest day drawn, at least 3").isEqualTo(3);
        assertThat(heat.getHeatData()).hasSize(11 * 7 + 5) // the last week up to Friday
                .anySatisfy(c -> assertThat(c).containsExactly(11, 4, 2))
                .anySatisfy(c -> assertThat(c).containsExactly(11, 3, 1))
                .anySatisfy(c -> assertThat(c).containsExactly(10, 2, 3));
        assertThat(XChartPictures.radar(p).getRadiiLabels())
                .containsExactly("Customer Obsession", "Ownership", "Dive Deep", "Backbone");
        assertThat(XChartPictures.radar(p).getSeriesMap().get("average").getValues()).containsExactly(0.72, 0.855, 0.40, 0.61);
        assertThat(XChartPictures.topics(p).getSeriesMap().get("average").getXData().stream().map(Object::toString))
                .containsExactly("Joins", "Window functions");
    }

    @Test
    @DisplayName("nothing practised yet still draws, and says so")
    void empty() throws Exception {
        ProgressPicture p = new ProgressPicture("Ben", LocalDate.of(2026, 12, 4), Map.of(), Map.of(), Map.of());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new XChartPictures().png(p)));
        assertThat(image.getWidth()).isEqualTo(XChartPictures.WIDTH);
        assertThat(XChartPictures.radar(p).getTitle()).contains("none practised yet");
        assertThat(XChartPictures.topics(p).getTitle()).contains("none practised yet");
    }

    @Test
    @DisplayName("the digest's leaderboard: a PNG whose bars are the top names, ranked, with their points")
    void leaderboard() throws Exception {
        var top = java.util.List.of(
                new dev.drillbot.core.progress.LeaderboardEntry("U1", "Ana", 420, 5, java.time.Instant.EPOCH),
                new dev.drillbot.core.progress.LeaderboardEntry("U2", "A very long display name indeed, more than 24", 70, 2,
                        java.time.Instant.EPOCH));
        byte[] png = new XChartPictures().leaderboard("Leaderboard, week of 2026-11-23", top);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(XChartPictures.BOARD_WIDTH);
        assertThat(image.getHeight()).isEqualTo(XChartPictures.BOARD_HEIGHT);
        var series = XChartPictures.board("t", top).getSeriesMap().get("points");
        assertThat(series.getXData().stream().map(Object::toString))
                .containsExactly("1. Ana", "2. A very long display nam…");
        assertThat(series.getYData().stream().map(Number::intValue)).containsExactly(420, 70);
        if (Boolean.getBoolean("charts.save")) {
            java.nio.file.Files.write(java.nio.file.Path.of("target/leaderboard-sample.png"), png);
        }
    }
}
