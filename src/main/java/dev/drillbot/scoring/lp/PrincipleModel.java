package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which principle a story shows, learned from labelled stories (softmax regression over the stems and
 * adjacent stem pairs of the story's counted sentences). Word lists say whether the asked principle has
 * evidence; this model says whether the story as a whole reads as another principle, which lists of
 * single words could not (docs/lp-rubric.md, "A learned reading of which principle a story shows").
 * The weights are data in {@code config/rubric/principle-model.tsv}, written by PrincipleModelTrainer.
 * Immutable and thread-safe.
 */
final class PrincipleModel {
    static final String FILE = "principle-model.tsv";
    static final String BIAS = "(bias)";
    private static final Principle[] PRINCIPLES = Principle.values();

    /** Per feature: a weight per principle, in {@link Principle} order. */
    private final Map<String, double[]> weights;
    private final double[] bias;

    PrincipleModel(Map<String, double[]> weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** The story's features: each distinct stem and adjacent stem pair of its counted sentences. */
    static Set<String> features(AnswerAnalysis a) {
        Set<String> out = new LinkedHashSet<>();
        for (AnswerAnalysis.Sentence s : a.sentences) {
            if (AnswerAnalysis.evidence(s)) {
                add(s, out);
            }
        }
        return out;
    }

    /**
     * Adds one sentence's stems and stem pairs. Function words, pronouns (a story about "him" is no more
     * about developing people than one about "her"), contractions, numbers and very short words are left
     * out and break a pair.
     */
    static void add(AnswerAnalysis.Sentence s, Set<String> out) {
        String prev = null;
        for (int i = 0; i < s.words.length; i++) {
            String w = s.words[i];
            if ((s.flags[i] & Lexicon.FUNCTION) != 0 || (s.tags[i] & (Morphology.PRON | Morphology.POSSESSIVE)) != 0
                    || w.length() < 3 || w.indexOf('\'') >= 0 || w.indexOf('’') >= 0 || Words.isNumber(w)) {
                prev = null;
                continue;
            }
            String st = AnswerAnalysis.stem(w);
            out.add(st);
            if (prev != null) {
                out.add(prev + "_" + st);
            }
            prev = st;
        }
    }

    /** Log-scores per principle, in {@link Principle} order; only differences between them mean anything. */
    double[] logScores(Set<String> features) {
        double[] out = bias.clone();
        for (String f : features) {
            double[] w = weights.get(f);
            if (w != null) {
                for (int k = 0; k < out.length; k++) {
                    out[k] += w[k];
                }
            }
        }
        return out;
    }

    int size() {
        return weights.size();
    }

    /** Writes the model as a tab-separated table: a header of principle slugs, the bias row, a row per feature. */
    void write(Path file, String comment) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# " + comment + "\n");
            out.write("feature");
            for (Principle p : PRINCIPLES) {
                out.write("\t" + p.slug());
            }
            out.write("\n");
            row(out, BIAS, bias);
            for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
                row(out, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(BufferedWriter out, String name, double[] w) throws IOException {
        out.write(name);
        for (double v : w) {
            out.write(String.format(Locale.ROOT, "\t%.4f", v));
        }
        out.write("\n");
    }

    /**
     * A weight as {@link #write} prints it ("-0.0123"), read without {@link Double#parseDouble}'s generality: the
     * file holds about 120,000 of them and is read at every start. Anything else goes to parseDouble.
     */
    static double weight(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        long whole = 0;
        long fraction = 0;
        long scale = 1;
        boolean dot = false;
        int digits = 0;
        for (int k = i; k < n; k++) {
            char ch = s.charAt(k);
            if (ch == '.' && !dot) {
                dot = true;
            } else if (ch >= '0' && ch <= '9' && ++digits <= 15) {
                if (dot) {
                    fraction = fraction * 10 + (ch - '0');
                    scale *= 10;
                } else {
                    whole = whole * 10 + (ch - '0');
                }
            } else {
                return Double.parseDouble(s); // another form, or too many digits: the general parser, or its error
            }
        }
        if (digits == 0) {
            return Double.parseDouble(s);
        }
        // one correctly rounded division of exact integers: the same double parseDouble gives
        double v = (double) (whole * scale + fraction) / scale;
        return i == 1 ? -v : v;
    }

    /** Reads a model written by {@link #write}, or returns empty with every problem in {@code problems}. */
    static Optional<PrincipleModel> read(Path file, List<Problem> problems) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(name, 1, "", "cannot read the principle model: " + e.getMessage()));
            return Optional.empty();
        }
        int before = problems.size();
        int[] column = null; // file column -> principle ordinal
        Map<String, double[]> weights = new HashMap<>();
        double[] bias = null;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (column == null) {
                column = header(cells, name, n, problems);
                if (column == null) {
                    return Optional.empty();
                }
                continue;
            }
            if (cells.length != PRINCIPLES.length + 1) {
                problems.add(new Problem(name, n, cells[0], "expected " + (PRINCIPLES.length + 1) + " columns, found " + cells.length));
                continue;
            }
            double[] w = new double[PRINCIPLES.length];
            boolean ok = true;
            for (int c = 1; c < cells.length; c++) {
                try {
                    double v = weight(cells[c]);
                    if (!Double.isFinite(v) || Math.abs(v) > 100) {
                        throw new NumberFormatException();
                    }
                    w[column[c]] = v;
                } catch (NumberFormatException e) {
                    problems.add(new Problem(name, n, cells[0], "weight '" + cells[c] + "' is not a number between -100 and 100"));
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            if (cells[0].equals(BIAS)) {
                bias = w;
            } else if (weights.put(cells[0], w) != null) {
                problems.add(new Problem(name, n, cells[0], "feature listed twice"));
            }
        }
        if (column == null) {
            problems.add(new Problem(name, 1, "", "the principle model is empty"));
        } else if (bias == null) {
            problems.add(new Problem(name, 1, BIAS, "missing the " + BIAS + " row"));
        }
        return problems.size() == before ? Optional.of(new PrincipleModel(weights, bias)) : Optional.empty();
    }

    private static int[] header(String[] cells, String name, int n, List<Problem> problems) {
        int[] column = new int[cells.length];
        Set<Principle> seen = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (int c = 1; c < cells.length; c++) {
            Optional<Principle> p = Principle.parse(cells[c]);
            if (p.isEmpty() || !seen.add(p.get())) {
                bad.add(cells[c]);
            } else {
                column[c] = p.get().ordinal();
            }
        }
        if (!cells[0].equals("feature") || !bad.isEmpty() || seen.size() != PRINCIPLES.length) {
            problems.add(new Problem(name, n, "feature", "the header must be 'feature' and each of the "
                    + PRINCIPLES.length + " principle slugs once" + (bad.isEmpty() ? "" : "; not understood: " + bad)));
            return null;
        }
        return column;
    }
}
