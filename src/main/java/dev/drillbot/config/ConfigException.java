package dev.drillbot.config;

import dev.drillbot.core.bank.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; each problem names the file, line and YAML path. */
public final class ConfigException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
