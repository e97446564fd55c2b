package dev.drillbot.scoring.lp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.scoring.Score;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A labelled set written blind (by people who never saw the scorer): answers to real bank questions with
 * an interviewer's 1-4 label and the style they were written in, plus minimal pairs. The development part
 * may be tuned on; the frozen test part is only ever summarised by {@link Figures}, never listed answer
 * by answer.
 */
final class BlindSet {
    /** The development part: in the repository once handed over, else where it was handed over. */
    static final List<Path> DEV = List.of(Path.of("src/test/resources/lp/blind/dev.yaml"), Path.of("/work/blind/lp/dev.yaml"));
    /**
     * The frozen test parts: the first set's (written 2026-12-01/02, measured once on 12-02), the second
     * set's (four new writers, 2026-12-03, measured once that day), the third's and the fourth's (four more
     * writers each, committed before the scorer ran on any of it; the fourth measured once on 2026-12-04), and
     * the fifth's (four more writers, committed before any scoring, measured once at the end of 2026-12-04), the
     * sixth's and seventh's (measured once each, 2026-12-04) and the eighth (four more writers, the whole set a test
     * part, committed before any scoring and measured once at the end of 2026-12-04, night), and the ninth's
     * (four more writers, ra-rd, committed 2026-12-05 before any scoring; its development part is by four others), the tenth's (sa-sd dev, ta-td test) and the
     * eleventh's (xa-xd dev, ya-yd test; committed 2026-12-05 before any scoring, measured once at the end of that session), the twelfth and thirteenth (ea-ed/fa-fd and ga-gd/ha-hd, 2026-12-05/06) and the
     * fourteenth (ia-id dev, ja-jd test; written 2026-12-06 and committed unread, registered the next session before any scoring)
     * and the fifteenth (la-ld dev, oa-od test; written and committed unread 2026-12-06, registered in the next session before any scoring)
     * and the sixteenth (ba-bd dev, da-dd test; written and committed unread in that session, registered at its end and measured at once, with no change tuned on it)
     * and the seventeenth (ca-cd dev, fe-fh test; written and committed unread 2026-12-06, registered at the start of the next session before any scoring)
     * and the eighteenth (za-zd dev, ge-gh test; written and committed unread in that session, registered at the start of the next, 2026-12-06 evening, before any scoring)
     * and the nineteenth (he-hh dev, ie-ih test; written and committed unread in that session, registered at the start of the next, 2026-12-06 night, before any scoring)
     * and the twentieth (je-jh dev, ke-kh test; written and committed unread in that session, registered at the start of the next, 2026-12-06 late night, before any scoring)
     * and the twenty-first (le-lh dev, me-mh test; written and committed unread in that session, registered at the start of the next, 2026-12-06 just before midnight, before any scoring)
     * and the twenty-second (ne-nh dev, oe-oh test; written and committed unread in that session, registered at the start of the next, 2026-12-07, before any scoring)
     * and the twenty-third (qe-qh dev, pg-pj test; written and committed unread in that session, registered at the start of the next, 2026-12-07 morning, before any scoring)
     * and the twenty-fourth (ue-uh dev, pk-pn test; written and committed unread in that session, registered at the start of the next, 2026-12-07, before any scoring)
     * and the twenty-fifth (ui-ul dev, xe-xh test; written and committed unread in that session, registered at the start of the next, 2026-12-07 midday, before any scoring)
     * and the twenty-sixth (ym-yp dev, zm-zp test; written and committed unread the session before, registered at the end of the next, 2026-12-07 afternoon, and measured at once, with no change tuned on it)
     * and the twenty-seventh (wm-wp dev, vm-vp test; written and committed unread 2026-12-07 midday, registered at the start of the afternoon session, before any scoring)
     * and the twenty-eighth (rm-rp dev, sm-sp test; written and committed unread 2026-12-07 early afternoon, registered at the end of the afternoon session and measured at once, with no change tuned on it)
     * and the twenty-ninth (tm-tp dev, qm-qp test; written and committed unread 2026-12-07 afternoon, registered at the start of the evening session, before any scoring)
     * and the thirtieth (um-up dev, km-kp test; written and committed unread 2026-12-07 afternoon, registered at the end of the evening session and measured at once, with no change tuned on it)
     * and the thirty-first (lm-lp dev, nm-np test; written and committed unread 2026-12-07 evening, registered at the start of the night session, before any scoring)
     * and the thirty-second (am-ap dev, bm-bp test; written and committed unread 2026-12-07 evening, registered at the end of the night session and measured at once, with no change tuned on it)
     * and the thirty-third (dm-dp dev, em-ep test; written and committed unread 2026-12-07 night, registered at the start of the next session, 2026-12-08, before any scoring)
     * and the thirty-fourth (fm-fp dev, gm-gp test; written and committed unread 2026-12-08, registered at the end of that session and measured at once, with no change tuned on it).
     */
    static final List<Path> TESTS = List.of(Path.of("src/test/resources/lp/blind/test.yaml"),
            Path.of("src/test/resources/lp/blind2/test.yaml"), Path.of("src/test/resources/lp/blind3/test.yaml"),
            Path.of("src/test/resources/lp/blind4/test.yaml"), Path.of("src/test/resources/lp/blind5/test.yaml"),
            Path.of("src/test/resources/lp/blind6/test.yaml"), Path.of("src/test/resources/lp/blind7/test.yaml"),
            Path.of("src/test/resources/lp/blind8/test.yaml"), Path.of("src/test/resources/lp/blind9/test.yaml"),
            Path.of("src/test/resources/lp/blind10/test.yaml"), Path.of("src/test/resources/lp/blind11/test.yaml"),
            Path.of("src/test/resources/lp/blind12/test.yaml"),
            Path.of("src/test/resources/lp/blind13/test.yaml"),
            Path.of("src/test/resources/lp/blind14/test.yaml"),
            Path.of("src/test/resources/lp/blind15/test.yaml"),
            Path.of("src/test/resources/lp/blind16/test.yaml"),
            Path.of("src/test/resources/lp/blind17/test.yaml"),
            Path.of("src/test/resources/lp/blind18/test.yaml"),
            Path.of("src/test/resources/lp/blind19/test.yaml"),
            Path.of("src/test/resources/lp/blind20/test.yaml"),
            Path.of("src/test/resources/lp/blind21/test.yaml"),
            Path.of("src/test/resources/lp/blind22/test.yaml"),
            Path.of("src/test/resources/lp/blind23/test.yaml"),
            Path.of("src/test/resources/lp/blind24/test.yaml"),
            Path.of("src/test/resources/lp/blind25/test.yaml"),
            Path.of("src/test/resources/lp/blind26/test.yaml"),
            Path.of("src/test/resources/lp/blind27/test.yaml"),
            Path.of("src/test/resources/lp/blind28/test.yaml"),
            Path.of("src/test/resources/lp/blind29/test.yaml"),
            Path.of("src/test/resources/lp/blind30/test.yaml"),
            Path.of("src/test/resources/lp/blind31/test.yaml"),
            Path.of("src/test/resources/lp/blind32/test.yaml"),
            Path.of("src/test/resources/lp/blind33/test.yaml"),
            Path.of("src/test/resources/lp/blind34/test.yaml"));
    /** The second set's development part, tuned on like the first set's. */
    static final Path DEV2 = Path.of("src/test/resources/lp/blind2/dev.yaml");
    /** The third set's development part (four more writers, 2026-12-03 evening). */
    static final Path DEV3 = Path.of("src/test/resources/lp/blind3/dev.yaml");

    record Answer(String id, String question, Principle principle, int label, String style, Principle fits, String text) {}

    record Pair(String id, String question, Principle principle, String edit, String original, String edited) {}

    final Path file;
    final List<Answer> answers = new ArrayList<>();
    final List<Pair> pairs = new ArrayList<>();

    private BlindSet(Path file) {
        this.file = file;
    }

    /** The file named by {@code -Dlp.blind=PATH}, else the development part, if present. */
    static Optional<Path> chosen() {
        String prop = System.getProperty("lp.blind", "");
        if (!prop.isBlank()) {
            return Optional.of(Path.of(prop));
        }
        return DEV.stream().filter(Files::isRegularFile).findFirst();
    }

    static boolean isTestPart(Path p) {
        return p.getFileName().toString().equals("test.yaml");
    }

    static BlindSet load(Path file) {
        BlindSet set = new BlindSet(file);
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            for (JsonNode a : root.path("answers")) {
                set.answers.add(new Answer(a.get("id").asText(), a.get("question").asText(),
                        Principle.parse(a.get("principle").asText()).orElseThrow(), a.get("label").asInt(),
                        a.path("style").asText("plain"),
                        a.hasNonNull("fits") ? Principle.parse(a.get("fits").asText()).orElse(null) : null,
                        a.get("text").asText()));
            }
            for (JsonNode p : root.path("pairs")) {
                set.pairs.add(new Pair(p.get("id").asText(), p.get("question").asText(),
                        Principle.parse(p.get("principle").asText()).orElseThrow(), p.get("edit").asText(),
                        p.get("original").asText(), p.get("edited").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }

    private static QuestionBank bank;

    static synchronized Question question(String id) {
        if (bank == null) {
            bank = new QuestionBankLoader().loadDirectory(Path.of("questions/lp")).bank();
        }
        return bank.find(id).orElseThrow(() -> new IllegalArgumentException("no bank question " + id));
    }

    /** Gaming styles that must stay below every answer labelled 3 or 4. */
    static final List<String> GAMING = List.of("stuffed", "fragments", "template", "echo");

    /** The figures for one scored set; every field is an aggregate. */
    static final class Figures {
        int n;
        double spearman;
        double wordCountSpearman;
        final Map<String, int[]> pairsByEdit = new TreeMap<>();
        int pairsLower;
        int pairsTotal;
        int gamingAnswers;
        int gamingAboveAGoodAnswer;
        int highestGaming = -1;
        int lowestGood = 101;
        int belowStrongComparisons;
        int belowStrongLower;
        int noteFired;
        int noteCorrect;
        int wrongPrinciple;
        int wrongPrincipleNamed;
        /** Answers labelled 3 or 4 (not written for another principle) that were told they fit another one. */
        int goodAnswers;
        int noteOnGood;
        int lowestLabel4 = 101;
        int label4Below75;
        final Map<Integer, double[]> byLabel = new TreeMap<>();
        final Map<String, double[]> byStyle = new TreeMap<>();

        double pairShare() {
            return pairsTotal == 0 ? Double.NaN : (double) pairsLower / pairsTotal;
        }

        double belowStrongShare() {
            return belowStrongComparisons == 0 ? Double.NaN : (double) belowStrongLower / belowStrongComparisons;
        }

        double notePrecision() {
            return noteFired == 0 ? Double.NaN : (double) noteCorrect / noteFired;
        }

        double noteRecall() {
            return wrongPrinciple == 0 ? Double.NaN : (double) wrongPrincipleNamed / wrongPrinciple;
        }

        List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "answers %d: Spearman %.3f (word count %.3f, margin %.3f)", n, spearman,
                    wordCountSpearman, spearman - wordCountSpearman));
            out.add(String.format(Locale.ROOT, "minimal pairs: %d/%d lower (%.3f)", pairsLower, pairsTotal, pairShare()));
            pairsByEdit.forEach((k, v) -> out.add(String.format(Locale.ROOT, "  edit %-12s %d/%d lower, mean drop %.1f",
                    k, v[1], v[0], v[0] == 0 ? 0 : (double) v[2] / v[0])));
            out.add(String.format(Locale.ROOT, "gaming (stuffed/fragments/template/echo): %d answers, %d at or above the"
                    + " lowest label-3+ answer (highest gaming %d, lowest label 3+ %d)", gamingAnswers,
                    gamingAboveAGoodAnswer, highestGaming, lowestGood));
            out.add(String.format(Locale.ROOT, "rambling/wrong-principle below same-principle label 4: %d/%d (%.3f)",
                    belowStrongLower, belowStrongComparisons, belowStrongShare()));
            out.add(String.format(Locale.ROOT, "wrong-principle note: precision %d/%d (%.3f), recall %d/%d (%.3f)",
                    noteCorrect, noteFired, notePrecision(), wrongPrincipleNamed, wrongPrinciple, noteRecall()));
            out.add(String.format(Locale.ROOT, "label-3+ answers told they fit another principle: %d/%d", noteOnGood, goodAnswers));
            out.add(String.format(Locale.ROOT, "lowest label-4 score %d; label-4 answers below 75: %d", lowestLabel4,
                    label4Below75));
            byLabel.forEach((k, v) -> out.add(String.format(Locale.ROOT, "  label %d: n=%.0f mean %.1f", k, v[0], v[1] / v[0])));
            byStyle.forEach((k, v) -> out.add(String.format(Locale.ROOT, "  style %-15s n=%2.0f mean score %.1f mean label %.2f",
                    k, v[0], v[1] / v[0], v[2] / v[0])));
            return out;
        }
    }

    /** The note that names another principle, as the feedback words it. */
    static Optional<Principle> note(Score s) {
        for (String line : s.feedback()) {
            int at = line.indexOf("reads more like ");
            if (at >= 0) {
                String rest = line.substring(at + "reads more like ".length());
                for (Principle p : Principle.values()) {
                    if (rest.startsWith(p.displayName())) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Scores everything once and computes the figures. */
    Figures figures(LpScorer scorer) {
        Figures f = new Figures();
        Map<String, Score> scores = new LinkedHashMap<>();
        for (Answer a : answers) {
            scores.put(a.id(), scorer.score(question(a.question()), a.text()));
        }
        f.n = answers.size();
        double[] label = answers.stream().mapToDouble(Answer::label).toArray();
        double[] score = answers.stream().mapToDouble(a -> scores.get(a.id()).total()).toArray();
        double[] words = answers.stream().mapToDouble(a -> EvalSet.words(a.text())).toArray();
        f.spearman = EvalSet.spearman(score, label);
        f.wordCountSpearman = EvalSet.spearman(words, label);
        for (Pair p : pairs) {
            Question q = question(p.question());
            int o = scorer.score(q, p.original()).total();
            int e = scorer.score(q, p.edited()).total();
            int[] s = f.pairsByEdit.computeIfAbsent(p.edit(), k -> new int[3]);
            s[0]++;
            s[1] += e < o ? 1 : 0;
            s[2] += o - e;
            f.pairsTotal++;
            f.pairsLower += e < o ? 1 : 0;
        }
        for (Answer a : answers) {
            int t = scores.get(a.id()).total();
            if (a.label() >= 3 && !GAMING.contains(a.style())) {
                f.lowestGood = Math.min(f.lowestGood, t);
            }
            if (GAMING.contains(a.style())) {
                f.gamingAnswers++;
                f.highestGaming = Math.max(f.highestGaming, t);
            }
            if (a.label() == 4) {
                f.lowestLabel4 = Math.min(f.lowestLabel4, t);
                f.label4Below75 += t < 75 ? 1 : 0;
            }
            double[] l = f.byLabel.computeIfAbsent(a.label(), k -> new double[2]);
            l[0]++;
            l[1] += t;
            double[] st = f.byStyle.computeIfAbsent(a.style(), k -> new double[3]);
            st[0]++;
            st[1] += t;
            st[2] += a.label();
        }
        for (Answer a : answers) {
            if (GAMING.contains(a.style()) && scores.get(a.id()).total() >= f.lowestGood) {
                f.gamingAboveAGoodAnswer++;
            }
            if (a.style().equals("rambling") || a.style().equals("wrong-principle")) {
                for (Answer b : answers) {
                    if (b.label() == 4 && b.principle() == a.principle()) {
                        f.belowStrongComparisons++;
                        f.belowStrongLower += scores.get(a.id()).total() < scores.get(b.id()).total() ? 1 : 0;
                    }
                }
            }
            Optional<Principle> note = note(scores.get(a.id()));
            boolean wrong = a.style().equals("wrong-principle") && a.fits() != null;
            if (a.label() >= 3 && !a.style().equals("wrong-principle")) {
                f.goodAnswers++;
                f.noteOnGood += note.isPresent() ? 1 : 0;
            }
            if (note.isPresent()) {
                f.noteFired++;
                f.noteCorrect += wrong && note.get() == a.fits() ? 1 : 0;
            }
            if (wrong) {
                f.wrongPrinciple++;
                f.wrongPrincipleNamed += note.isPresent() && note.get() == a.fits() ? 1 : 0;
            }
        }
        return f;
    }
}
