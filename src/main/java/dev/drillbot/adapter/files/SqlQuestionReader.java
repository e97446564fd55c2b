package dev.drillbot.adapter.files;

import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.bank.Source;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.SqlTopic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code questions/sql/*.yaml}; the format is in docs/question-format.md. */
final class SqlQuestionReader implements QuestionFileReader {
    static final Set<String> FIELDS = Set.of("id", "track", "title", "prompt", "difficulty", "topics", "schema",
            "datasets", "solution", "ordered", "order_keys", "tolerance", "hints", "accepted", "mistakes");
    static final int MIN_HIDDEN = 2;
    static final int MIN_ACCEPTED = 2;
    static final int MIN_MISTAKES = 3;
    private static final Set<String> DATASET_FIELDS = Set.of("name", "tag", "data");
    private static final Set<String> MISTAKE_FIELDS = Set.of("query", "mistake", "hint");

    @Override
    public Optional<SqlQuestion> read(YamlFields f) {
        int before = f.problems().size();
        f.rejectUnknownKeys(FIELDS);
        Common common = Common.read(f);
        Optional<String> id = common.id();
        Optional<String> title = common.title();
        Optional<String> prompt = common.prompt();
        Difficulty difficulty = common.difficulty();
        List<SqlTopic> topics = new ArrayList<>();
        List<String> names = f.textList("topics", true);
        for (int i = 0; i < names.size(); i++) {
            Optional<SqlTopic> t = SqlTopic.parse(names.get(i));
            if (t.isPresent()) {
                topics.add(t.get());
            } else {
                f.problems().add(QuestionFileReader.problem(f, "topics[" + i + "]", "unknown topic '" + names.get(i)
                        + "' (valid: " + Arrays.stream(SqlTopic.values()).map(SqlTopic::slug)
                                .collect(Collectors.joining(", ")) + ")"));
            }
        }
        Optional<String> schema = f.text("schema");
        List<SqlQuestion.Dataset> datasets = new ArrayList<>();
        List<YamlFields> dsFields = f.mappingList("datasets", true);
        Set<String> datasetNames = new HashSet<>();
        for (YamlFields d : dsFields) {
            d.rejectUnknownKeys(DATASET_FIELDS);
            Optional<String> name = d.text("name");
            Optional<String> data = d.optionalText("data");
            boolean sample = name.map("sample"::equals).orElse(false);
            Optional<String> tag = sample ? d.optionalText("tag") : d.text("tag");
            if (name.isPresent() && !datasetNames.add(name.get())) {
                d.problem("name", "another dataset is already called '" + name.get() + "'");
            }
            name.ifPresent(n -> datasets.add(new SqlQuestion.Dataset(n, tag.orElse(""), sample, data.orElse(""))));
        }
        if (!dsFields.isEmpty() && datasets.stream().noneMatch(SqlQuestion.Dataset::visible)) {
            f.problem("datasets", "needs one dataset named 'sample' (the one learners see)");
        }
        long hidden = datasets.stream().filter(d -> !d.visible()).count();
        if (!dsFields.isEmpty() && hidden < MIN_HIDDEN) {
            f.problem("datasets", "has " + hidden + " hidden dataset(s); at least " + MIN_HIDDEN
                    + " are needed, each with a tag naming the edge case it targets");
        }
        Optional<String> solution = f.text("solution");
        Optional<Boolean> ordered = f.optionalBoolean("ordered");
        List<String> orderKeys = f.textList("order_keys", false);
        double tolerance = f.parsed("tolerance", false, s -> {
            double v = Double.parseDouble(s);
            return v >= 0 && Double.isFinite(v) ? Optional.of(v) : Optional.empty();
        }, "a non-negative number").orElse(1e-6);
        if (!orderKeys.isEmpty() && ordered.isPresent() && !ordered.get()) {
            f.problem("order_keys", "order_keys only make sense when the rows are ordered (ordered: false here)");
        }
        List<String> hints = f.textList("hints", true);
        List<String> accepted = f.textList("accepted", true);
        if (f.has("accepted") && accepted.size() < MIN_ACCEPTED) {
            f.problem("accepted", "has " + accepted.size() + " query; at least " + MIN_ACCEPTED
                    + " different correct formulations are needed");
        }
        List<SqlQuestion.Mistake> mistakes = new ArrayList<>();
        List<YamlFields> mistakeFields = f.mappingList("mistakes", true);
        if (f.has("mistakes") && mistakeFields.size() < MIN_MISTAKES) {
            f.problem("mistakes", "has " + mistakeFields.size() + " mistake(s); at least " + MIN_MISTAKES
                    + " realistic wrong queries are needed");
        }
        for (YamlFields m : mistakeFields) {
            m.rejectUnknownKeys(MISTAKE_FIELDS);
            Optional<String> q = m.text("query");
            Optional<String> what = m.text("mistake");
            Optional<String> hint = m.text("hint");
            if (q.isPresent() && what.isPresent() && hint.isPresent()) {
                mistakes.add(new SqlQuestion.Mistake(q.get(), what.get(), hint.get()));
            }
        }
        if (!noNewProblems(f, before)) {
            return Optional.empty();
        }
        // Keep the sample first: feedback shows it first and the order of checks matters for messages.
        datasets.sort((a, b) -> Boolean.compare(b.visible(), a.visible()));
        return Optional.of(new SqlQuestion(id.get().trim(), title.get().trim(), prompt.get().trim(), difficulty,
                topics, schema.get(), datasets, solution.get(), ordered.orElse(null), orderKeys, tolerance, hints,
                accepted, mistakes, new Source(f.file(), f.line(), f.lines())));
    }
}
