package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.scoring.lp.AnswerAnalysis.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reading behind a score, for {@code drillbot grade --explain}: one line per sentence (STAR part, who
 * acts, tense or mood, numbers, principle signals, or why it does not count), then the evidence for the
 * asked principle, the dimension points and every cap. Authors tune the rubric with it; learners see why.
 */
final class Explanation {
    private Explanation() {}

    static List<String> lines(AnswerAnalysis a, Assessment x, Lexicon lex, Rubric r) {
        List<String> out = new ArrayList<>();
        out.add("How each sentence was read (part | who acts | tense | numbers | signals):");
        int n = 0;
        for (Sentence s : a.sentences) {
            n++;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%2d. %-9s", n,
                    s.real ? s.part.name().toLowerCase(Locale.ROOT) : "-"));
            if (!s.real) {
                line.append(" not counted: ").append(whyNot(s, r));
            } else {
                line.append(" | ").append(s.actor == AnswerAnalysis.Actor.NONE ? "no actor"
                        : s.actor.name().toLowerCase(Locale.ROOT).replace("passive", "passive voice"));
                line.append(" | ").append(tense(s));
                line.append(" | ").append(s.quantities == 0 ? "no numbers"
                        : s.quantities + (s.quantities == 1 ? " measurement" : " measurements")
                                + (s.beforeAfter ? ", before->after" : ""));
                String signals = signals(s, lex);
                line.append(" | ").append(signals.isEmpty() ? "no signals" : signals);
            }
            line.append(" :: \"").append(FeedbackWriter.quote(s).replace("\"", "")).append('"');
            out.add(line.toString());
        }
        out.add(String.format(Locale.ROOT, "Principle: %s, %d signal group(s)%s%s%s%s", x.asked.displayName(), x.askedGroups,
                x.answersQuestion || x.modelAgrees ? " (counting " + (x.answersQuestion ? "the question's own terms" : "")
                        + (x.answersQuestion && x.modelAgrees ? " and " : "")
                        + (x.modelAgrees ? "the learned reading, which reads it as this principle first"
                                + (x.modelLead ? " by a clear margin, as two" : "") : "") + ")" : "",
                x.askedEvidence ? "" : " - not enough evidence (needs two groups or one multi-word signal)"
                        + (x.askedGroups > 0 && x.modelClose ? ", but not capped as thin: the learned reading puts it at or near"
                                + " the top" : "")
                        + (x.askedGroups == 0 && x.modelClose ? ", but capped as thin, not off principle: the learned reading"
                                + " puts it near the top" : ""),
                x.other != null ? String.format(Locale.ROOT, "; reads more like %s (log-odds %.1f)",
                        x.other.displayName(), x.otherMargin)
                        : x.otherUnnamedForLength
                                ? String.format(Locale.ROOT, "; reads more like another principle (log-odds %.1f), not named past"
                                        + " %d words", x.otherMargin, (int) r.num("caps.long_words")) : "",
                x.readAsListed == null ? "" : "; only " + x.asked.displayName() + " is credited: the story reads as "
                        + x.readAsListed.displayName() + ", which the question lists after it, far ahead of it"));
        out.add(String.format(Locale.ROOT, "Learned reading: %s %s the best other principle by %.2f log-odds, the question's"
                + " prior of %.1f included (a clear lead is %.1f)", x.asked.displayName(), x.modelMargin >= 0 ? "ahead of" : "behind",
                Math.abs(x.modelMargin), r.num("principle_fit.asked_prior"), r.num("principle_fit.model_lead")));
        StringBuilder dims = new StringBuilder("Dimensions:");
        // half points as they are (4.0, 3.5); a length's continuous cost to two places (3.18)
        x.scores.forEach((d, v) -> dims.append(' ').append(d).append('=')
                .append(v * 2 == Math.rint(v * 2) ? String.valueOf(v) : String.format(Locale.ROOT, "%.2f", v)));
        out.add(dims.toString());
        if (x.vagueReferences > 0) {
            out.add(String.format(Locale.ROOT, "Stand-ins for specifics: %d (%s)%s", x.vagueReferences,
                    x.quotedStandIns(4),
                    x.vaguePenalty > 0 ? String.format(Locale.ROOT, ", specificity -%.1f", x.vaguePenalty) : ", within the free allowance"));
        }
        out.add(String.format(Locale.ROOT, "Weighted total before caps: %.1f%s", x.raw + x.lengthCost,
                x.lengthCost > 0 ? String.format(Locale.ROOT, ", minus %.1f for %d words past %.0f", x.lengthCost,
                        a.wordCount, r.num("caps.long_words")) : ""));
        if (x.caps.isEmpty()) {
            out.add("Caps: none");
        }
        if (x.compounded > 0) {
            out.add("Caps of " + x.capKinds + " kinds apply: each limit below is " + x.compounded + " lower than the rubric's");
        }
        for (Assessment.Cap c : x.caps) {
            double under = Assessment.capped(x.raw, x.raw, c.limit(), r.num("caps.cap_spread"));
            out.add("Cap " + c.name() + " at " + c.limit() + (under < x.raw
                    ? String.format(Locale.ROOT, " (applied: %.1f, lower the weaker the rest)", under) : " (not binding)")
                    + ": " + c.why());
        }
        out.add("Total: " + x.total);
        return out;
    }

    private static String whyNot(Sentence s, Rubric r) {
        if (s.repeated) {
            return "a repeat";
        }
        if (s.echo) {
            return "says the question back";
        }
        if (s.stuffed) {
            return s.names >= 2 ? "recites principle names" : "a keyword list";
        }
        if (!s.grammar.finite() && !s.beforeAfter) {
            return "no finite verb (a fragment)";
        }
        return "fewer than " + (int) r.num("sentences.min_words") + " words";
    }

    private static String tense(Sentence s) {
        if (s.hypothetical) {
            return "hypothetical";
        }
        if (s.reportedIntent) {
            return "reported intention";
        }
        Grammar.Reading g = s.grammar;
        if (g.past > 0) {
            return "past";
        }
        if (g.modal > 0) {
            return "modal";
        }
        if (g.present > 0) {
            return "present";
        }
        return g.imperative ? "imperative" : "no tense";
    }

    private static String signals(Sentence s, Lexicon lex) {
        List<String> out = new ArrayList<>();
        for (Principle p : Principle.values()) {
            for (int g : lex.groupIds.get(p)) {
                if (s.has(g)) {
                    out.add(lex.index.name(g) + "=\"" + s.matched(g) + "\"");
                }
            }
        }
        if (s.names > 0) {
            out.add("principle name (no evidence)");
        }
        return String.join(", ", out);
    }
}
