package dev.drillbot.scoring.lp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Would the dimension weights be better learned than set by hand? Leave-one-set-out over the blind development
 * parts: for each part, the principle model is trained on the others (and the training-only stories) and the six
 * weights are searched (coordinate steps, integer weights) for the best mean Spearman on the other parts alone;
 * the part left out is then scored once with those weights, and once with the rubric's.
 * {@code java -cp ... dev.drillbot.scoring.lp.BlindWeightSearch}
 */
public final class BlindWeightSearch {
    private BlindWeightSearch() {}

    public static void main(String[] args) {
        if (Boolean.getBoolean("all")) {
            fitAll(); // -Dall=true: the weights for the rubric, searched on every development part at once
            return;
        }
        Rubric base = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
        Lexicon lex = new Lexicon(base);
        double handSum = 0;
        double learnedSum = 0;
        int folds = PrincipleModelTrainer.DEV_PARTS.size();
        for (Path held : PrincipleModelTrainer.DEV_PARTS) {
            List<BlindSet> fitting = PrincipleModelTrainer.DEV_PARTS.stream().filter(p -> !p.equals(held))
                    .map(BlindSet::load).toList();
            PrincipleModel model = PrincipleModelTrainer.trainWithout(held, lex, base, p -> true);
            Rubric r = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
            r.model = model;
            Map<String, Double> hand = weights(r);
            Map<String, Double> best = search(r, fitting, 2);
            double bestFit = fit(r, fitting);
            BlindSet heldSet = BlindSet.load(held);
            setWeights(r, hand);
            BlindSet.Figures handFigures = heldSet.figures(LpScorer.of(r));
            setWeights(r, best);
            BlindSet.Figures learned = heldSet.figures(LpScorer.of(r));
            handSum += handFigures.spearman;
            learnedSum += learned.spearman;
            System.out.printf(Locale.ROOT, "%s: weights %s (fit on the others %.3f); held out: Spearman %.3f by hand,"
                    + " %.3f learned; pairs %d/%d -> %d/%d; label-4 under 75 %d -> %d; gaming %d -> %d%n", held, best,
                    bestFit, handFigures.spearman, learned.spearman, handFigures.pairsLower, handFigures.pairsTotal,
                    learned.pairsLower, learned.pairsTotal, handFigures.label4Below75, learned.label4Below75,
                    handFigures.gamingAboveAGoodAnswer, learned.gamingAboveAGoodAnswer);
        }
        System.out.printf(Locale.ROOT, "mean held-out Spearman: %.3f by hand, %.3f learned%n", handSum / folds, learnedSum / folds);
    }

    /** The same search on all development parts, with the rubric's own (fully trained) model. */
    static void fitAll() {
        Rubric r = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
        List<BlindSet> all = PrincipleModelTrainer.DEV_PARTS.stream().map(BlindSet::load).toList();
        System.out.printf(Locale.ROOT, "rubric weights %s: mean Spearman %.3f%n", weights(r), fit(r, all));
        Map<String, Double> best = search(r, all, 3);
        System.out.printf(Locale.ROOT, "found %s: mean Spearman %.3f%n", best, fit(r, all));
    }

    /**
     * Coordinate search from the rubric's weights: each weight moved by ±6 and ±3 (then ±1 in a third pass), a
     * move kept when it raises the mean Spearman on {@code sets}. Leaves {@code r} with the best weights found.
     */
    static Map<String, Double> search(Rubric r, List<BlindSet> sets, int passes) {
        Map<String, Double> best = weights(r);
        double bestFit = fit(r, sets);
        for (int pass = 0; pass < passes; pass++) {
            for (String dim : weights(r).keySet()) {
                for (double step : pass < 2 ? new double[] {-6, -3, 3, 6} : new double[] {-1, 1}) {
                    Map<String, Double> trial = new LinkedHashMap<>(best);
                    trial.put(dim, Math.max(2, best.get(dim) + step));
                    setWeights(r, trial);
                    double f = fit(r, sets);
                    if (f > bestFit + 1e-4) {
                        bestFit = f;
                        best = trial;
                    }
                }
            }
        }
        setWeights(r, best);
        return best;
    }

    private static double fit(Rubric r, List<BlindSet> sets) {
        LpScorer scorer = LpScorer.of(r);
        double sum = 0;
        for (BlindSet s : sets) {
            sum += s.figures(scorer).spearman;
        }
        return sum / sets.size();
    }

    static Map<String, Double> weights(Rubric r) {
        Map<String, Double> out = new LinkedHashMap<>();
        r.dimensions.forEach((name, d) -> out.put(name, d.weight()));
        return out;
    }

    static void setWeights(Rubric r, Map<String, Double> w) {
        for (Map.Entry<String, Double> e : w.entrySet()) {
            Rubric.Dimension d = r.dimensions.get(e.getKey());
            r.dimensions.put(e.getKey(), new Rubric.Dimension(d.name(), e.getValue(), d.probe(), d.probeMatch()));
        }
    }
}
