package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The rubric in {@code config/rubric/} cannot be used; {@link #problems()} says where and why. */
public final class InvalidRubricException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidRubricException(List<Problem> problems) {
        super("invalid rubric:\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
