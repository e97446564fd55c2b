package dev.drillbot.core.drill;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.progress.SkillStat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses the next question. Two rules: no question repeats in a channel until every candidate has
 * been used once (a "cycle"), and among the unused ones, questions practising the group's weakest or
 * never-practised skills are more likely.
 */
public final class QuestionPicker {
    /** Weight of a never-practised skill on the same scale as {@code 1 - average/100}. */
    static final double NEVER_PRACTISED_GAP = 0.8;

    private final RandomGenerator random;

    public QuestionPicker(RandomGenerator random) {
        this.random = random;
    }

    public QuestionPicker() {
        this(new Random());
    }

    /**
     * @param candidates questions of the wanted track or skill, in bank order
     * @param askedRecentFirst question ids already posted in the channel, most recent first
     * @param groupStats the channel's stats per skill slug
     */
    public Optional<Question> pick(List<Question> candidates, List<String> askedRecentFirst,
            Map<String, SkillStat> groupStats) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Question> unused = unusedInCurrentCycle(candidates, askedRecentFirst);
        double[] weights = new double[unused.size()];
        double sum = 0;
        for (int i = 0; i < unused.size(); i++) {
            weights[i] = weight(unused.get(i), groupStats);
            sum += weights[i];
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < unused.size(); i++) {
            r -= weights[i];
            if (r < 0) {
                return Optional.of(unused.get(i));
            }
        }
        return Optional.of(unused.get(unused.size() - 1));
    }

    static List<Question> unusedInCurrentCycle(List<Question> candidates, List<String> askedRecentFirst) {
        Set<String> ids = new LinkedHashSet<>();
        candidates.forEach(q -> ids.add(q.id()));
        // Replay history oldest first: a cycle ends when every candidate was used (or one repeats,
        // which happens when the bank or the filter changed). What is left is the current cycle.
        Set<String> usedThisCycle = new HashSet<>();
        String last = "";
        for (int i = askedRecentFirst.size() - 1; i >= 0; i--) {
            String id = askedRecentFirst.get(i);
            if (!ids.contains(id)) {
                continue;
            }
            if (usedThisCycle.size() == ids.size() || usedThisCycle.contains(id)) {
                usedThisCycle.clear();
            }
            usedThisCycle.add(id);
            last = id;
        }
        if (usedThisCycle.size() == ids.size()) {
            usedThisCycle.clear();
            // A new cycle starts; still avoid asking the same question twice in a row.
            if (ids.size() > 1) {
                usedThisCycle.add(last);
            }
        }
        List<Question> unused = new ArrayList<>();
        for (Question q : candidates) {
            if (!usedThisCycle.contains(q.id())) {
                unused.add(q);
            }
        }
        return unused;
    }

    /** 1 plus up to 4 for the weakest skill the question practises. */
    static double weight(Question q, Map<String, SkillStat> groupStats) {
        double gap = 0;
        for (Skill s : q.skills()) {
            SkillStat stat = groupStats.get(s.slug());
            double g = stat == null || stat.attempts() == 0
                    ? NEVER_PRACTISED_GAP
                    : Math.max(0, Math.min(1, 1 - stat.averageScore() / 100.0));
            gap = Math.max(gap, g);
        }
        return 1 + 4 * gap;
    }
}
