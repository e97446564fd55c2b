package dev.drillbot.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Gap summaries")
class GapSummaryTest {
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    @DisplayName("list all 16 principles and every SQL topic, marking the never practised")
    void coversEverything() {
        GapSummary g = GapSummary.of(Map.of("ownership", new SkillStat("ownership", 2, 70, T)), Map.of());
        assertThat(g.skills()).hasSize(16 + dev.drillbot.core.bank.SqlTopic.values().length);
        assertThat(g.skills()).filteredOn(l -> !l.neverPractised()).extracting(l -> l.skill().slug())
                .containsExactly("ownership");
    }

    @Test
    @DisplayName("recommend a weak practised skill before never-practised ones, and skip strong ones")
    void nextPriorities() {
        GapSummary g = GapSummary.of(Map.of(
                "dive-deep", new SkillStat("dive-deep", 3, 10, T),
                "ownership", new SkillStat("ownership", 3, 90, T)), Map.of());
        assertThat(g.next()).hasSize(3);
        assertThat(g.next().get(0).skill().slug()).isEqualTo("dive-deep");
        assertThat(g.next()).noneMatch(l -> l.skill().slug().equals("ownership"));
    }

    @Test
    @DisplayName("a brand-new user is pointed at both tracks")
    void newUserGetsBothTracks() {
        GapSummary g = GapSummary.of(Map.of(), Map.of());
        assertThat(g.next()).extracting(l -> l.skill().track()).contains(
                dev.drillbot.core.bank.Track.LP, dev.drillbot.core.bank.Track.SQL);
    }

    @Test
    @DisplayName("the weakest rubric dimensions come first")
    void weakestDimensions() {
        GapSummary g = GapSummary.of(Map.of(), Map.of("structure", 0.9, "impact", 0.2, "ownership", 0.5, "style", 0.7));
        assertThat(g.weakestDimensions()).extracting(GapSummary.DimensionLine::name)
                .containsExactly("impact", "ownership", "style");
    }
}
