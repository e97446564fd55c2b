package dev.drillbot.scoring.sql;

import dev.drillbot.adapter.files.QuestionBankLoader;
import java.nio.file.Path;

/** Prints every question's self-test problems; for authors: mvn -q test-compile exec:java -Dexec.mainClass=dev.drillbot.scoring.sql.SqlBankProbe */
public final class SqlBankProbe {
    public static void main(String[] args) {
        var r = new QuestionBankLoader().loadDirectory(Path.of(args.length > 0 ? args[0] : "questions/sql"));
        r.problems().forEach(System.out::println);
        try (SqlScorer s = new SqlScorer()) {
            for (var q : r.bank().all()) {
                var ps = s.check(q);
                System.out.println(q.id() + ": " + (ps.isEmpty() ? "ok" : ps.size() + " problem(s)"));
                ps.forEach(p -> System.out.println("  " + p));
            }
        }
    }
}
