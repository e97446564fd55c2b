package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.scoring.lp.AnswerAnalysis.Part;
import dev.drillbot.scoring.lp.AnswerAnalysis.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an {@link Assessment} into plain-text feedback lines, most important first, and picks the
 * follow-up probe. Fixes quote the answer's own words so the candidate knows exactly what to change.
 */
final class FeedbackWriter {
    private static final int QUOTE_WORDS = 14;
    private static final Pattern TRAILING_STOPS = Pattern.compile("[.!?]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<Part, String> PART_ADVICE = Map.of(
            Part.SITUATION, "open with one or two sentences of context",
            Part.TASK, "say what you were asked or set out to do",
            Part.ACTION, "spend most of the answer on the steps you took",
            Part.RESULT, "end with what changed, measured",
            Part.LEARNING, "close with what you learned or would do differently");

    private final Rubric rubric;
    private final Lexicon lex;

    FeedbackWriter(Rubric rubric, Lexicon lex) {
        this.rubric = rubric;
        this.lex = lex;
    }

    /** Caps always noted: no dimension's advice explains them. */
    private static final java.util.Set<String> GAMING_CAPS = java.util.Set.of("stuffing", "echo", "template", "fragments");

    List<String> lines(Assessment x, String band) {
        List<String> out = new ArrayList<>();
        // The score, band and dimension bars are shown by whoever renders the Score (chat template, CLI);
        // these lines carry what only the rubric knows.
        out.add("Length: " + x.a.wordCount + " words");
        for (Assessment.Cap c : x.caps) {
            if (c.limit() < Math.round(x.raw)) {
                out.add("Capped at " + c.limit() + ": " + c.why() + ".");
            } else if (GAMING_CAPS.contains(c.name())) {
                // no dimension fix says this, and it explains why these words earned nothing
                out.add("Note: " + c.why() + ".");
            }
        }
        List<String> fixes = rankedDimensions(x).stream()
                .map(d -> fix(d, x)).filter(f -> !f.isEmpty()).limit(3).toList();
        if (x.other != null && fixes.stream().noneMatch(f -> f.startsWith("Principle fit:"))) {
            out.add("Principle fit: " + wrongPrinciple(x)); // always said, even when other fixes rank higher
        }
        for (int i = 0; i < fixes.size(); i++) {
            out.add("Fix " + (i + 1) + ": " + fixes.get(i));
        }
        out.add(starLine(x));
        out.add(x.asked.displayName() + " terms found: " + (x.termsFound.isEmpty() ? "none"
                : x.termsFound.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "))));
        out.add("Most-used words: " + mostUsed(x.a));
        return out;
    }

    /** Dimensions with room to improve, largest weight × gap first. */
    List<String> rankedDimensions(Assessment x) {
        List<String> dims = new ArrayList<>();
        for (Rubric.Dimension d : rubric.dimensions.values()) {
            if (x.scores.get(d.name()) < 4 && d.weight() > 0) {
                dims.add(d.name());
            }
        }
        dims.sort(Comparator.comparingDouble((String d) -> -rubric.dimensions.get(d).weight() * (4 - x.scores.get(d)))
                .thenComparingInt(Rubric.DIMENSIONS::indexOf));
        // A cap is the first thing to fix: its dimension goes first whatever the weights say.
        List<String> first = new ArrayList<>();
        for (Assessment.Cap c : x.caps) {
            String d = switch (c.name()) {
                case "hypothetical" -> "specificity";
                case "no first-person action" -> "ownership";
                case "no result" -> "impact";
                case "off principle" -> "principle fit";
                default -> "";
            };
            if (dims.contains(d) && !first.contains(d)) {
                first.add(d);
            }
        }
        dims.removeAll(first);
        first.addAll(dims);
        return first;
    }

    /**
     * The probe for the weakest dimension: the question's own when it fits, else the rubric's. With no
     * weak dimension, a question probe that asks about nothing the answer already covered in full, or
     * none: a follow-up never asks what the answer already answered.
     */
    String followUp(Assessment x, LpQuestion q) {
        List<String> ranked = rankedDimensions(x);
        if (ranked.isEmpty()) {
            return q.probes().stream().filter(probe -> !asksAboutFullDimension(probe, x)).findFirst().orElse("");
        }
        Rubric.Dimension d = rubric.dimensions.get(ranked.get(0));
        for (String probe : q.probes()) {
            String p = Words.normalise(probe);
            for (String m : d.probeMatch()) {
                if (p.contains(m)) {
                    return probe;
                }
            }
        }
        return d.probe();
    }

    private boolean asksAboutFullDimension(String probe, Assessment x) {
        String p = Words.normalise(probe);
        for (Rubric.Dimension d : rubric.dimensions.values()) {
            if (x.scores.get(d.name()) >= 4 && d.probeMatch().stream().anyMatch(p::contains)) {
                return true;
            }
        }
        return false;
    }

    private String fix(String dim, Assessment x) {
        return switch (dim) {
            case "ownership" -> ownershipFix(x);
            case "impact" -> impactFix(x);
            case "principle fit" -> fitFix(x);
            case "structure" -> structureFix(x);
            case "specificity" -> specificityFix(x);
            case "concision" -> concisionFix(x);
            default -> "";
        };
    }

    private String ownershipFix(Assessment x) {
        String p = "Ownership: ";
        if (x.iActions == 0) {
            Sentence s = x.firstWe != null ? x.firstWe : x.firstPassive;
            return p + "no sentence says what you did yourself" + (s == null ? "" : " - " + quote(s) + " hides who acted")
                    + ". Rewrite your own steps as \"I ...\".";
        }
        if (x.firstWe != null) {
            return p + quote(x.firstWe) + " - which part was yours? Say \"I ...\" for your steps and name who did the rest.";
        }
        if (x.firstPassive != null) {
            return p + quote(x.firstPassive) + " hides the actor; if it was you, say \"I ...\".";
        }
        if (x.firstVague != null) {
            return p + quote(x.firstVague) + " is vague - use the verb that shows your part (designed, wrote, decided, led).";
        }
        return p + "only " + x.iActions + (x.iActions == 1 ? " sentence says" : " sentences say")
                + " what you did; walk through more of your own steps.";
    }

    private String impactFix(Assessment x) {
        String p = "Impact: ";
        if (x.quantified == 0) {
            if (x.unmeasuredResult != null) {
                return p + quote(x.unmeasuredResult) + " has no number - how much, from what to what?";
            }
            if (x.contextQuantified != null) {
                return p + "your numbers set the scene (" + quote(x.contextQuantified) + ") but none measures the "
                        + "result - end with what changed, from what to what.";
            }
            return p + "no measured result - add the number that changed (runtime, cost, freshness, error rate), before and after.";
        }
        if (!x.beforeAfter) {
            return p + quote(x.firstQuantified) + " gives a number but not the change - show before and after, "
                    + "e.g. \"from 6 hours to 40 minutes\".";
        }
        if (!x.metricNoun) {
            return p + "name the metric that moved (latency, cost, freshness, error rate) next to your numbers.";
        }
        return p + "add one more measured effect - who else benefited, and by how much.";
    }

    private String fitFix(Assessment x) {
        String p = "Principle fit: ";
        if (x.other != null) {
            return p + wrongPrinciple(x);
        }
        String name = x.asked.displayName();
        List<Rubric.Group> missing = x.missingGroups;
        if (missing.isEmpty()) {
            return "";
        }
        String want = missing.stream().limit(2).map(Rubric.Group::label).collect(Collectors.joining("; "));
        String lead = !x.askedEvidence
                ? "nothing yet shows " + name + " (common miss: " + lowerFirst(rubric.principles.get(x.asked).weakness()).replaceAll("[.]$", "") + "). "
                : "for " + name + " interviewers also look for: " + want + ". ";
        return p + lead + missing.get(0).advice();
    }

    private String wrongPrinciple(Assessment x) {
        List<Rubric.Group> missing = x.missingGroups;
        String want = missing.isEmpty() ? "" : " For " + x.asked.displayName() + ", interviewers look for: "
                + missing.stream().limit(2).map(Rubric.Group::label).collect(Collectors.joining("; ")) + ".";
        return "this story reads more like " + x.other.displayName()
                + (x.otherQuote == null ? "" : " (" + quote(x.otherQuote) + ")")
                + " than " + x.asked.displayName() + "." + want;
    }

    private String structureFix(Assessment x) {
        String p = "Structure: ";
        List<Part> missing = new ArrayList<>();
        for (Part part : List.of(Part.SITUATION, Part.TASK, Part.ACTION, Part.RESULT, Part.LEARNING)) {
            if (!x.partWords.containsKey(part)) {
                missing.add(part);
            }
        }
        if (!missing.isEmpty()) {
            return p + "missing " + and(missing.stream().map(FeedbackWriter::partName).toList())
                    + " - " + missing.stream().limit(2).map(PART_ADVICE::get).collect(Collectors.joining("; ")) + ".";
        }
        if (!x.actionLargest) {
            int total = x.partWords.values().stream().mapToInt(Integer::intValue).sum();
            Part biggest = x.partWords.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            return p + "Action is " + pct(x.partWords.getOrDefault(Part.ACTION, 0), total) + " of the story but "
                    + partName(biggest) + " is " + pct(x.partWords.get(biggest), total)
                    + " - cut the background and spend the words on your steps.";
        }
        if (!x.inOrder) {
            return p + "tell it in order: Situation, Task, Action, Result, then Learning.";
        }
        return "";
    }

    private String specificityFix(Assessment x) {
        String p = "Specificity: ";
        if (x.hypothetical && x.firstIsFutureDated) {
            return p + quote(x.firstHypothetical) + " is dated after today - tell one time it happened, and when.";
        }
        if (x.hypothetical) {
            return p + (x.firstHypothetical == null ? "this describes a habit" : quote(x.firstHypothetical)
                    + " describes a habit") + ", not an event - tell one real time, in the past tense.";
        }
        if (!x.timeframe) {
            return p + "say when it happened and how long it took (\"in Q3 last year, over two weeks\").";
        }
        if (x.vaguePenalty > 0) {
            return p + x.quotedStandIns(3)
                    + " stand in for specifics - give the number, the name, the date.";
        }
        if (x.systems == 0) {
            return p + "name the systems involved (the Airflow DAG, the Redshift table, the Kafka topic).";
        }
        if (x.reasons == 0) {
            return p + "say why you chose your approach (\"because ...\") - the reasoning is what gets probed.";
        }
        if (x.pastShare < rubric.num("specificity.past_tense_share")) {
            return p + "tell it in the past tense, as something that happened.";
        }
        return p + "add one more concrete detail: a second system, or the reason behind your key decision.";
    }

    private String concisionFix(Assessment x) {
        String p = "Concision: ";
        double[] ideal = rubric.list("concision.ideal_words");
        int n = x.a.wordCount;
        List<String> parts = new ArrayList<>();
        if (n < ideal[0]) {
            parts.add(n + " words is thin - aim for " + (int) ideal[0] + "-" + (int) ideal[1]
                    + " with your steps and the result");
        } else if (n > ideal[1]) {
            parts.add(n + " words - aim for " + (int) ideal[0] + "-" + (int) ideal[1]
                    + "; cut background, keep Action and Result");
        }
        if (!x.fillers.isEmpty()) {
            parts.add("drop " + x.fillers.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                    .limit(3).map(e -> "\"" + e.getKey() + "\"" + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", ")));
        }
        return parts.isEmpty() ? "" : p + String.join("; ", parts) + ".";
    }

    private String starLine(Assessment x) {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Part part : List.of(Part.SITUATION, Part.TASK, Part.ACTION, Part.RESULT, Part.LEARNING)) {
            (x.partWords.containsKey(part) ? found : missing).add(partName(part));
        }
        return "STAR(L) found: " + (found.isEmpty() ? "none" : String.join(", ", found))
                + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing));
    }

    private String mostUsed(AnswerAnalysis a) {
        // one map lookup per word and no boxing; the counts keep first-use order for ties
        Map<String, int[]> counts = new LinkedHashMap<>();
        int min = 3;
        for (Sentence s : a.sentences) {
            String[] words = s.words;
            int[] flags = s.flags;
            for (int k = 0; k < words.length; k++) {
                String w = words[k];
                if (w.length() >= min && (flags[k] & (Lexicon.NUMBER | Lexicon.STOPWORD)) == 0) {
                    int[] c = counts.get(w);
                    if (c == null) {
                        counts.put(w, new int[] {1});
                    } else {
                        c[0]++;
                    }
                }
            }
        }
        List<Map.Entry<String, int[]>> repeated = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] >= 2) {
                repeated.add(e);
            }
        }
        if (repeated.isEmpty()) {
            return "no word repeats";
        }
        repeated.sort((x, y) -> Integer.compare(y.getValue()[0], x.getValue()[0])); // stable, like the stream
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(5, repeated.size()); i++) {
            if (i > 0) {
                top.append(", ");
            }
            top.append(repeated.get(i).getKey()).append(" x").append(repeated.get(i).getValue()[0]);
        }
        return top.toString();
    }

    /** The sentence in quotes, shortened to about {@value #QUOTE_WORDS} words. */
    static String quote(Sentence s) {
        String t = TRAILING_STOPS.matcher(s.text.strip()).replaceAll("").replace('"', '\'');
        String[] w = SPACES.split(t);
        if (w.length > QUOTE_WORDS) {
            t = String.join(" ", Arrays.copyOfRange(w, 0, QUOTE_WORDS)) + " ...";
        }
        return "\"" + t + "\"";
    }

    private static String partName(Part p) {
        String n = p.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    private static String pct(int part, int total) {
        return total == 0 ? "0%" : Math.round(100.0 * part / total) + "%";
    }

    private static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
