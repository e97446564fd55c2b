package dev.drillbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drillbot.adapter.files.QuestionBankLoader;
import dev.drillbot.config.ConfigException;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.bank.Track;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drillbot questions}: lists the bank. */
@Command(name = "questions", mixinStandardHelpOptions = true, description = "List the question bank.")
final class QuestionsCommand implements Callable<Integer> {
    private final DrillbotCommand.Io io;

    @Option(names = "--track", paramLabel = "lp|sql", description = "only this track")
    String track;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json")
    GradeCommand.Format format;

    QuestionsCommand(DrillbotCommand.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        Path dir;
        try {
            dir = Startup.config(io.env()).questions();
        } catch (ConfigException e) {
            e.problems().forEach(p -> io.err().println(p));
            return 2;
        }
        Track only = null;
        if (track != null) {
            only = Track.fromSlug(track).orElse(null);
            if (only == null) {
                io.err().println("Unknown track '" + track + "': use lp or sql.");
                return 2;
            }
        }
        QuestionBankLoader.Result loaded = Startup.bank(dir);
        if (!loaded.ok()) {
            io.err().println(loaded.problems().size() + " question file(s) have problems and are not listed;"
                    + " run `drillbot check`.");
        }
        List<Question> questions = only == null ? loaded.bank().all() : loaded.bank().track(only);
        if (format == GradeCommand.Format.json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Question q : questions) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", q.id());
                m.put("track", q.track().slug());
                m.put("difficulty", q.difficulty().slug());
                m.put("skills", q.skills().stream().map(Skill::slug).toList());
                m.put("title", q.title());
                out.add(m);
            }
            io.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            int width = questions.stream().mapToInt(q -> q.id().length()).max().orElse(2);
            for (Question q : questions) {
                io.out().printf("%-" + width + "s  %-3s  %-6s  %s  [%s]%n", q.id(), q.track().slug(),
                        q.difficulty().slug(), q.title(),
                        String.join(", ", q.skills().stream().map(Skill::slug).toList()));
            }
            io.out().println(questions.size() + " question(s)");
        }
        return 0;
    }
}
