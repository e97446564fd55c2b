package dev.drillbot.adapter.files;

import dev.drillbot.core.bank.Problem;
import dev.drillbot.core.bank.Question;
import java.util.Optional;

/** Turns one question file of one track into a question, recording every problem found. */
interface QuestionFileReader {
    /** @return the question, or empty when {@code fields} had problems (they are in {@code fields.problems()}) */
    Optional<? extends Question> read(YamlFields fields);

    default boolean noNewProblems(YamlFields fields, int before) {
        return fields.problems().size() == before;
    }

    static Problem problem(YamlFields f, String field, String message) {
        return new Problem(f.file(), f.lines().getOrDefault(field, f.line()), field, message);
    }
}
