package dev.drillbot.scoring.lp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drillbot.core.bank.Principle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labelled evaluation set in src/test/resources/lp. Strong answers carry two marks for minimal
 * pairs: {@code {{with metrics|without}}} and a Result paragraph starting with {@code R:}. The edits
 * are made here, mechanically, so each pair changes exactly one thing.
 */
final class EvalSet {
    static final Path DIR = Path.of("src/test/resources/lp");
    private static final Pattern METRIC = Pattern.compile("\\{\\{([^|}]*)\\|([^}]*)}}");

    /** One labelled answer. {@code kind} is graded, stuffed, off-topic, wrong-principle or rambling. */
    record Answer(String id, Principle principle, int label, String kind, String split, String text, String fits) {}

    /** An original and a copy with one controlled edit that should lower the score. */
    record Pair(String id, String edit, Principle principle, String original, String edited) {}

    final List<Answer> answers = new ArrayList<>();
    final List<Pair> pairs = new ArrayList<>();

    static EvalSet load() {
        EvalSet set = new EvalSet();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(DIR.resolve("eval"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode root = yaml.readTree(f.toFile());
                Principle p = Principle.parse(root.get("principle").asText()).orElseThrow();
                String split = root.get("split").asText();
                for (JsonNode a : root.get("answers")) {
                    String raw = a.get("text").asText();
                    String id = a.get("id").asText();
                    String original = original(raw);
                    set.answers.add(new Answer(id, p, a.get("label").asInt(), "graded", split, original, null));
                    if (raw.contains("{{")) {
                        set.pairs.add(new Pair(id, "metrics removed", p, original, noMetrics(raw)));
                    }
                    if (raw.contains("\nR: ") || raw.startsWith("R: ")) {
                        set.pairs.add(new Pair(id, "Result removed", p, original, noResult(raw)));
                    }
                    if (a.get("label").asInt() >= 3) {
                        set.pairs.add(new Pair(id, "every I -> we", p, original, we(original)));
                    }
                    if (a.has("hypothetical")) {
                        set.pairs.add(new Pair(id, "rewritten as hypothetical", p, original, a.get("hypothetical").asText()));
                    }
                }
            }
            JsonNode fresh = yaml.readTree(DIR.resolve("fresh.yaml").toFile());
            for (JsonNode a : fresh.get("answers")) {
                Principle p = Principle.parse(a.get("principle").asText()).orElseThrow();
                set.answers.add(new Answer(a.get("id").asText(), p, a.get("label").asInt(), "graded", "fresh",
                        a.get("text").asText(), null));
            }
            JsonNode special = yaml.readTree(DIR.resolve("special.yaml").toFile());
            for (JsonNode a : special.get("answers")) {
                Principle p = Principle.parse(a.get("principle").asText()).orElseThrow();
                set.answers.add(new Answer(a.get("id").asText(), p, a.get("label").asInt(), a.get("kind").asText(),
                        "special", a.get("text").asText(), a.has("fits") ? a.get("fits").asText() : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    static String original(String raw) {
        return METRIC.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(m.group(1)))
                .replaceAll("(?m)^R: ", "");
    }

    static String noMetrics(String raw) {
        return METRIC.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(m.group(2))).replaceAll("(?m)^R: ", "");
    }

    static String noResult(String raw) {
        return original(raw.replaceAll("(?m)^R: .*(\\n|$)", ""));
    }

    /** Every first-person singular made plural, and nothing else. */
    static String we(String text) {
        String t = text.replaceAll("\\bI am\\b", "we are").replaceAll("\\bI was\\b", "we were")
                .replaceAll("\\bI'm\\b", "we're").replaceAll("\\bI've\\b", "we've").replaceAll("\\bI'd\\b", "we'd")
                .replaceAll("\\bI\\b", "we").replaceAll("\\bmy\\b", "our").replaceAll("\\bMy\\b", "Our")
                .replaceAll("\\bme\\b", "us").replaceAll("\\bmyself\\b", "ourselves").replaceAll("\\bmine\\b", "ours");
        // capitalise "we" at the start of a sentence or line
        return Pattern.compile("(^|[.!?]\\s+|\\n)we\\b").matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + "We");
    }

    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Spearman's rank correlation with average ranks for ties. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = mean(rx);
        double my = mean(ry);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
