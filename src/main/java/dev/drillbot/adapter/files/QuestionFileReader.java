package dev.drillbot.adapter.files;

import dev.drillbot.core.bank.Difficulty;
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

    /** The fields every question has, read the same way for both tracks. */
    record Common(Optional<String> id, Optional<String> title, Optional<String> prompt, Difficulty difficulty) {
        static Common read(YamlFields f) {
            return new Common(f.text("id"), f.text("title"), f.text("prompt"),
                    f.parsed("difficulty", false, Difficulty::fromSlug, "easy, medium or hard").orElse(Difficulty.MEDIUM));
        }
    }

    static Problem problem(YamlFields f, String field, String message) {
        return new Problem(f.file(), f.lines().getOrDefault(field, f.line()), field, message);
    }
}
