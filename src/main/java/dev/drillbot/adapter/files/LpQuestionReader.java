package dev.drillbot.adapter.files;

import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code questions/lp/*.yaml}; the format is in docs/question-format.md. */
final class LpQuestionReader implements QuestionFileReader {
    static final Set<String> FIELDS = Set.of(
            "id", "track", "title", "prompt", "difficulty", "principles", "strong_answer", "probes", "hints");

    static final int MIN_PROBES = 2;
    static final int MAX_PROBES = 3;
    static final int MAX_PRINCIPLES = 3;

    @Override
    public Optional<LpQuestion> read(YamlFields f) {
        int before = f.problems().size();
        f.rejectUnknownKeys(FIELDS);
        Common common = Common.read(f);
        Optional<String> id = common.id();
        Optional<String> title = common.title();
        Optional<String> prompt = common.prompt();
        Difficulty difficulty = common.difficulty();
        List<Principle> principles = new ArrayList<>();
        List<String> names = f.textList("principles", true);
        for (int i = 0; i < names.size(); i++) {
            Optional<Principle> p = Principle.parse(names.get(i));
            if (p.isPresent() && principles.contains(p.get())) {
                f.problems().add(QuestionFileReader.problem(f, "principles[" + i + "]",
                        "'" + p.get().slug() + "' is listed twice"));
            } else if (p.isPresent()) {
                principles.add(p.get());
            } else {
                f.problems().add(QuestionFileReader.problem(f, "principles[" + i + "]",
                        "unknown principle '" + names.get(i) + "' (valid: " + validPrincipals() + ")"));
            }
        }
        List<String> strong = f.textList("strong_answer", true);
        List<String> probes = f.textList("probes", true);
        // An interviewer follows up two or three times; the bot posts one probe per weak dimension.
        if (!probes.isEmpty() && (probes.size() < MIN_PROBES || probes.size() > MAX_PROBES)) {
            f.problem("probes", "expected " + MIN_PROBES + "-" + MAX_PROBES + " follow-up probes, found " + probes.size());
        }
        if (principles.size() > MAX_PRINCIPLES) {
            f.problem("principles", "at most " + MAX_PRINCIPLES + " principles per question (the first is the main one), found "
                    + principles.size());
        }
        List<String> hints = f.textList("hints", false);
        if (!noNewProblems(f, before)) {
            return Optional.empty();
        }
        return Optional.of(new LpQuestion(id.get().trim(), title.get().trim(), prompt.get().trim(), difficulty,
                principles, strong, probes, hints, new Source(f.file(), f.line(), f.lines())));
    }

    private static String validPrincipals() {
        return Arrays.stream(Principle.values()).map(Principle::slug).collect(Collectors.joining(", "));
    }
}
