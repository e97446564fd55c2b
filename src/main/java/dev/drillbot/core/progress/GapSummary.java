package dev.drillbot.core.progress;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.bank.SqlTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a user stands on every principle and topic, which rubric dimensions are weakest lately,
 * and the three things to practise next.
 */
public record GapSummary(List<SkillLine> skills, List<DimensionLine> weakestDimensions, List<SkillLine> next) {

    /** @param averageScore 0..100, meaningless when {@code attempts == 0} */
    public record SkillLine(Skill skill, int attempts, double averageScore, Optional<Instant> lastPractised) {
        public boolean neverPractised() {
            return attempts == 0;
        }

        /** How much practising this skill would help, 0..1: never practised ranks like a weak score. */
        double gap() {
            return neverPractised() ? 0.8 : Math.max(0, 1 - averageScore / 100.0);
        }
    }

    public record DimensionLine(String name, double averageFraction) {}

    /** Skills scoring at or above this average are not recommended while others remain. */
    static final double GOOD_ENOUGH = 80;

    public static GapSummary of(Map<String, SkillStat> userStats, Map<String, Double> recentDimensions) {
        List<SkillLine> lines = new ArrayList<>();
        List<Skill> all = new ArrayList<>(List.of(Principle.values()));
        all.addAll(List.of(SqlTopic.values()));
        for (Skill s : all) {
            SkillStat stat = userStats.get(s.slug());
            lines.add(stat == null || stat.attempts() == 0
                    ? new SkillLine(s, 0, 0, Optional.empty())
                    : new SkillLine(s, stat.attempts(), stat.averageScore(), Optional.ofNullable(stat.lastPractised())));
        }
        List<DimensionLine> dims = new ArrayList<>();
        recentDimensions.forEach((name, f) -> dims.add(new DimensionLine(name, f)));
        dims.sort(Comparator.comparingDouble(DimensionLine::averageFraction).thenComparing(DimensionLine::name));
        List<DimensionLine> weakest = dims.subList(0, Math.min(3, dims.size()));

        // Largest gap first; among equals, alternate tracks by keeping bank order (principles, then topics).
        List<SkillLine> ranked = new ArrayList<>(lines);
        ranked.removeIf(l -> !l.neverPractised() && l.averageScore() >= GOOD_ENOUGH);
        ranked.sort(Comparator.comparingDouble(SkillLine::gap).reversed()
                .thenComparing(l -> l.skill().track().ordinal()));
        List<SkillLine> next = interleaveTracks(ranked, 3);
        return new GapSummary(List.copyOf(lines), List.copyOf(weakest), next);
    }

    /** The top {@code n}, but with both tracks represented when both have gaps of the same size. */
    private static List<SkillLine> interleaveTracks(List<SkillLine> ranked, int n) {
        List<SkillLine> out = new ArrayList<>();
        Map<Object, Integer> perTrack = new LinkedHashMap<>();
        for (SkillLine l : ranked) {
            if (out.size() == n) {
                break;
            }
            boolean tiedWithFirst = !out.isEmpty() && Math.abs(l.gap() - out.get(0).gap()) < 1e-9;
            if (tiedWithFirst && perTrack.getOrDefault(l.skill().track(), 0) >= 2 && hasOtherTrack(ranked, l, out)) {
                continue;
            }
            out.add(l);
            perTrack.merge(l.skill().track(), 1, Integer::sum);
        }
        for (SkillLine l : ranked) {
            if (out.size() == n) {
                break;
            }
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return List.copyOf(out);
    }

    private static boolean hasOtherTrack(List<SkillLine> ranked, SkillLine l, List<SkillLine> taken) {
        return ranked.stream().anyMatch(o -> o.skill().track() != l.skill().track() && !taken.contains(o)
                && Math.abs(o.gap() - l.gap()) < 1e-9);
    }
}
