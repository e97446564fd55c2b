package dev.drillbot.scoring.lp;

import dev.drillbot.adapter.files.YamlFields;
import dev.drillbot.adapter.files.YamlNode;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and validates {@code rubric.yaml}, {@code lexicon.yaml} and {@code principles/*.yaml}. Every
 * problem is collected with its file, line and field, so a coach sees all mistakes in one run.
 */
final class RubricReader {
    private record Num(String section, String key, double min, double max) {}

    private record NumList(String section, String key, int size, double min, double max) {}

    private static final List<Num> NUMBERS = List.of(
            new Num("bands", "strong", 1, 100), new Num("bands", "solid", 1, 100), new Num("bands", "mixed", 1, 100),
            new Num("caps", "hypothetical", 0, 100), new Num("caps", "generalisation_sentences", 1, 100), new Num("caps", "recited_per_answer", 1, 1000), new Num("caps", "no_first_person_action", 0, 100),
            new Num("caps", "no_result", 0, 100), new Num("caps", "off_principle", 0, 100),
            new Num("caps", "stuffing", 0, 100), new Num("caps", "nothing_concrete", 0, 100), new Num("caps", "compound_step", 0, 50), new Num("caps", "compound_most", 0, 50), new Num("caps", "made_up", 0, 100),
            new Num("caps", "too_short", 0, 100), new Num("caps", "cap_spread", 0, 30), new Num("caps", "too_short_words", 0, 5000),
            new Num("caps", "template", 0, 100), new Num("caps", "thin_principle_evidence", 0, 100),
            new Num("caps", "off_topic", 0, 100), new Num("caps", "off_topic_work_terms", 0, 50), new Num("caps", "off_topic_story_terms", 0, 50), new Num("caps", "echo", 0, 100), new Num("caps", "fragments", 0, 100),
            new Num("caps", "fragment_words", 1, 50), new Num("caps", "fragment_share", 0, 1),
            new Num("caps", "echo_word_share", 0, 1), new Num("caps", "echo_prompt_share", 0, 1), new Num("caps", "long_words", 1, 5000),
            new Num("caps", "long_cost_per_100_words", 0, 100), new Num("caps", "very_long_words", 1, 5000),
            new Num("caps", "very_long", 0, 100),
            new Num("sentences", "min_words", 1, 50), new Num("sentences", "min_function_word_share", 0, 1),
            new Num("sentences", "max_signal_word_share", 0, 1), new Num("sentences", "stuffing_sentence_share", 0, 1),
            new Num("ownership", "vague_penalty_per_sentence", 0, 4), new Num("ownership", "max_vague_penalty", 0, 4),
            new Num("impact", "before_after_points", 0, 4), new Num("impact", "metric_noun_points", 0, 4),
            new Num("impact", "context_points", 0, 4), new Num("impact", "observed_result_points", 0, 4),
            new Num("principle_fit", "other_margin", 0, 50), new Num("principle_fit", "model_lead", 0, 100),
            new Num("principle_fit", "model_close", 0, 100), new Num("principle_fit", "asked_prior", 0, 10),
            new Num("principle_fit", "question_terms", 1, 50),
            new Num("principle_fit", "weak_evidence_points", 0, 4), new Num("principle_fit", "other_penalty", 0, 4),
            new Num("structure", "situation_points", 0, 4), new Num("structure", "task_points", 0, 4),
            new Num("structure", "action_points", 0, 4), new Num("structure", "result_points", 0, 4),
            new Num("structure", "learning_points", 0, 4), new Num("structure", "in_order_points", 0, 4),
            new Num("structure", "action_largest_points", 0, 4),
            new Num("specificity", "past_tense_share", 0, 1), new Num("specificity", "timeframe_points", 0, 4),
            new Num("specificity", "past_tense_points", 0, 4), new Num("specificity", "hypothetical_cap", 0, 4),
            new Num("specificity", "vague_free_per_100_words", 0, 100), new Num("specificity", "vague_penalty", 0, 4),
            new Num("specificity", "max_vague_penalty", 0, 4),
            new Num("concision", "words_per_point", 1, 5000), new Num("concision", "short_words_per_point", 1, 5000),
            new Num("concision", "fillers_per_100_words_per_point", 0.01, 100),
            new Num("concision", "tight_floor", 0, 4), new Num("concision", "tight_needs", 0, 4),
            new Num("concision", "tight_min", 0, 4), new Num("concision", "tight_mean", 0, 4));

    /** Ascending lists of numbers. */
    private static final List<NumList> LISTS = List.of(
            new NumList("ownership", "share_thresholds", 4, 0, 1),
            new NumList("impact", "result_points", 3, 0, 4),
            new NumList("principle_fit", "group_points", 5, 0, 4),
            new NumList("specificity", "system_points", 4, 0, 4),
            new NumList("specificity", "reason_points", 3, 0, 4),
            new NumList("concision", "ideal_words", 2, 1, 5000));

    private RubricReader() {}

    /** Reads the rubric, or returns empty with the reasons in {@code problems}. */
    static Optional<Rubric> read(Path dir, List<Problem> problems) {
        int before = problems.size();
        Rubric rubric = new Rubric();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 1, "", "rubric directory not found"));
            return Optional.empty();
        }
        load(dir.resolve("rubric.yaml"), problems).ifPresent(f -> readMain(f, rubric));
        load(dir.resolve("lexicon.yaml"), problems).ifPresent(f -> readLexicon(f, rubric));
        readPrinciples(dir.resolve("principles"), rubric, problems);
        PrincipleModel.read(dir.resolve(PrincipleModel.FILE), problems).ifPresent(m -> rubric.model = m);
        return problems.size() == before ? Optional.of(rubric) : Optional.empty();
    }

    private static Optional<YamlFields> load(Path file, List<Problem> problems) {
        return YamlFields.read(file, problems);
    }

    private static void readMain(YamlFields f, Rubric rubric) {
        Set<String> sections = new LinkedHashSet<>();
        sections.add("dimensions");
        NUMBERS.forEach(n -> sections.add(n.section()));
        LISTS.forEach(n -> sections.add(n.section()));
        f.rejectUnknownKeys(sections);
        readDimensions(f, rubric);
        for (String section : sections) {
            if (section.equals("dimensions")) {
                continue;
            }
            if (!f.has(section)) {
                f.problem(section, "missing (required)");
                continue;
            }
            Optional<YamlFields> s = f.mapping(section);
            if (s.isEmpty()) {
                continue;
            }
            Set<String> keys = new HashSet<>();
            NUMBERS.stream().filter(n -> n.section().equals(section)).forEach(n -> keys.add(n.key()));
            LISTS.stream().filter(n -> n.section().equals(section)).forEach(n -> keys.add(n.key()));
            s.get().rejectUnknownKeys(keys);
            for (Num n : NUMBERS) {
                if (n.section().equals(section)) {
                    number(s.get(), n.key(), n.min(), n.max())
                            .ifPresent(v -> rubric.numbers.put(section + "." + n.key(), v));
                }
            }
            for (NumList n : LISTS) {
                if (n.section().equals(section)) {
                    numberList(s.get(), n).ifPresent(v -> rubric.lists.put(section + "." + n.key(), v));
                }
            }
        }
        Double strong = rubric.numbers.get("bands.strong");
        Double solid = rubric.numbers.get("bands.solid");
        Double mixed = rubric.numbers.get("bands.mixed");
        if (strong != null && solid != null && mixed != null && !(strong > solid && solid > mixed)) {
            f.mapping("bands").ifPresent(b -> b.problem("solid", "bands must fall: strong > solid > mixed"));
        }
    }

    private static void readDimensions(YamlFields f, Rubric rubric) {
        double total = 0;
        for (YamlFields d : f.mappingList("dimensions", true)) {
            d.rejectUnknownKeys(Set.of("name", "weight", "probe", "probe_match"));
            Optional<String> name = d.text("name");
            Optional<Double> weight = number(d, "weight", 0, 100);
            Optional<String> probe = d.text("probe");
            List<String> match = d.textList("probe_match", false);
            if (name.isEmpty()) {
                continue;
            }
            String n = name.get().trim();
            if (!Rubric.DIMENSIONS.contains(n)) {
                d.problem("name", "unknown dimension '" + n + "' (valid: " + String.join(", ", Rubric.DIMENSIONS) + ")");
            } else if (rubric.dimensions.containsKey(n)) {
                d.problem("name", "dimension '" + n + "' appears twice");
            } else if (weight.isPresent() && probe.isPresent()) {
                rubric.dimensions.put(n, new Rubric.Dimension(n, weight.get(), probe.get().trim(),
                        match.stream().map(Words::normalise).toList()));
                total += weight.get();
            }
        }
        if (f.has("dimensions")) {
            for (String n : Rubric.DIMENSIONS) {
                if (!rubric.dimensions.containsKey(n) && f.problems().stream().noneMatch(p -> p.field().startsWith("dimensions["))) {
                    f.problem("dimensions", "missing dimension '" + n + "'");
                }
            }
            if (rubric.dimensions.size() == Rubric.DIMENSIONS.size() && total <= 0) {
                f.problem("dimensions", "at least one weight must be above 0");
            }
        }
    }

    private static void readLexicon(YamlFields f, Rubric rubric) {
        f.rejectUnknownKeys(Set.copyOf(Rubric.LEXICON_LISTS));
        for (String key : Rubric.LEXICON_LISTS) {
            List<String> phrases = phrases(f, key);
            if (!phrases.isEmpty()) {
                rubric.lexicon.put(key, phrases);
            }
        }
    }

    private static void readPrinciples(Path dir, Rubric rubric, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 1, "", "directory not found: one file per principle expected"));
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 1, "", "cannot list: " + e.getMessage()));
            return;
        }
        Set<Principle> failed = new HashSet<>();
        for (Path file : files) {
            Optional<YamlFields> loaded = load(file, problems);
            if (loaded.isEmpty()) {
                // already reported; do not also call the principle missing
                Principle.parse(file.getFileName().toString().replaceFirst("\\.ya?ml$", "")).ifPresent(failed::add);
                continue;
            }
            YamlFields f = loaded.get();
            int before = problems.size();
            f.rejectUnknownKeys(Set.of("principle", "weakness", "groups"));
            Optional<Principle> p = f.parsed("principle", true, Principle::parse, "a principle slug");
            Optional<String> weakness = f.text("weakness");
            List<Rubric.Group> groups = new ArrayList<>();
            List<YamlFields> groupFields = f.mappingList("groups", true);
            Set<String> names = new HashSet<>();
            for (YamlFields g : groupFields) {
                g.rejectUnknownKeys(Set.of("name", "label", "advice", "phrases"));
                Optional<String> name = g.text("name");
                Optional<String> label = g.text("label");
                Optional<String> advice = g.text("advice");
                List<String> phrases = phrases(g, "phrases");
                if (name.isPresent() && !names.add(name.get().trim())) {
                    g.problem("name", "group '" + name.get().trim() + "' appears twice");
                }
                if (name.isPresent() && label.isPresent() && advice.isPresent() && !phrases.isEmpty()) {
                    groups.add(new Rubric.Group(name.get().trim(), label.get().trim(), advice.get().trim(), phrases));
                }
            }
            if (!groupFields.isEmpty() && groupFields.size() < 3) {
                f.problem("groups", "needs at least 3 signal groups, found " + groupFields.size());
            }
            if (p.isEmpty()) {
                continue;
            }
            if (rubric.principles.containsKey(p.get()) || failed.contains(p.get())) {
                f.problem("principle", "'" + p.get().slug() + "' is defined in more than one file");
                continue;
            }
            if (problems.size() == before) {
                rubric.principles.put(p.get(), new Rubric.PrincipleSignals(p.get(), weakness.get().trim(), groups));
            } else {
                failed.add(p.get());
            }
        }
        for (Principle p : Principle.values()) {
            if (!rubric.principles.containsKey(p) && !failed.contains(p)) {
                problems.add(new Problem(dir.toString(), 1, "", "no signals for principle '" + p.slug()
                        + "': add " + p.slug() + ".yaml"));
            }
        }
    }

    /** A required list of phrases, each checked; duplicates are reported. */
    private static List<String> phrases(YamlFields f, String key) {
        List<String> raw = f.textList(key, true);
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        YamlNode node = f.node(key).orElse(null);
        for (int i = 0; i < raw.size(); i++) {
            String phrase = raw.get(i).trim();
            // point at the item's own line when the list is a plain list of texts
            YamlNode at = node instanceof YamlNode.Sequence seq && seq.items().size() == raw.size()
                    ? seq.items().get(i) : node;
            String why = PhraseIndex.invalid(phrase);
            if (why != null) {
                f.problem(at, why);
            } else if (!seen.add(Words.normalise(phrase))) {
                f.problem(at, "'" + phrase + "' is listed twice");
            } else {
                out.add(phrase);
            }
        }
        return out;
    }

    private static Optional<Double> number(YamlFields f, String key, double min, double max) {
        return f.parsed(key, true, s -> {
            double v = Double.parseDouble(s);
            return v >= min && v <= max ? Optional.of(v) : Optional.empty();
        }, "a number from " + fmt(min) + " to " + fmt(max));
    }

    private static Optional<double[]> numberList(YamlFields f, NumList spec) {
        if (!f.has(spec.key())) {
            f.problem(spec.key(), "missing (required)");
            return Optional.empty();
        }
        List<String> raw = f.textList(spec.key(), true);
        String expected = spec.size() + " ascending numbers from " + fmt(spec.min()) + " to " + fmt(spec.max());
        if (raw.size() != spec.size()) {
            f.problem(spec.key(), "expected " + expected + ", found " + raw.size() + " values");
            return Optional.empty();
        }
        double[] out = new double[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            try {
                out[i] = Double.parseDouble(raw.get(i).trim());
            } catch (NumberFormatException e) {
                f.problem(spec.key(), "'" + raw.get(i) + "' is not a number (expected " + expected + ")");
                return Optional.empty();
            }
            if (out[i] < spec.min() || out[i] > spec.max() || (i > 0 && out[i] < out[i - 1])) {
                f.problem(spec.key(), "expected " + expected + ", found " + raw);
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
