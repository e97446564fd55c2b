package dev.drillbot.scoring.lp;

import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Source;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shared fixtures: the repository's rubric and a few hand-written answers. */
final class Answers {
    /** The rubric directory: config/rubric, or {@code -Dlp.rubric.dir=DIR} to try a changed copy beside other trials. */
    static final Path RUBRIC = Path.of(System.getProperty("lp.rubric.dir", "config/rubric"));
    private static LpScorer scorer;

    private Answers() {}

    static synchronized LpScorer scorer() {
        if (scorer == null) {
            scorer = LpScorer.fromDirectory(RUBRIC);
        }
        return scorer;
    }

    static LpQuestion question(Principle p) {
        return new LpQuestion("test-" + p.slug(), "A test question", "Tell me about a time...", Difficulty.MEDIUM,
                List.of(p), List.of("a strong answer shows..."),
                List.of("What did you do, not the team?", "How did you measure success?",
                        "What would you do differently?"),
                List.of(), new Source("test.yaml", 1, Map.of()));
    }

    /** A question of principle {@code p} asked in the words of {@code prompt}. */
    static LpQuestion question(Principle p, String prompt) {
        return new LpQuestion("test-" + p.slug(), "A test question", prompt, Difficulty.MEDIUM, List.of(p),
                List.of("a strong answer shows..."), List.of("What did you do, not the team?"), List.of(),
                new Source("test.yaml", 1, Map.of()));
    }

    static final String OWNERSHIP_STRONG = """
            In 2023 I was a data engineer on the payments analytics team. Our nightly Airflow DAG that loaded \
            settlement files into Redshift failed about twice a week, and nobody owned it because the original \
            author had left.

            I was not on call that month, but I took it on because the finance analysts were starting their day \
            with stale numbers.

            I read three weeks of task logs and found that most failures came from late files from one bank \
            partner. I rewrote the sensor so it waited for a manifest instead of a fixed time, because the partner's \
            delivery time varied by up to two hours. I added a row-count check that compared each load with the \
            manifest before publishing, and I wrote a runbook and an alert that paged the owner with the missing \
            file name.

            As a result, failures dropped from eight a month to zero over the next quarter, and the finance team \
            got their dashboard by 7 am every day. I followed up with the analysts a month later and they had \
            stopped filing tickets about stale data.

            I learned that an orphaned pipeline is a risk in itself, so I now ask for a named owner in every \
            design review.
            """;

    /** The same story with every "I" made "we": one controlled change. */
    static final String OWNERSHIP_WE = OWNERSHIP_STRONG.replaceAll("\\bI\\b", "we").replaceAll("\\bmy\\b", "our")
            .replace("we was", "we were").replace("\nwe ", "\nWe ").replace("In 2023 we were a data engineer",
                    "In 2023 we were data engineers");

    static final String OWNERSHIP_HYPOTHETICAL = """
            If a pipeline had no owner, I would take it on myself. I would first read the logs to understand the \
            failures, and then I would talk to the analysts who depend on it. I usually add a row-count check and \
            an alert so that the next failure pages someone. I would also write a runbook. In general I believe \
            ownership means not waiting for someone else, and I always follow up after a fix to make sure it holds.
            """;

    static final String FRUGALITY_STORY = """
            Last year our team had a hard budget freeze and no headcount, and our EMR bill for the clickstream \
            pipeline had grown to $42k a month. I was asked to cut it by a third without slowing the daily \
            reports. I profiled the jobs and found that most clusters sat idle for hours between steps, so I \
            moved the batch jobs to spot instances and right-sized the executors. I also added S3 lifecycle \
            policies that moved raw logs older than 90 days to Glacier, and I compressed the Parquet output. \
            As a result the bill fell from $42k to $19k a month, a saving of about $270k a year, while the \
            reports still met the 6 am SLA every day. I learned to check idle time before buying anything new.
            """;
}
