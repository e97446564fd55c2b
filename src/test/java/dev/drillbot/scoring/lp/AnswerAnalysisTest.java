package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.scoring.lp.AnswerAnalysis.Actor;
import dev.drillbot.scoring.lp.AnswerAnalysis.Part;
import dev.drillbot.scoring.lp.AnswerAnalysis.Sentence;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("How an answer is read")
class AnswerAnalysisTest {
    private static final Rubric RUBRIC = RubricReader.read(Answers.RUBRIC, new ArrayList<>()).orElseThrow();
    private static final Lexicon LEX = new Lexicon(RUBRIC);

    private static Sentence one(String text) {
        AnswerAnalysis a = new AnswerAnalysis(text, LEX, RUBRIC);
        assertThat(a.sentences).hasSize(1);
        return a.sentences.get(0);
    }

    /** The STAR(L) part of a story's last sentence: how a story's ending is read. */
    private static AnswerAnalysis.Part lastPart(String text) {
        AnswerAnalysis a = new AnswerAnalysis(text, LEX, RUBRIC);
        return a.sentences.get(a.sentences.size() - 1).part;
    }

    @Test
    @DisplayName("sentences split at . ! ? and line breaks, not inside 2.5 or e.g.")
    void splitting() {
        assertThat(AnswerAnalysis.split("Runtime fell to 2.5 hours, e.g. on Mondays. Then it held!\n- I wrote a runbook"))
                .containsExactly("Runtime fell to 2.5 hours, e.g. on Mondays.", "Then it held!", "I wrote a runbook");
        // a clock time ends a sentence before a capitalised word, but not before a day, a month or "I"
        assertThat(AnswerAnalysis.split("I kick it off at 10 p.m. It finishes in 38 minutes. At 7 a.m. I re-run it by"
                + " 8 a.m. Friday.")).containsExactly("I kick it off at 10 p.m.", "It finishes in 38 minutes.",
                        "At 7 a.m. I re-run it by 8 a.m. Friday.");
    }

    @Test
    @DisplayName("a sentence wrapped at a fixed width is one sentence; chat lines typed one by one stay apart")
    void wrappedLines() {
        String wrapped = """
                I proposed one shared tracking plan for the four squads: a single event catalogue in a Git
                repo, JSON schemas for every event, and validation in our Kafka ingestion so that events not
                matching the schema go to a quarantine topic instead of the warehouse. The hard part was not
                technical, it was getting four squads to commit.""";
        assertThat(AnswerAnalysis.split(wrapped)).hasSize(2);
        assertThat(AnswerAnalysis.split(wrapped).get(0)).startsWith("I proposed").endsWith("the warehouse.");
        String chat = """
                ok so design review for our customer dedup job, early 2024
                proposal was to merge records when the email matched exactly
                i was the one person saying we should not ship it
                so i ran the rule over a 50k sample that afternoon""";
        assertThat(AnswerAnalysis.split(chat)).hasSize(4);
        // a bullet list keeps its items even when every line is about as long
        assertThat(AnswerAnalysis.split("- migrated 40 DAGs to the new cluster in May\n- wrote the runbook for the"
                + " on-call rota\n- cut the nightly runtime from 6 hours to 2\n- trained two analysts on it")).hasSize(4);
    }

    @ParameterizedTest(name = "\"{0}\" -> measurements {1}, before/after {2}")
    @CsvSource(delimiter = '|', value = {
        "The bill fell from $42k to $19k a month after the change.|2|true",
        "Failures dropped from eight a month to zero over the quarter.|1|true",
        "Incidents caused by duplicate keys went from about six to one.|1|true",
        "Query cost ended up 12% lower than the Parquet baseline.|1|true",
        "Six months later I checked the outcome with the analysts.|0|false",
        "In 2023 I joined the payments team as a data engineer.|0|false",
        "We loaded about 4 TB a day into the lake at that point.|1|false",
        "I wrote a job to bring about 18,000 branch applications into the training set.|1|false",
        "Two weeks into the project I reviewed 2 of their features.|1|false",
        "The bill went back down to about seventeen thousand the next month.|1|true",
        "Costs fell to thirty-eight thousand a month.|1|true",
        "I moved them in three batches over two weeks, checking row counts first.|2|false",
        "The new cluster came in 15% under the forecast.|1|true",
        "Developing others is one of the things I care about most.|0|false"})
    void measurements(String text, int quantities, boolean beforeAfter) {
        Sentence s = one(text);
        assertThat(s.quantities).isEqualTo(quantities);
        assertThat(s.beforeAfter).isEqualTo(beforeAfter);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "I rewrote the sensor so that it waited for the manifest.|I",
        "We rebuilt the ingestion job over the next two weeks.|WE",
        "We were behind by six weeks at that point in the project.|NONE",
        "The jobs were migrated to the new cluster in March.|PASSIVE",
        "I was the only engineer on the team at that time.|NONE",
        "The next two people who joined merged their first PR in, I want to say, four days.|NONE",
        "ops went with it and its been used since, i dont have exact numbers.|PASSIVE",
        // an 'I' that is no pronoun ('Phase I', 'I/O') does not make someone else's step mine
        "The platform team shipped Phase I of the migration in March.|NONE",
        "We reduced I/O wait on the cluster by 40% in two weeks.|WE",
        "The first step I took was to read the scheduler logs.|I",
        // my steps told round the other way are mine
        "The cutoff logic was corrected by me to use the restaurant's local time.|I",
        "My first step was to open the query profile for the slowest MERGE.|I",
        "The cutoff logic was corrected by the platform team last spring.|PASSIVE",
        "My manager's first step was to open the query profile.|NONE",
        // what we did not do is how it went, not our step
        "The export goes out on corrected data and we never need the rollback.|NONE",
        "We rolled the change back at midnight.|WE"})
    void actors(String text, Actor actor) {
        assertThat(one(text).actor).isEqualTo(actor);
    }

    @Test
    @DisplayName("a habit is hypothetical, a keyword list is not a real sentence, a repeat counts once")
    void hypotheticalStuffedRepeated() {
        assertThat(one("I would first check the logs and then the row counts.").hypothetical).isTrue();
        assertThat(one("Runbook alert monitoring mechanism root cause follow-up ownership.").real).isFalse();
        AnswerAnalysis twice = new AnswerAnalysis("I wrote a runbook for the on-call team. I wrote a runbook for the "
                + "on-call team.", LEX, RUBRIC);
        assertThat(twice.sentences).extracting(s -> s.real).containsExactly(true, false);
    }

    @Test
    @DisplayName("the progressive tells my step as it unfolds ('I was taking', 'I'm pulling'); a role, a state or a plan in it"
            + " does not ('I was working at', 'I'm leading', 'I'm planning to'); thinking is no step ('I pondered')")
    void progressiveSteps() {
        assertThat(one("I was taking one day of UPI transactions and matching them with the bank file.").actor)
                .isEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("So I'm pulling the raw click events from Kafka for one hour.").actor).isEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("I'm patching the job to cast both sides of the join.").actor).isEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("I was working at a payments company as a data engineer.").actor).isNotEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("I'm leading the platform team of six engineers.").actor).isNotEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("I'm planning to move the load to Airflow next year.").actor).isNotEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("I'm constantly challenging spend on the platform.").actor).isNotEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("I pondered whether a vendor file was arriving late.").actor).isNotEqualTo(AnswerAnalysis.Actor.I);
    }

    @Test
    @DisplayName("\"I'd\" before a participle is \"I had\": my past step, not a plan; before a base form it is still \"I would\"")
    void pastPerfectIsNotAPlan() {
        Sentence said = one("And I'd actually said that in a meeting, quite confidently.");
        assertThat(said.hypothetical).isFalse();
        assertThat(said.actor).isEqualTo(AnswerAnalysis.Actor.I);
        assertThat(said.past).isTrue();
        Sentence committed = one("I'd committed to migrating the attribution tables to Snowflake by 30 June.");
        assertThat(committed.actor).isEqualTo(AnswerAnalysis.Actor.I);
        assertThat(committed.past).isTrue();
        assertThat(one("I'd go with Delta again for the same workload.").hypothetical).isTrue();
    }

    @Test
    @DisplayName("a plural subject's present verb makes a clause: \"nightly loads stay under 30 minutes\" is a sentence, not a fragment")
    void pluralSubjectVerb() {
        Sentence loads = one("Six months on, nightly loads stay under 30 minutes, with no overwrites since.");
        assertThat(loads.grammar.finite()).isTrue();
        assertThat(loads.real).isTrue();
        // "data" modifies the next noun: still a fragment
        assertThat(one("A lot of the work on the data platform in the first year of the programme.").grammar.finite()).isFalse();
    }

    @Test
    @DisplayName("a clause led by \"I\" is never a keyword list, however many rubric phrases it holds")
    void myClauseIsNotAKeywordList() {
        assertThat(one("I was sure the bug came from Kafka.").real).isTrue();
        assertThat(one("Since then I test my hypothesis on one day of raw data before building anything.").real).isTrue();
        // recited principle names still are
        assertThat(one("I earned trust, dove deep, had backbone and delivered results.").real).isFalse();
    }

    @Test
    @DisplayName("a story retold in the present ends with what happens after my last step, and \"what I take from it\" is its lesson")
    void presentRetellingHasAResult() {
        AnswerAnalysis a = new AnswerAnalysis("So it's a Friday in March and the payroll extract in Snowflake is doubling"
                + " overtime hours. Finance signs off the run at noon. So I decide to patch only the two broken days. I copy"
                + " those partitions aside first. I rerun the model on a clone and compare totals with the HR system. Then"
                + " I swap it in. By eleven the totals are right and finance signs off on time. What I take from it: make"
                + " the fix reversible and then move fast.", LEX, RUBRIC);
        assertThat(a.sentences.get(6).part).isEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(a.sentences.get(7).part).isEqualTo(AnswerAnalysis.Part.LEARNING);
    }

    @Test
    @DisplayName("a comma list of bare verbs is a list of claims; a sentence of short clauses with their subjects, or with a role named like a verb, is not")
    void verbListIsNotASentence() {
        assertThat(one("I tracked milestones, reset deadlines, removed blockers, communicated status, managed risks, hit targets.")
                .real).isFalse();
        assertThat(one("Before I build anything I ask her what she'll do when the numbers move.").real).isTrue();
        assertThat(one("I paused the job, rebuilt the table from the raw files, backfilled three days and told finance.").real)
                .isTrue();
        // a role named like a verb is no verb of the list: "the analytics lead", "the team lead"
        assertThat(one("I told the analytics lead and made definition changes require a test.").real).isTrue();
        assertThat(one("I told the team lead and made definition changes require a test.").real).isTrue();
        assertThat(one("The engineers lead the design review every quarter.").grammar.present).isEqualTo(1);
        assertThat(one("Our juniors lead incident reviews now.").grammar.present).isEqualTo(1); // a plural's own verb
    }

    @Test
    @DisplayName("a verb after a negated auxiliary, and a direction the dictionary also knows as a verb, are no clauses of their own")
    void negatedAuxiliaryAndDirectionsAreNotVerbs() {
        Sentence s = one("I removed the override and routed the UNKNOWN rows down a separate path that didn't need the join.");
        assertThat(s.real).isTrue();
        assertThat(s.grammar.present).isLessThanOrEqualTo(1);
        assertThat(one("We did not need the old cluster after that.").grammar.present).isZero();
    }

    @Test
    @DisplayName("how things stand now, told after my last step, is the story's outcome")
    void presentStateAfterTheStepsIsTheResult() {
        String story = "The telecom dashboard counted distinct subscribers over billions of rows and took minutes to load."
                + " I proposed approximate counts with HyperLogLog and showed the network team the error on one month of data."
                + " I built the hourly sketch table with the Redshift HLL functions.";
        assertThat(lastPart(story + " The dashboard now loads in a few seconds and the network team opens it every morning."))
                .isEqualTo(AnswerAnalysis.Part.RESULT);
        // without a word that places it after the story, a present-tense sentence is a description, not an ending
        assertThat(lastPart(story + " The dashboard reads from the same warehouse as the billing reports."))
                .isNotEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("a question reported ('I asked if I could') and an aside ('I'll admit') are no plans")
    void reportedQuestionsAndAsidesAreNotHypothetical() {
        assertThat(one("I asked if I could shadow his on-call for a week, and saw how often the cluster ran hot.").hypothetical)
                .isFalse();
        assertThat(one("I was frustrated, and I'll admit my replies got short too.").hypothetical).isFalse();
        assertThat(one("If the load failed again, I could rerun it from the raw files.").hypothetical).isTrue();
        assertThat(one("I'll make sure every load has an owner.").hypothetical).isTrue();
        // regrets and intentions never carried out are no story (hostile round 8)
        assertThat(one("I wish I had called the directors before the numbers went out.").hypothetical).isTrue();
        assertThat(one("I planned to take it to each squad lead separately.").hypothetical).isTrue();
        assertThat(one("I meant to build the first shared model myself.").actor).isNotEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("I received her status updates and the postmortem she sent.").actor).isNotEqualTo(AnswerAnalysis.Actor.I);
        // "I'd love to tell you that I ..." is a claim, not an introduction
        assertThat(one("I'd love to tell you that I disagreed with my director in the review.").hypothetical).isTrue();
        assertThat(one("I'd love to tell you about the time I rebuilt our loader.").hypothetical).isFalse();
    }

    @Test
    @DisplayName("'three weeks early' marks how it ended, even in a sentence that goes on to my last step")
    void weeksEarlyIsAResult() {
        assertThat(lastPart("Our ML team needed clickstream data in the lake, but the platform sink was six weeks out."
                + " Rather than wait, I wrote a small consumer on their topic and landed hourly Parquet partitions."
                + " The ML team trained their first model three weeks early; when the platform sink shipped, I cut over."))
                .isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("a time window is an outcome's only with an amount or a span: 'for the next three closes', not 'for the next window'")
    void timeWindowNeedsAnAmount() {
        String story = "Finance needed the corrected numbers for the month-end close. I rewrote only the 21 affected"
                + " partitions and compared the totals with the treasury rates.";
        assertThat(lastPart(story + " The totals matched the ledger for the next three closes."))
                .isEqualTo(AnswerAnalysis.Part.RESULT);
        // a plan's date, with my steps still to come, is no outcome
        AnswerAnalysis a = new AnswerAnalysis(story + " The other option was to wait for the next maintenance window on"
                + " Sunday. I told the analysts and started the backfill one partition at a time.", LEX, RUBRIC);
        assertThat(a.sentences.get(2).text).contains("maintenance window");
        assertThat(a.sentences.get(2).part).isNotEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("a STAR heading on a line of its own (**Situation**, ## Result, Action:) labels what follows; it is no sentence")
    void headingsOnTheirOwnLines() {
        AnswerAnalysis a = new AnswerAnalysis("""
                **Situation**
                In October 2023 the nightly settlement job in Airflow started failing two or three nights a week.

                ## Action
                I compared the Spark UI of a good and a failed run and salted the skewed join key.

                Result:
                Runtime went from 2 h 10 min to 38 min with no failures for the rest of the quarter.""", LEX, RUBRIC);
        assertThat(a.sentences).extracting(s -> s.part).containsExactly(AnswerAnalysis.Part.SITUATION,
                AnswerAnalysis.Part.ACTION, AnswerAnalysis.Part.RESULT);
        assertThat(a.sentences).allSatisfy(s -> assertThat(s.real).isTrue());
        // the same words inside a sentence are words
        assertThat(AnswerAnalysis.heading("Action was needed that night.")).isNull();
        assertThat(AnswerAnalysis.heading("**Learning**")).isEqualTo(AnswerAnalysis.Part.LEARNING);
    }

    @Test
    @DisplayName("watching someone else act is not my step")
    void perceptionIsNotMyStep() {
        assertThat(one("I watched our tech lead push back on the director in the design review.").actor)
                .isNotEqualTo(AnswerAnalysis.Actor.I);
    }

    @Test
    @DisplayName("a terse story whose only steps are told as a decision has them as its Action, and the outcome after it as its Result")
    void decisionIsTheAction() {
        AnswerAnalysis a = new AnswerAnalysis("At a telecom operator a bad deploy double-counted roaming minutes for three"
                + " days. I decided to rebuild only the three affected partitions into a shadow table, diffed it against the"
                + " raw records and swapped it in. Invoices went out on time with zero billing disputes.", LEX, RUBRIC);
        assertThat(a.sentences.get(1).part).isEqualTo(AnswerAnalysis.Part.ACTION);
        assertThat(a.sentences.get(2).part).isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("what happened after my own last step is the Result, even when the team's later steps follow")
    void outcomeAfterMyLastStep() {
        AnswerAnalysis a = new AnswerAnalysis("The vendor feed carried free-text notes we never used. I read a quarter of"
                + " query logs and saw nobody touched the field. I dropped it at ingestion and agreed the change with the"
                + " privacy officer. The analysts built every report they had planned without asking for it. Later we"
                + " reused the same rule for the payroll feed.", LEX, RUBRIC);
        assertThat(a.sentences.get(3).part).isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("my last steps ending in a clause about how things then stood, with a number, are the Result, even with steps after")
    void outcomeTailIsTheResult() {
        AnswerAnalysis a = new AnswerAnalysis("It is May and the billing export is late every night. I read the scheduler "
                + "logs first. Then I move the export after the ledger load, add a completeness check, and the export lands "
                + "by 6 am on 29 of 30 nights. I also write a runbook for whoever is on call.", LEX, RUBRIC);
        assertThat(a.sentences.get(2).outcomeTail).isTrue();
        assertThat(a.sentences.get(2).part).isEqualTo(AnswerAnalysis.Part.RESULT);
        // my own number inside a step, a person's reply, or a clause without a number are not that
        assertThat(AnswerAnalysis.outcomeTail("I rewrote the loader, and I cut the run to 12 minutes.")).isFalse();
        assertThat(AnswerAnalysis.outcomeTail("I called the vendor, and their lead agreed to send the file earlier.")).isFalse();
        assertThat(AnswerAnalysis.outcomeTail("I split the job in two; the second half now runs in 9 minutes.")).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is only my leaving the story: {1}")
    @CsvSource(delimiter = '|', value = {
        "Shortly after that I moved to a different team, so I handed the ticket over to my replacement.|true",
        "After that I handed the process over to the hiring manager.|true",
        "Around that time I moved onto a different squad.|true",
        "After that I moved on to a new project.|true",
        // my next step, a clause that dates someone else's, or someone else's clause first are not
        "After that I moved on to the second table and fixed its keys.|false",
        "After I handed the dashboard over, the director asked for my team on the next project.|false",
        "By then Marco owned the platform, and I moved on to a new project.|false",
        "I moved the job to a dedicated pool.|false"})
    void myExit(String text, boolean exit) {
        assertThat(StepReading.myExit(one(text))).isEqualTo(exit);
    }

    @ParameterizedTest(name = "\"{0}\" tells my step and what then happened: {1}")
    @CsvSource(delimiter = '|', value = {
        "After I salted the join key into 16 buckets, the skewed stage finished in 12 minutes instead of four hours.|true",
        "Once I'd moved the last of the explores over, the monthly bill settled at £17.5k.|true",
        "As soon as I had switched the defaults to a 2 TB quota, the bill settled at $19k.|true",
        "After I walked them through it, the managers opened their Monday calls with the dashboard again.|true",
        // a claim, a coming and going, what I found, or my next step is not
        "After I took full ownership, the backlog fell from 140 to 12.|false",
        "After I joined, the bill fell from $88k to $51k.|false",
        "When I profiled the job, the shuffle took 80% of the run.|false",
        "After I fixed the join, I rebuilt the 14 affected days.|false"})
    void stepThenOutcome(String text, boolean outcome) {
        assertThat(StepReading.stepThenOutcome(one(text))).isEqualTo(outcome);
    }

    @Test
    @DisplayName("word soups made of what the step rules look at ('after i'd', 'joined', 'took', 'roles', commas) are scored, never thrown on")
    void stepRulesSurviveWordSoup() {
        // the rules index around "I", its verb and the first comma: every short, cut-off or odd arrangement must hold
        String[] words = {"after", "once", "as", "soon", "i", "i'd", "had", "have", "joined", "took", "owned", "up",
            "ownership", "full", ",", ".", "the", "bill", "fell", "10", "became", "was", "promoted", "started", "in", "at",
            "changed", "roles", "teams", "put", "my", "name", "and", "replaced", "it", "start-up", "with", "to", "forces",
            "account", "chargebacks", "'", "-", "%", "$", "re-keyed", "settled", "got"};
        LpScorer scorer = Answers.scorer();
        var q = BlindSet.question("lp-ownership-01");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 1 + random.nextInt(14); j > 0; j--) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? "" : " ");
            }
            assertThat(scorer.score(q, text.toString()).total()).as(text.toString()).isBetween(0, 100);
        }
    }

    @Test
    @DisplayName("a story whose Result sits in 'After I ..., the bill settled at $19k' has a Result")
    void outcomeInsideMyStepSentence() {
        String story = "In 2023 our BigQuery bill reached $48k a month and nobody could say why. When I joined project billing"
                + " exports to the job metadata, 70% of the spend traced to one Looker explore that re-scanned a 9 TB table."
                + " I rebuilt that explore on a 40 GB daily aggregate. After I switched project defaults to a 2 TB per-user"
                + " daily quota, the monthly bill settled at $19k.";
        AnswerAnalysis a = new AnswerAnalysis(story, LEX, RUBRIC);
        // "When I joined X to Y" joins data: a step, not the scene of a new job
        assertThat(a.sentences.get(1).part).isEqualTo(AnswerAnalysis.Part.ACTION);
        assertThat(a.sentences.get(3).part).isEqualTo(AnswerAnalysis.Part.RESULT);
        // "When I joined the team" still sets the scene
        assertThat(new AnswerAnalysis("When I joined the platform team in 2022, the nightly load failed twice a week."
                + " I rewrote it.", LEX, RUBRIC).sentences.get(0).part).isEqualTo(AnswerAnalysis.Part.SITUATION);
    }

    @Test
    @DisplayName("a short, dense result sentence is the Result, not keyword stuffing: a measurement's units are content")
    void denseResultIsReal() {
        AnswerAnalysis a = new AnswerAnalysis("I noticed the job took 6 hours, so I profiled it and I rewrote the joins. "
                + "As a result runtime dropped from 6 hours to 45 minutes.", LEX, RUBRIC);
        Sentence result = a.sentences.get(1);
        assertThat(result.real).isTrue();
        assertThat(result.beforeAfter).isTrue();
        assertThat(result.part).isEqualTo(AnswerAnalysis.Part.RESULT);
        // the same terms without the numbers are still a string of rubric words
        assertThat(one("As a result runtime hours minutes dropped.").real).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is a measured change")
    @CsvSource(delimiter = '|', value = {
        "Nightly runtime fell 55%.",
        "Storage costs dropped 60% within a month.",
        "The job now runs in 38 minutes, down from over three hours.",
        "That was a 45% reduction in spend."})
    void terseAndComparedChanges(String text) {
        Sentence s = one(text);
        assertThat(s.real).isTrue();
        assertThat(s.beforeAfter).isTrue();
    }

    @Test
    @DisplayName("CV-style bullets: a leading past-tense verb implies I, and a STAR label names the part")
    void bulletsAndLabels() {
        AnswerAnalysis a = new AnswerAnalysis("""
                Situation: the orders pipeline failed most Mondays and finance saw stale numbers.
                Action: rewrote the loader with idempotent upserts and a retry budget.
                Result: failures dropped from 14 a month to 1 within the quarter.
                Learning: make reruns safe before making them fast.""", LEX, RUBRIC);
        assertThat(a.sentences).extracting(x -> x.part).containsExactly(AnswerAnalysis.Part.SITUATION,
                AnswerAnalysis.Part.ACTION, AnswerAnalysis.Part.RESULT, AnswerAnalysis.Part.LEARNING);
        assertThat(one("Rewrote the loader with idempotent upserts last spring.").actor).isEqualTo(Actor.I);
    }

    @Test
    @DisplayName("CV lines with headings of their own: the heading may be the verb (\"Noticed:\") or come before it"
            + " (\"Decision: agreed ...\"); both are my steps")
    void ownHeadings() {
        assertThat(one("Decision: agreed with legal to keep raw events for 30 days only.").actor).isEqualTo(Actor.I);
        assertThat(one("Noticed: nobody read the raw files after their first month.").actor).isEqualTo(Actor.I);
        assertThat(one("Build: per-prefix lifecycle rules in Terraform.").actor).isNotEqualTo(Actor.I);
    }

    @Test
    @DisplayName("a past participle describing the subject is not my step: \"Unmasked access went from 230 people to 18\""
            + " is how things ended")
    void describingWordIsNotMyVerb() {
        assertThat(one("Unmasked access went from 230 people to 18.").actor).isNotEqualTo(Actor.I);
        assertThat(one("Rewrote the loader with idempotent upserts last spring.").actor).isEqualTo(Actor.I);
        assertThat(one("Agreed the windows with legal and the firmware team; wrote the job in Spark.").actor)
                .isEqualTo(Actor.I);
        AnswerAnalysis a = new AnswerAnalysis("I reviewed the grants and found 230 people could read incomes. "
                + "I masked the columns by default and set an approval flow. Unmasked access went from 230 people to 18. "
                + "I accepted a slower workflow for the risk team.", LEX, RUBRIC);
        assertThat(a.sentences.get(2).part).isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("\"I\" in a relative clause (\"which I added\") is not the sentence's actor: the outcome it ends is the Result")
    void relativeClauseIsNotMyStep() {
        AnswerAnalysis a = new AnswerAnalysis("Account managers waited days for usage data. I wrote one view and put a "
                + "dashboard on top. The requests stopped within the month, and their head asked for two more panels, "
                + "which I added in an afternoon.", LEX, RUBRIC);
        assertThat(a.sentences.get(2).actor).isNotEqualTo(Actor.I);
        assertThat(a.sentences.get(2).part).isEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(one("I added the two panels, which the team asked for.").actor).isEqualTo(Actor.I);
    }

    @Test
    @DisplayName("another person's steps show their principle, not the teller's; how others responded is still the outcome")
    void othersStepsAreNotMyEvidence() {
        String situation = "In 2023 our director wanted to move the nightly Redshift loads to streaming before the Q4 freeze. ";
        String result = "The loads stayed on batch, and late events fell from 4% to 0.1% within a month.";
        AnswerAnalysis mine = new AnswerAnalysis(situation + "I pushed back in the design review with a one-page analysis"
                + " of late events, and I escalated it to the VP. " + result, LEX, RUBRIC);
        AnswerAnalysis hers = new AnswerAnalysis(situation + "I sat in the design review when Priya pushed back with a"
                + " one-page analysis of late events, and she escalated it to the VP. " + result, LEX, RUBRIC);
        int[] m = mine.evidence(LEX, dev.drillbot.core.bank.Principle.HAVE_BACKBONE);
        int[] h = hers.evidence(LEX, dev.drillbot.core.bank.Principle.HAVE_BACKBONE);
        assertThat(h[0]).isLessThan(m[0]);
        Sentence review = hers.sentences.get(1);
        assertThat(review.grammar.subject[java.util.Arrays.asList(review.words).indexOf("pushed")]).isEqualTo(Grammar.OTHER_PERSON);
        assertThat(review.grammar.subject[java.util.Arrays.asList(review.words).indexOf("sat")]).isEqualTo(Grammar.MINE);
    }

    @Test
    @DisplayName("a last step that ends in someone's response ('and she later asked for my team') ends the story: it is the Result")
    void othersResponseEndsTheStory() {
        String steps = "I'd committed to moving marketing's tables to Snowflake by 30 June. Three weeks out I found the"
                + " ad-spend feed had no history before 2022, and I told the marketing lead that day with two options. ";
        assertThat(lastPart(steps + "I delivered on 14 July as re-promised, and she later asked for my team on the next"
                + " migration.")).isEqualTo(AnswerAnalysis.Part.RESULT);
        // the same step without the response is a step
        assertThat(lastPart(steps + "I delivered on 14 July as re-promised, and I wrote up the gap for the next team."))
                .isEqualTo(AnswerAnalysis.Part.ACTION);
        assertThat(new AnswerAnalysis(steps, LEX, RUBRIC).sentences.get(0).grammar.subject[0]).isEqualTo(Grammar.MINE); // "I'd committed"
    }

    @Test
    @DisplayName("a last step that ends in what became of the thing ('and the reconciliation thread stopped') is the Result; a purpose ('so each wave took less work') is not")
    void thingsFateEndsTheStory() {
        String steps = "Finance reported 412k subscribers and product reported 398k. I pulled both lists and anti-joined them. ";
        assertThat(lastPart(steps + "I wrote both definitions into the metrics layer, relabelled both dashboards, and the"
                + " monthly reconciliation thread stopped.")).isEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(lastPart(steps + "I wrote a script that generated the jobs from the metadata, so each wave took less"
                + " manual work.")).isEqualTo(AnswerAnalysis.Part.ACTION);
        assertThat(lastPart(steps + "I capped the stock shown, and the rewrite went onto the other team's backlog and I"
                + " moved on.")).isEqualTo(AnswerAnalysis.Part.ACTION);
    }

    @Test
    @DisplayName("a noun before a past verb is its subject, and 'that quarter' is a time: 'no definition tickets followed that"
            + " quarter' is an outcome, not a list of verbs")
    void nounBeforePastVerbIsTheSubject() {
        String steps = "Our active-sellers metric dropped 12% the week I moved it. I republished both series side by side. ";
        AnswerAnalysis a = new AnswerAnalysis(steps + "The churn escalation closed that day; no definition tickets followed"
                + " that quarter.", LEX, RUBRIC);
        Sentence last = a.sentences.get(a.sentences.size() - 1);
        assertThat(last.grammar.present).isZero();
        assertThat(last.real).isTrue();
        assertThat(last.part).isEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(one("The job fails every night.").grammar.present).isEqualTo(1); // a present verb stays one
    }

    @Test
    @DisplayName("'and I finally had time to finish the backlog' after what became of the thing is no step of mine: the"
            + " sentence is the Result")
    void stateAfterAnAdverbIsNoStep() {
        String steps = "Sales kept asking me for the same account lists. I built one documented account table in dbt and a"
                + " Looker explore on top. ";
        assertThat(lastPart(steps + "Within a few weeks the request channel went quiet, and I finally had time to finish"
                + " the usage pipeline.")).isEqualTo(AnswerAnalysis.Part.RESULT);
        // a step of mine after it stays a step while the story goes on; told last, the outcome opening the sentence is
        // how the story ended (storyEndingOnWhatHappened)
        AnswerAnalysis goesOn = new AnswerAnalysis(steps + "Within a few weeks the request channel went quiet, and I finally"
                + " rewrote the usage pipeline. I moved the usage explore onto it the same week.", LEX, RUBRIC);
        assertThat(goesOn.sentences.get(2).part).isEqualTo(AnswerAnalysis.Part.ACTION);
    }

    @Test
    @DisplayName("'things got better, and I noticed them asking him again' ends on an observation of the outcome; 'I noticed"
            + " that readings were low' opening a sentence is my step")
    void observationAfterTheOutcome() {
        String steps = "Two newer engineers had started avoiding Dan as a reviewer. I gave him the feedback with three examples"
                + " and offered to look over his reviews with him. ";
        assertThat(lastPart(steps + "Over the next couple of months things got better, and I noticed the newer engineers"
                + " asking him for reviews again.")).isEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(one("One Monday I noticed that readings from one region had been 4% low for a fortnight.").actor)
                .isEqualTo(AnswerAnalysis.Actor.I);
    }

    @Test
    @DisplayName("a subject that is a whole noun phrase has its verb ('the Monday dip in weekly orders disappears')")
    void nounPhraseSubjectsHaveTheirVerb() {
        assertThat(one("Then the Monday dip in weekly orders disappears.").grammar.present).isEqualTo(1);
        assertThat(one("Finance restates the weekly order counts in the next review.").grammar.present).isEqualTo(1);
        assertThat(one("Parquet typically stores each column's min and max in the file footer.").grammar.present).isEqualTo(1);
    }

    @Test
    @DisplayName("a terse story retold in the present with two steps of mine has its outcome as the Result")
    void twoStepPresentRetellingHasItsResult() {
        AnswerAnalysis a = new AnswerAnalysis("It's my second month at a retailer, and every weekly review blames the"
                + " Monday dip in orders on shoppers. So I pull the raw order events for four Mondays and compare them with"
                + " the order database. I rewrite the load with a two-day lookback and add a reconciliation check on the"
                + " counts. Finance restates the weekly order counts in the next review.", LEX, RUBRIC);
        assertThat(a.sentences.get(a.sentences.size() - 1).part).isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("'I' inside a relative clause ('a runbook that I still use') is not the actor; after a verb ('I found that I') it is")
    void relativeThatIsNotMyStep() {
        assertThat(one("Then he wrote a runbook that I still use and added a contract test.").actor).isNotEqualTo(Actor.I);
        assertThat(one("The on-call was Mark, a platform engineer that I later sat next to.").actor).isNotEqualTo(Actor.I);
        assertThat(one("I found that I had missed the late partition in the backfill.").actor).isEqualTo(Actor.I);
        assertThat(one("I told him that I would rerun the backfill myself.").actor).isEqualTo(Actor.I);
    }

    @Test
    @DisplayName("claims strung with ' / ' or laid out in a table with ' | ' are separate claims; one 'reads / writes' is not")
    void slashesAndPipesSeparateClaims() {
        assertThat(AnswerAnalysis.split("Actions: took it on myself / found the root cause in the logs / fixed it properly"
                + " / added tests and alerts / wrote the runbook.")).hasSize(5);
        assertThat(AnswerAnalysis.split("| Situation | legacy pipeline nobody owned |\n| Action | took it on and fixed the"
                + " root cause |\n| Result | failures down 90% |")).hasSizeGreaterThan(5);
        assertThat(AnswerAnalysis.split("I split the reads / writes across two clusters and moved the nightly job to"
                + " Spark. The runtime fell from 6 hours to 40 minutes.")).hasSize(2);
    }

    @Test
    @DisplayName("a catalogue of short items is a keyword list however it is introduced or measured; a story's steps and spoken restarts are not")
    void cataloguesAreKeywordLists() {
        assertThat(one("I introduced the whole package: data contracts, dbt tests, schema checks, freshness checks, null"
                + " checks and a PR template.").stuffed).isTrue();
        assertThat(one("Idle clusters, zombie jobs, duplicate pipelines, unused dashboards, orphaned tables: storage"
                + " reduced by 40%.").stuffed).isTrue();
        assertThat(one("I checked the sensor logs, compared row counts with the source, rebuilt the two broken partitions"
                + " and added an alert on the load time.").stuffed).isFalse();
        assertThat(one("So I just, I took a Friday and the weekend, sorry, a Friday and, um, a Saturday, and built both.").stuffed)
                .isFalse();
    }

    @Test
    @DisplayName("an ending that waits on someone else's decision is no Result; what they then decided is")
    void pendingDecisionIsNoResult() {
        String steps = "Three weeks before launch I found that a quarter of the churn labels were wrong. I told the product"
                + " manager we should not launch on that date and laid out a plan to fix the labels in four weeks. ";
        assertThat(lastPart(steps + "The architect said he'd take it away and think about it."))
                .isNotEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(lastPart(steps + "The launch moved to the pilot group and the full release went out a month later."))
                .isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("under an 'Action:' label my own step stays a step, whatever 'afterwards' it holds")
    void actionSectionKeepsMySteps() {
        AnswerAnalysis a = new AnswerAnalysis("""
                Situation: The marketing team used our ad-spend dashboard at their 8:30 stand-up, but the pipeline finished at 9:15.
                Action: We looked at the Airflow DAG and found the spend tables waited behind a heavy attribution job. I split the DAG so that the spend tables ran first and the attribution models ran afterwards.
                Result: The dashboard was ready before 8:00 on most days.""", LEX, RUBRIC);
        Sentence split = a.sentences.stream().filter(s -> s.text.startsWith("I split")).findFirst().orElseThrow();
        assertThat(split.part).isEqualTo(AnswerAnalysis.Part.ACTION);
    }

    @Test
    @DisplayName("a CV bullet opening on its past-tense verb is a step; a recital or a fragment cut from mid-sentence is not")
    void cvBulletsAreSteps() {
        Sentence bullet = one("Consolidated 14 small clusters into 3 shared autoscaling clusters.");
        assertThat(bullet.stuffed).isFalse();
        assertThat(bullet.real).isTrue();
        assertThat(one("Delivered results with ownership, bias for action and customer obsession.").real).isFalse();
        assertThat(one("held steady at p95 query time under 400ms").real).isFalse();
    }

    @Test
    @DisplayName("hashtags are slogans recited: a sentence with two of them is stuffing")
    void hashtagsAreRecited() {
        Sentence s = one("When the #RevenueDashboard looked wrong to #Finance I went into #DeepDive mode myself.");
        assertThat(s.recited).isGreaterThanOrEqualTo(3);
        assertThat(s.stuffed).isTrue();
        assertThat(one("I fixed issue #4512 in the loader and reran the job for the three missing days.").stuffed).isFalse();
    }

    @Test
    @DisplayName("a chat channel is no hashtag: 'posted in #data-incidents and #store-ops' is a step; '#BiasForAction' stays a slogan")
    void channelsAreNotHashtags() {
        Sentence s = one("At 07:40 I posted a short note in #data-incidents, cross-posted it to #store-ops and pinned it in #analytics.");
        assertThat(one("I fixed it with a #data-driven #bias-for-action #ownership mindset.").recited).isGreaterThanOrEqualTo(2);
        assertThat(s.recited).isZero();
        assertThat(s.stuffed).isFalse();
        // the two slogans count (and "Ownership" once more as a principle's name); the channel does not
        assertThat(one("I posted it in #data-incidents and showed #BiasForAction and #Ownership all day.").recited).isEqualTo(3);
        assertThat(one("I posted it in #data-incidents and showed #BiasForAction and #DataDriven all day.").recited).isEqualTo(2);
    }

    @Test
    @DisplayName("invisible characters inside words are read through: 'own\\u00adership', '[\\u200bcompany]'")
    void invisibleCharactersAreIgnored() {
        assertThat(dev.drillbot.core.text.UserText.visible("I took own\u00adership of a mis\u00adsion-critical pipe\u200bline."))
                .isEqualTo("I took ownership of a mission-critical pipeline.");
        assertThat(one("I took own\u00adership, dove deep and lev\u00aderaged data-driven insights.").stuffed).isTrue();
    }

    @Test
    @DisplayName("styled letters (mathematical bold, full-width) are read as the plain letters a reader sees: a bold 'not' is a 'not'")
    void styledLettersAreReadAsPlain() {
        assertThat(dev.drillbot.core.text.UserText.visible("I \uD835\uDC28\uD835\uDC30\uD835\uDC27\uD835\uDC1E\uD835\uDC1D it, \uFF4F\uFF4B?"))
                .isEqualTo("I owned it, ok?");
        // "I did 𝐧𝐨𝐭 escalate it, and I 𝐧𝐞𝐯𝐞𝐫 blamed them": only refusals, no step of mine
        String bold = "I did \uD835\uDC27\uD835\uDC28\uD835\uDC2D escalate the failed load to the platform team, and I"
                + " \uD835\uDC27\uD835\uDC1E\uD835\uDC2F\uD835\uDC1E\uD835\uDC2B blamed them for it.";
        assertThat(one(bold).actor).isNotEqualTo(AnswerAnalysis.Actor.I);
        assertThat(dev.drillbot.core.text.UserText.visible("Plain text \u2026 stays as it is.")).isEqualTo("Plain text \u2026 stays as it is.");
    }

    @Test
    @DisplayName("'7 a.m.' does not end a sentence; 'I was able to pull the history' is my step, '..., and I was able to"
            + " move on' after someone else's clause is not")
    void modestStepsAndTimes() {
        assertThat(AnswerAnalysis.split("The finance team's 7 a.m. margin report was late. I fixed it."))
                .containsExactly("The finance team's 7 a.m. margin report was late.", "I fixed it.");
        assertThat(one("I was able to pull the Spark UI history for the last 60 runs.").actor).isEqualTo(AnswerAnalysis.Actor.I);
        assertThat(one("He now runs the planning for that area, and I was able to move on to the forecasting work.").actor)
                .isNotEqualTo(AnswerAnalysis.Actor.I);
    }

    @Test
    @DisplayName("'3 h 40 min before, 14 min after' is a measured change, not two times")
    void beforeAndAfterMeasured() {
        assertThat(one("Result: extract runtime 3 h 40 min before, 14 min after.").beforeAfter).isTrue();
        assertThat(one("I checked the logs two days before the release and again a week after.").beforeAfter).isFalse();
    }

    @Test
    @DisplayName("a sentence that says only what I did not do, or chose not to, is no step; one with a step besides is")
    void refusalsAreNoSteps() {
        assertThat(one("I did not wait for someone else, and I did not escalate it and walk away.").actor)
                .isNotEqualTo(Actor.I);
        assertThat(one("I did not blame the team, and I did not keep what I found to myself.").actor)
                .isNotEqualTo(Actor.I);
        assertThat(one("I didn't wait for the vendor; I rebuilt the parser myself that night.").actor).isEqualTo(Actor.I);
        // a choice not to act is no step either: a story of nothing but such choices is a story of waiting (hostile
        // round 19 scored one 92 while they counted)
        assertThat(one("I decided not to rerun the job and chose not to page the owning team.").actor).isNotEqualTo(Actor.I);
    }

    @Test
    @DisplayName("'I'd like to share a story from ...' introduces the answer; it is not a plan")
    void answerFrameIsNotAPlan() {
        assertThat(one("I'd like to share a story from my time at a regional cable company.").hypothetical).isFalse();
        assertThat(one("I'd like to rebuild the loader with idempotent upserts next quarter.").hypothetical).isTrue();
    }

    @Test
    @DisplayName("'I' right after the object of someone else's verb ('she led the upgrade I'd put off') is a relative clause; after a clause opener it is the subject")
    void contactRelativeIsNotMyStep() {
        assertThat(one("She led the Airflow upgrade I'd been putting off, and it went out without a failed run.").actor)
                .isNotEqualTo(Actor.I);
        assertThat(one("The new check caught two schema changes I would have missed.").actor).isNotEqualTo(Actor.I);
        assertThat(one("After the outage I rewrote the loader with idempotent upserts.").actor).isEqualTo(Actor.I);
        assertThat(one("The job failed again and the next morning I rewrote the loader.").actor).isEqualTo(Actor.I);
        assertThat(one("She told the team I rewrote the loader over the weekend.").actor).isEqualTo(Actor.I);
        AnswerAnalysis a = new AnswerAnalysis("I handed the platform to Priya in March and paired with her for a month. "
                + "I moved the pager rota to her name and stayed out of the channel. "
                + "Within a quarter she led the Airflow 2 upgrade I had put off for a year, with no failed production run.", LEX, RUBRIC);
        assertThat(a.sentences.get(2).part).isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("a restatement of the question framed as 'You're asking about a time I ...' is an echo")
    void restatedQuestionIsAnEcho() {
        AnswerAnalysis a = new AnswerAnalysis("You're asking about a time I committed to a data SLA and met it.",
                "Tell me about a time you committed to a data SLA and met it.", LEX, RUBRIC);
        assertThat(a.sentences.get(0).echo).isTrue();
        AnswerAnalysis story = new AnswerAnalysis("In 2023 I committed to a 7 am SLA for the finance data and met it every"
                + " day that quarter.", "Tell me about a time you committed to a data SLA and met it.", LEX, RUBRIC);
        assertThat(story.sentences.get(0).echo).isFalse();
        assertThat(firstIsEcho("You'd like to hear about a time I gave difficult feedback to a colleague to help them grow.",
                "Tell me about a time you gave difficult feedback to a colleague to help them grow.")).isTrue();
        // the question said back in its own order, padded with a word and a tacked-on clause, is still an echo
        String prompt = "Tell me about a time you cut query or compute cost by understanding how it was spent.";
        assertThat(firstIsEcho("I cut query and compute cost by understanding exactly how it was spent, rather than guessing"
                + " or buying a bigger discount.", prompt)).isTrue();
        assertThat(firstIsEcho("I cut our Snowflake compute cost by 40% in one quarter by understanding how it was spent,"
                + " query by query.", prompt)).isFalse();
    }

    /** Whether the answer's first sentence says the question back. */
    private static boolean firstIsEcho(String answer, String prompt) {
        return new AnswerAnalysis(answer, prompt, LEX, RUBRIC).sentences.get(0).echo;
    }

    @Test
    @DisplayName("two sentences that describe the teller ('I'm good at it', 'I've done this many times') sum up many occasions: not one story")
    void selfDescriptionIsNotOneOccasion() {
        var q = Answers.question(dev.drillbot.core.bank.Principle.HIRE_AND_DEVELOP_THE_BEST);
        LpScorer scorer = Answers.scorer();
        String claims = "Giving hard feedback to engineers on my team is something I'm good at. I've done this many times,"
                + " with juniors and seniors. Once I told a colleague his pull requests were too large to review and"
                + " helped him split them. Developing others is one of the things I care about most.";
        assertThat(scorer.explain(q, claims)).anyMatch(l -> l.startsWith("Cap not one occasion"));
        // a self-portrait of three such lines is one whatever vague time it names ("in my last role")
        var frugal = Answers.question(dev.drillbot.core.bank.Principle.FRUGALITY);
        String portrait = "Keeping cloud spend down is one of my core strengths. I'm a careful engineer who always asks what a"
                + " query costs before it ships. In my last role I moved our nightly jobs to spot instances and cut the bill"
                + " by 45%. I constantly look for idle clusters, oversized warehouses and tables nobody reads.";
        assertThat(scorer.explain(frugal, portrait)).anyMatch(l -> l.startsWith("Cap not one occasion"));
        // one line about the teller before a story with its own time stays a story
        String story = "Keeping cloud spend down is one of my core strengths. In March 2024 I moved our nightly Spark jobs on"
                + " EMR to spot instances after checking which of them could survive a lost node. I added a retry on the two"
                + " jobs that could not and kept those on demand. The monthly bill went from $38,000 to $21,000 that quarter.";
        assertThat(scorer.explain(frugal, story)).noneMatch(l -> l.startsWith("Cap not one occasion"));
        // someone else's review and promotion are the mentee's story, not a summary of mine
        var develop = Answers.question(dev.drillbot.core.bank.Principle.HIRE_AND_DEVELOP_THE_BEST);
        String mentee = "Anika joined the payments data team from analytics, and in her first performance review her manager"
                + " noted she avoided on-call. I gave her the refunds pipeline's next real change and paired with her twice a"
                + " week, and I reviewed every pull request the same day with written reasons. By month six she owned the"
                + " pipeline and led its Spark 3 migration. She was promoted in the next cycle and her promotion packet cited"
                + " the migration.";
        assertThat(scorer.explain(develop, mentee)).noneMatch(l -> l.startsWith("Cap not one occasion"));
    }

    @Test
    @DisplayName("'from ... to' is a before->after change only as one phrase: a finding with a later number is not a change")
    void fromToIsOnePhrase() {
        assertThat(one("The bill went from $18k to $31k a month after the launch.").beforeAfter).isTrue();
        assertThat(one("Incidents went from six a month to one.").beforeAfter).isTrue();
        assertThat(one("Most of the spend came from one explore that joined events to the player table every 5 minutes.")
                .beforeAfter).isFalse();
    }

    @Test
    @DisplayName("an outcome opened by a time after the steps ('After this the job finished by 6am') or a deadline met is the Result, even before my last step")
    void outcomeAfterATimeIsAResult() {
        assertThat(part("The nightly sales job kept missing its 7am deadline. I split the three heaviest aggregations"
                + " into parallel tasks and made the biggest one incremental. After this the job was finishing around 6am."
                + " Later I added an alert that warns the managers when the source is late.", 2)).isEqualTo(Part.RESULT);
        assertThat(part("Our dbt project had almost no tests. I wrote a testing guide and paired with each engineer on"
                + " their first test. Within a few months most of the active models had tests. I also added a CI check for"
                + " new models.", 2)).isEqualTo(Part.RESULT);
        // a deadline met, told as my own last step, is how it ended; a plain last step is not
        String before = "Finance needed the new revenue dashboards for the October close. I listed the logic in the old"
                + " reports and agreed the order with the controller.";
        assertThat(part(before + " I delivered the eight most used dashboards first, on time.", 2)).isEqualTo(Part.RESULT);
        assertThat(part(before + " I built the eight most used dashboards first.", 2)).isEqualTo(Part.ACTION);
    }

    /** The STAR part of one sentence of a story. */
    private static Part part(String story, int sentence) {
        return new AnswerAnalysis(story, LEX, RUBRIC).sentences.get(sentence).part;
    }

    @Test
    @DisplayName("the question said back in the first person ('a pipeline that wasn't formally mine') is an echo")
    void firstPersonRestatementIsAnEcho() {
        String prompt = "Tell me about a time you took responsibility for a dataset that was not formally yours.";
        assertThat(firstIsEcho("A time I took responsibility for a dataset that wasn't formally mine.", prompt)).isTrue();
        assertThat(firstIsEcho("In May 2024 I took responsibility for the refunds dataset after its owner left, though it"
                + " wasn't formally mine.", prompt)).isFalse();
    }

    @Test
    @DisplayName("a participle after a negative auxiliary ('a job that isn't owned') is not a past step: a habit stays present")
    void participleAfterNegativeAuxiliary() {
        Sentence habit = one("If I see a pipeline that isn't owned and is failing, I take responsibility for it.");
        assertThat(habit.past).isFalse();
        assertThat(one("The job wasn't retried, so I reran it by hand that night.").past).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" -> hypothetical {1}")
    @CsvSource(delimiter = '|', value = {
        "I told her that I would miss the first of June deadline.|false",
        "I could not explain the gap, so I went back to the raw files.|false",
        "I'd already written a runbook for the backfill by then.|false",
        "But when I looked at it, I'd already had four similar requests that quarter.|false",
        "And I could have done that in an afternoon.|false",
        "I could rerun the job tonight if the files arrive.|true",
        "I could add a freshness check, or I could rewrite the loader.|true",
        "After two days of logs I could see that the join was wrong.|false",
        "He took a week off in November, and I could cover the Kafka work while he was out.|false",
        "Parquet typically stores each column's min and max in the file footer.|false",
        "As a result the error rate on those reports typically drops by 90%.|true",
        "I sat with him for a few sessions so I'd actually know the Connect setup.|false",
        "If a pipeline had no owner, I would take it on myself.|true",
        "I would first read the logs and then rerun the job.|true",
        "I usually check the row counts before every release.|true",
        "I used to send the stakeholders a correction the same day.|true",
        "I'd have liked to measure it more properly, to be honest.|false",
        "I would have disagreed openly in that review and laid out the numbers.|true",
        "I would have preferred a proper review, but the deadline held.|false",
        "I also picked out a real first ticket for each of them, usually a dbt model fix.|false",
        "I usually picked out a real first ticket for each of them.|true"})
    void reportedSpeechIsNotHypothetical(String text, boolean hypothetical) {
        assertThat(one(text).hypothetical).isEqualTo(hypothetical);
    }

    @Test
    @DisplayName("other people's \"they\" is not the candidate's team")
    void theyIsNotWe() {
        assertThat(one("They asked me to own the migration of the billing tables.").actor).isNotEqualTo(Actor.WE);
    }

    @Test
    @DisplayName("an opener that places the story is the Situation; a mid-story \"I realised\" is not the Learning")
    void openerAndRealisation() {
        AnswerAnalysis a = new AnswerAnalysis("At a food delivery start-up I ran the orders pipeline on my own. "
                + "I profiled the job and I found a skewed join on the courier key. "
                + "I realised the partition key was wrong for most of the late orders. "
                + "I rewrote the join with a salted key and I tested it on a week of data. "
                + "I realised afterwards that I should look at the data distribution first.", LEX, RUBRIC);
        assertThat(a.sentences).extracting(x -> x.part).containsExactly(AnswerAnalysis.Part.SITUATION,
                AnswerAnalysis.Part.ACTION, AnswerAnalysis.Part.ACTION, AnswerAnalysis.Part.ACTION,
                AnswerAnalysis.Part.LEARNING);
    }

    @ParameterizedTest(name = "\"{0}\" is not a sentence")
    @CsvSource(delimiter = '|', value = {
        "Ownership, customer obsession, bias for action and deliver results every single time.",
        "Strong stakeholder management skills across several large data platform teams.",
        "Nightly Airflow DAG failing twice a week with no clear owner at all."})
    void verblessFragmentsEarnNothing(String text) {
        assertThat(one(text).real).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" -> past {1}")
    @CsvSource(delimiter = '|', value = {
        "Every week I check the failed runs and the broken ones by hand.|false",
        "The job is automated and the reduced bill is shared with finance.|false",
        "I rewrote the loader so the failed files were retried.|true",
        "The numbers matched the ledger for the next three closes.|true",
        "I didn't wait for the vendor and patched the parser myself.|true"})
    void tenseComesFromTheFiniteVerb(String text, boolean past) {
        assertThat(one(text).past).isEqualTo(past);
    }

    @Test
    @DisplayName("a short first-person clause in the past is a real step; a short claim without a verb is not")
    void shortClauses() {
        assertThat(one("I disagreed.").real).isTrue();
        assertThat(one("I disagreed.").actor).isEqualTo(Actor.I);
        assertThat(one("Strong ownership.").real).isFalse();
        assertThat(one("I usually agree.").real).isFalse();
        // one plain clause opening on its subject is a sentence, though its nouns leave it few glue words
        assertThat(one("A re-scan found zero addresses.").real).isTrue();
        assertThat(one("Re-scan, zero addresses, full compliance, total ownership.").real).isFalse();
    }

    @Test
    @DisplayName("\"am\" after a time is a time of day: a terse closing line is no verb list")
    void timesOfDayAreNoVerbs() {
        Sentence s = one("Finished 3:10am; dashboards correct at 8am; snapshot kept 48 hours for rollback.");
        assertThat(s.stuffed).isFalse();
        assertThat(s.real).isTrue();
        assertThat(one("The backfill finished at 3:10am.").grammar.present).isZero();
        assertThat(one("I am the on-call engineer for the billing pipeline.").grammar.present).isEqualTo(1);
    }

    @Test
    @DisplayName("\"read\", \"put\", \"set\" take the tense of my other verbs in the sentence: present beside \"check\", past beside \"traced\" or alone")
    void sameSpellingTakesTheOtherVerbsTense() {
        Sentence routine = one("Every morning I read the overnight logs and check the row counts against the source.");
        assertThat(routine.grammar.past).isZero();
        assertThat(routine.grammar.present).isPositive();
        assertThat(routine.past).isFalse();
        Sentence story = one("I read the error messages and traced the failure to a vendor file.");
        assertThat(story.grammar.past).isEqualTo(2);
        assertThat(story.past).isTrue();
        assertThat(one("I read the logs, set an alert on the lag and put a sensor in front of the load.").past).isTrue();
        // a present verb of something else is no guide: the sensor waits, I put it in (hostile round 21)
        assertThat(one("I read the task logs and put a sensor in that waits for the vendor file.").past).isTrue();
        assertThat(one("I set up an alert that pages the owner when the file is late.").past).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is a sentence: {1}")
    @CsvSource(delimiter = '|', value = {
        "Total exposure stayed under £14k.|true",
        "91% matched within a minute.|true",
        "Conflicts have stayed below 0.2%.|true",
        // a list of claims with numbers stays a list: no clause, a label, or the verb first
        "Impact: 3x scalability, 40% fewer incidents, 100% compliance, $2M saved.|false",
        "Owned Spark cluster 3 yrs.|false",
        "Customer obsession drove 40% growth.|false"})
    void oneMeasuredClauseIsASentence(String text, boolean real) {
        assertThat(one(text).real).isEqualTo(real);
    }

    @ParameterizedTest(name = "\"{0}\" only claims: {1}")
    @CsvSource(delimiter = '|', value = {
        "It was not my job, but I stepped in and took full responsibility for it.|true",
        "I owned it end to end and made sure it got fixed properly.|true",
        "I owned the commitment personally and I delivered it.|true",
        "I believed in him from day one and I mentored him.|true",
        "I took it on.|true",
        // whatever the verbs of mine claim it of, and however spelt (hostile round 22)
        "I took full accountability for the recovery and got it sorted.|true",
        "I owned the Tidewell SLA.|true",
        "I took ownership of the Redshift load.|true",
        "The ingestion team was busy with a migration, so I stepped in.|true",
        "It was not my job, but I took full responsibilty for it.|true",
        "For eleven weeks I took charge of it and made sure it got done.|true",
        // a thing, a number or a name is a step told
        "I owned the fix and rewrote the dedup key myself.|false",
        "I took over the Redshift load and rewrote its merge step.|false",
        "I mentored him for six months.|false",
        "I fixed the join.|false",
        // "made sure", "handled", "got it" claim only when nothing but a claim follows (hostile round 23)
        "I made sure each of the 212 tables matched its row count in the source.|false",
        "I handled the rollback of the orders table.|false",
        "I got it fixed with a MERGE on load_id.|false",
        "I took it on: found a race with an upstream export and added a sensor.|false",
        // data words that look like claim idioms are steps (hostile round 24)
        "I took the charge and refund tables apart row by row.|false",
        "I put the name and email columns behind a masking policy.|false",
        "I stepped up shuffle partitions to 2,000.|false",
        "I owned the fix myself: that explore now reads a 40 GB daily aggregate.|false",
        // a claim that only dates an outcome claims it (hostile round 25); owning up is an admission, not a claim
        "After I took full ownership of the problem, the backlog fell from 140 tickets to 12.|true",
        "Once I made sure it got done, the SLA breaches went to zero.|true",
        "After I took charge, I rebuilt the loader with a MERGE on load_id.|false",
        "As soon as I owned up to the snapshot change, the retention team started bringing their questions to me.|false",
        // hostile round 27: a step after the claim, or words that only start like a claim's, are steps
        "Once I owned the export script and replaced the writer, the duplicates fell from 300 a day to zero.|false",
        "After I took account of the bank holidays, the forecast error fell from 9% to 2%.|false",
        "After I took chargebacks out of the revenue model, the gap closed to 0.3%.|false",
        "I put name normalisation in front of the matcher.|false",
        // hostile round 30: the road not taken, staying on it, and a view I hold add no step to a claim
        "I took full ownership of it and made sure it got fixed properly rather than patched.|true",
        "I held myself accountable and stayed on it until it was done, because I believe problems ignore org charts.|true",
        "I rebuilt the merge rather than patching it again.|false",
        "I stayed on the bridge call and rolled the deploy back.|false",
        // ... nor does backing someone else's work, standing by it, or being committed to it
        "I championed his growth the whole time and I made sure he had what he needed.|true",
        "I fully supported this and I was committed to the customer the whole way.|true",
        "I believed in that standard completely and I stood behind it.|true",
        "I supported the analysts with ad-hoc SQL for a week.|false",
        // hostile round 31: the means after "supported", and my step after the road not taken, are steps
        "I supported him by pairing on his first two designs.|false",
        "I stepped in and instead of deleting the duplicates by hand I wrote a dedupe job.|false"})
    void claimsAreNoSteps(String text, boolean claim) {
        assertThat(one(text).claim).isEqualTo(claim);
    }

    @ParameterizedTest(name = "\"{0}\" is my step: {1}")
    @CsvSource(delimiter = '|', value = {
        "By the time I left in 2024, failures had fallen from eight a month to zero.|false",
        "After I moved to the platform group, Priya became the named owner of all 14 loads.|false",
        "When I checked in six months later, he was mentoring two new hires himself.|false",
        "When I last spoke to the finance lead, the saving had held for a year.|false",
        // a move of a thing, a check of the data, a join of tables: my steps
        "After I moved the job to Spark, the runtime fell from 3 hours to 20 minutes.|true",
        "When I checked the row counts against the source, 2% of orders were missing.|true",
        "After I joined the two tables on order_id, the gap was obvious.|true",
        // hostile round 22: more ways to come and go, and steps told in the same words
        "By the time I left she had run eight weeks of on-call alone.|false",
        "By the time I left about a year later the cron box was gone.|false",
        "When I got back from parental leave, Marta had rebuilt the job.|false",
        "The week I left, Tomasz rewrote the loader.|false",
        "After I changed teams, the job failed twice.|false",
        // a move dated after it is still my leaving: "when I changed teams a year later" (2026-12-08)
        "When I changed teams a year later, the platform team adopted the table from my runbook.|false",
        "After I left detailed comments on his pull requests, he added tests to every model.|true",
        "When I checked in the fix, the mismatch fell from 6% to 0.1%.|true",
        "After I moved over the carriers one a day, the old DAGs were deleted.|true",
        "Once I came up with a single DAG factory, the code was 300 lines instead of 9,000.|true",
        "After I handed her the on-call pager, she took the first three incidents herself.|true",
        "After I rotated the shared service credentials, the old dashboards moved to the masked view.|true",
        // hostile round 23: a deploy, a commit, a join and a handover are steps
        "When I rolled out the fix, the errors fell to zero.|true",
        "When I checked in two tests, the build went red on the old code.|true",
        "After I joined the job history to the deploy log, the pattern was plain.|true",
        "After I handed the runbook over to on-call, night pages fell from nine to one.|true",
        "After I handed the dashboard over, the director asked for the same review.|true",
        // hostile round 24: tables, grants and keys are not workplaces, and a check-in with no time after it is a step
        "When I joined project billing exports to the job metadata, 70% of the spend was three dashboards.|true",
        "When I joined company dimension with the new partitions, every late session appeared twice.|true",
        "After I changed role grants on the raw schema, the analysts lost access to the PII columns.|true",
        "When I left that join out, the totals matched the ledger.|true",
        "When I checked in on the loader logs, the retries were all from one partner.|true",
        "After I rotated out the stale bucket key, the nightly copy failed loudly instead of silently.|true",
        // hostile round 25: arriving, becoming and being made something date what happened; they are no step
        "After I joined, the monthly AWS bill fell from $88k to $51k.|false",
        "As soon as I became the team's cost contact, the budget variance went to 0%.|false",
        "After I got settled in, the idle EC2 fleet shrank to 14 instances.|false",
        "Once I started attending the cost review, the Athena scan volume dropped by 45%.|false",
        // "roles" of a warehouse are grants, not my job (hostile round 27)
        "After I changed roles for the 40 BI users to a small warehouse, the bill fell from $9k to $4k.|true"})
    void myComingsAndGoingsAreNoSteps(String text, boolean step) {
        assertThat(one(text).actor == AnswerAnalysis.Actor.I).isEqualTo(step);
    }

    @ParameterizedTest(name = "\"{0}\" counts {1} things")
    @CsvSource(delimiter = '|', value = {
        "For the next three closes the numbers matched the ledger.|1",
        "In the next quarter it caught two more unannounced enum changes from other teams.|1",
        "I met two of them on Tuesday and the other one on Friday.|0",
        "Over the next quarter that check blocks four breaking renames before merge.|1",
        "By June the alert had caught three failing jobs before the analysts noticed.|1",
        "The bill came down from six figures to five figures a month.|0"})
    void countedThings(String text, int quantities) {
        assertThat(one(text).quantities).isEqualTo(quantities);
    }

    @Test
    @DisplayName("what the work cost me ('It took me four days instead of an hour') is not how the story ended")
    void effortIsNoOutcome() {
        String story = "Support kept re-running a cleanup script because the invoices table got duplicate rows after retried loads."
                + " I found that every retry of the hourly batch appended the same rows again."
                + " I rewrote the load as a MERGE on invoice_id and added a uniqueness check that stops the models downstream.";
        assertThat(lastPart(story + " It took me four days instead of an hour.")).isNotEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(lastPart(story + " That cost me an extra week.")).isNotEqualTo(AnswerAnalysis.Part.RESULT);
        // told as how long the job itself now takes, it is the outcome
        assertThat(lastPart(story + " The load took eight minutes instead of forty.")).isEqualTo(AnswerAnalysis.Part.RESULT);
        assertThat(lastPart(story + " It took me four days, and the duplicates went from forty a month to zero."))
                .isEqualTo(AnswerAnalysis.Part.RESULT);
    }

    @Test
    @DisplayName("an opener that sets the scene and tells my only step ('At a start-up I designed ...') is the story's Action")
    void sceneSettingStepIsTheActionWhenThereIsNoOther() {
        String story = "At a food-delivery start-up taking 50k orders a day, I designed the order events pipeline for fifty times that:"
                + " Kafka topics keyed by region, schemas in a registry, and hourly Parquet files on S3 instead of Postgres."
                + " Three years later we were at two million orders a day and the pipeline had needed only more brokers.";
        assertThat(part(story, 0)).isEqualTo(Part.ACTION);
        assertThat(lastPart(story)).isEqualTo(Part.RESULT);
        // with a step of its own later, the opener stays the scene
        assertThat(part("At a food-delivery start-up taking 50k orders a day, I joined the data platform team."
                + " I designed the order events pipeline for fifty times that load, with Kafka topics keyed by region."
                + " Three years later we were at two million orders a day and the pipeline had needed only more brokers.", 0))
                .isEqualTo(Part.SITUATION);
    }

    @Test
    @DisplayName("how it went, told before the safeguard I add at the end ('I also add a dbt test ...'), is the Result")
    void outcomeBeforeAClosingSafeguardIsTheResult() {
        String story = "So it's a Friday afternoon and I find our revenue model has joined FX rates on load date for nine days."
                + " I clone the table so a rollback is one swap, and I rerun the nine days into a scratch schema."
                + " I diff it against production and swap it in at five.";
        String outcome = " Monday's finance pack goes out on corrected numbers and we never need the rollback.";
        assertThat(part(story + outcome + " Before I log off I add a dbt test that fails if the join date is not the"
                + " transaction date.", 3)).isEqualTo(Part.RESULT);
        // a further step of another kind is still a step: what came before it is not yet the ending
        assertThat(part(story + outcome + " After that I rewrite the whole currency layer over the next two sprints.", 3))
                .isNotEqualTo(Part.RESULT);
    }

    @Test
    @DisplayName("a long step cut at a comma keeps its actor: '..., and swapped the table at 10pm' is still my step, not the outcome")
    void cutStepKeepsItsActor() {
        AnswerAnalysis a = new AnswerAnalysis("Then I ran the corrected model into a separate schema, compared the status of every one"
                + " of the twenty-two thousand subscribers against the billing system by hand and fixed the mismatches, and swapped"
                + " the table at 10pm with a documented rollback.", LEX, RUBRIC);
        assertThat(a.sentences).hasSize(2);
        assertThat(a.sentences.get(1).actor).isEqualTo(Actor.I);
        assertThat(a.sentences.get(1).part).isEqualTo(Part.ACTION);
        // after someone else's sentence, a piece with no subject is not mine
        AnswerAnalysis b = new AnswerAnalysis("The platform team ran the corrected model into a separate schema over the weekend.\n"
                + "and swapped the table at 10pm with a documented rollback", LEX, RUBRIC);
        assertThat(b.sentences.get(1).actor).isNotEqualTo(Actor.I);
    }

    @Test
    @DisplayName("once my verb has its subject, a noun before the next verb is that verb's own: 'I noticed sales and finance were"
            + " counting churn differently' is no lesson of mine")
    void clauseAfterMyVerbHasItsOwnSubject() {
        AnswerAnalysis a = new AnswerAnalysis("A product manager asked me for one churn table for the premium plan. I noticed sales"
                + " and finance were each counting churn differently from the same events, so I built one subscription model in dbt"
                + " with churn as a view on top. Both teams moved their reports onto it within two months.", LEX, RUBRIC);
        assertThat(a.sentences.get(1).part).isEqualTo(Part.ACTION);
        assertThat(a.sentences.get(2).part).isEqualTo(Part.RESULT);
        Sentence s = one("I rebuilt the orders job and the numbers matched the ledger.");
        assertThat(s.grammar.subject[java.util.Arrays.asList(s.words).indexOf("matched")]).isNotEqualTo(Grammar.MINE);
        // a contraction before a verb is its subject, not an unknown name
        Sentence c = one("I let her choose the schema even where I'd have done it another way.");
        assertThat(c.grammar.subject[java.util.Arrays.asList(c.words).indexOf("have")]).isEqualTo(Grammar.MINE);
    }

    @Test
    @DisplayName("a late lesson cue said of me ('and I now profile ...', a chat line's 'learned to ...') is the Learning")
    void lateLessonsOfMine() {
        String story = "In May I committed to cutting our nightly load from six hours to three. I moved the slowest models to"
                + " incremental builds and profiled the rest. I then changed the export to write larger files, which took the"
                + " copy from 90 minutes to 14.";
        assertThat(lastPart(story + " The load hit 2 hours 50 in July, five weeks late, and I now profile the whole pipeline"
                + " before I promise a date.")).isEqualTo(Part.LEARNING);
        assertThat(lastPart("last year the attribution table had 30% nulls in the channel column. i reverted my PR and reran"
                + " the model straight away. turned out the ad platform had renamed a parameter upstream, so i fixed the mapping."
                + "\nlearned to diff the source data before i roll anything back")).isEqualTo(Part.LEARNING);
    }

    @Test
    @DisplayName("my step as the second sentence is a step, whatever scene word it holds ('their nightly replica')")
    void secondSentenceStepIsTheAction() {
        AnswerAnalysis a = new AnswerAnalysis("Our churn model needed events from the CRM, whose export API was a quarter away."
                + " Rather than wait, I asked their lead for read access to the nightly replica and wrote a small DAG that"
                + " copied three tables. The model launched six weeks early, and I retired the copy when their API went live.",
                LEX, RUBRIC);
        assertThat(a.sentences.get(1).part).isEqualTo(Part.ACTION);
        assertThat(a.sentences.get(2).part).isEqualTo(Part.RESULT);
    }

    @Test
    @DisplayName("a bullet that goes on on an indented line is one sentence")
    void indentedBulletContinuation() {
        assertThat(AnswerAnalysis.split("- Found the loader used INSERT with retries after a network timeout, so\n  any retried"
                + " batch was loaded twice.\n- Changed it to MERGE on the transaction id.")).hasSize(2);
        // an indented line that starts a new sentence stays apart, and so do short lines a writer ended
        assertThat(AnswerAnalysis.split("- Found the loader used INSERT with retries.\n  Then I changed it to MERGE.")).hasSize(2);
        assertThat(AnswerAnalysis.split("- Action: took it on anyway\n  dug into the logs\n  found the root cause")).hasSize(3);
    }

    @Test
    @DisplayName("a labelled one-clause Result ('Result: no more duplicate tickets, and the dedup script was deleted') is a sentence")
    void labelledOneClauseResultIsASentence() {
        Sentence s = one("Result: no more duplicate tickets after the change, and the dedup script was deleted.");
        assertThat(s.stuffed).isFalse();
        assertThat(s.real).isTrue();
    }

    @Test
    @DisplayName("in a story retold in the present, 'we end up ...' after my steps is how it ended")
    void endUpIsTheOutcome() {
        assertThat(lastPart("So it's early 2023 and I'm sure we can replace the nightly Spark batch with streaming SQL."
                + " I set up a proof of concept on a small cloud instance, fed from our orders topic. Then I load the full"
                + " history and the memory use goes through the roof. I try two ways to cut the state down but I can't get it"
                + " small enough. So I stop the trial after three weeks and write it up. We end up running hourly incremental"
                + " builds instead, which works.")).isEqualTo(Part.RESULT);
    }

    @Test
    @DisplayName("a thing's outcome told before my closing safeguard in one sentence ('The bucket disappeared, and I added a"
            + " drift check') is the Result; 'the tax team's reports' is whose reports, not 'the team is'")
    void outcomeThenSafeguardInOneSentence() {
        String story = "I noticed the null rate on postal_code had crept from zero to four percent over three months. I filtered"
                + " the nulls by country and found they were almost all Irish addresses. I backfilled the missing codes from"
                + " the courier's data.";
        assertThat(lastPart(story + " The unknown-region bucket in the tax team's reports disappeared the next quarter, and"
                + " I added a drift check on null rates so nobody has to spot it by eye.")).isEqualTo(Part.RESULT);
        // my further step, told first, is still a step
        assertThat(lastPart(story + " I then rewrote the address form's validation and added a drift check on null rates."))
                .isEqualTo(Part.ACTION);
        assertThat(one("The tax team's reports disappeared.").grammar.first).isEqualTo(4); // "disappeared"
    }

    @ParameterizedTest(name = "a story that ends \"{0}\" ends on its Result: {1}")
    @CsvSource(delimiter = '|', value = {
        // an event or a measured state of a thing, then my last tidy-up, in the story's last sentence
        "The staffing plan went out on the corrected base, so 40 stores kept their usual staffing, and once the vendor's fix"
            + " landed I dropped the workaround.|true",
        "Over the next 60 nights it was late twice, by under ten minutes, and I told the finance lead each time.|true",
        // a bare state, others' reaction I answered, a step of mine cut from the last, or where I left: no outcome
        "The finance team were asking for daily updates, so I started sending a short note each evening.|false",
        "Two analysts pushed back that the check would slow them down, so I ran it on their models for a week.|false",
        "There was a reorganisation a month later, and I moved over to the payments team.|false",
        "and reviewed each of the four dashboards with the ops lead.|false",
        // hostile round 30: a delivery with a count only inside my clause is no outcome
        "The new view went out to the first depot in May, and I rolled it out to eleven more depots in June.|false"})
    void storyEndingOnWhatHappened(String last, boolean result) {
        String story = "Our stock-out dashboard jumped from 4% to 19% overnight before the Monday staffing forecast. I sampled an"
                + " hour of raw events and found a new app build sending a replacement event for every quantity edit. I"
                + " excluded that build's events in our dbt model behind a flag and told the ops lead what I had changed. ";
        assertThat(lastPart(story + last) == Part.RESULT).as(last).isEqualTo(result);
    }

    @ParameterizedTest(name = "\"{0}\" tells a change: {1}")
    @CsvSource(delimiter = '|', value = {
        "Definition questions in our channel went from weekly to zero that quarter.|true",
        "Disputes went from a standing agenda item to zero for two quarters.|true",
        "Failed loads went from about eight a month to none.|true",
        // a first state told in words needs a count that reached zero (hostile round 31); failing is no change
        "Trust in the data went from rock bottom to 100% within the quarter.|false",
        "The whole rebuild came to nothing after the reorg.|false"})
    void changeToZero(String text, boolean change) {
        assertThat(one(text).beforeAfter).isEqualTo(change);
    }

    @Test
    @DisplayName("a state that has lasted since the story ended is how it ended: '... we haven't had an outage since'")
    void stateLastingSinceIsTheResult() {
        String story = "Our Airflow scheduler went down twice in March and every team's DAGs stopped. I wrote up the"
                + " incident timeline and proposed pools and per-team concurrency limits. The platform lead agreed, and I"
                + " set the limits up over two days. As far as I know we haven't had a scheduler-wide outage %s.";
        assertThat(lastPart(story.formatted("since"))).isEqualTo(Part.RESULT);
        assertThat(lastPart(story.formatted("that I remember"))).isNotEqualTo(Part.RESULT);
    }

    @Test
    @DisplayName("a possessive names its noun: \"BigQuery's planner\" names BigQuery; \"let's\" is not \"let\"")
    void possessiveNamesItsNoun() {
        int systems = LEX.id("systems");
        assertThat(one("I read how BigQuery's planner estimates distinct counts.").has(systems)).isTrue();
        assertThat(one("I read how the planner estimates distinct counts.").has(systems)).isFalse();
    }

    @Test
    @DisplayName("a verb written with a hyphen after re- is one word: 're-ran' is 'reran'")
    void hyphenatedReVerbIsOneWord() {
        assertThat(Words.tokenize("i re-ran the backfill and re-checked 200 rows")).containsSubsequence("i", "reran",
                "the", "backfill", "and", "rechecked", "200", "rows");
        assertThat(Words.tokenize("a re-think")).containsExactly("a", "rethink");
    }

    @Test
    @DisplayName("in a story retold in the present, how others responded before the closing safeguard is the result")
    void presentReactionBeforeTheClosingSafeguardIsTheResult() {
        String story = "So it's a Thursday in November and I'm on call. I find that our margin model has used the wrong"
                + " currency for Canada since Monday. I decide not to wait for the change board. I rerun the eight"
                + " affected days in a clone first and check 200 SKUs by hand. At 7 a.m. I rerun the reconciliation"
                + " query, and %s the markdowns on the corrected margins. The following week I add a test"
                + " on the currency code.";
        assertThat(part(story.formatted("she approves"), 4)).isEqualTo(Part.RESULT);
        assertThat(part(story.formatted("I send her"), 4)).isNotEqualTo(Part.RESULT); // my own step is no response
    }

    @Test
    @DisplayName("'I'd planned to' is an intention like 'I planned to'; 'I'd already written' is a past perfect")
    void contractedIntentionIsNoStep() {
        assertThat(one("I'd planned to write a one-page proposal for a shared tracking plan.").hypothetical).isTrue();
        assertThat(one("I'd also meant to run it beside the old pipelines for a quarter.").hypothetical).isTrue();
        assertThat(one("When she called, I'd already written the proposal for the tracking plan.").hypothetical).isFalse();
    }

    @Test
    @DisplayName("a passive 'by me' tacked on after another person's steps does not make the sentence mine")
    void byMeAfterOthersStepsIsNotMine() {
        assertThat(one("The root cause was traced by Dana to a late partner file, and the ticket was opened by me.").actor)
                .isNotEqualTo(Actor.I);
        assertThat(one("The cutoff in the nightly load was corrected by me on Friday.").actor).isEqualTo(Actor.I);
    }

    @Test
    @DisplayName("a trouble that went away after my steps is how it ended: '... and the OOM failures went away'")
    void troubleGoneIsTheResult() {
        String story = "In May our nightly Spark job on the orders table kept failing with out-of-memory errors. I read the"
                + " executor logs and found one customer id holding a third of the rows. I salted that key and split the"
                + " join in two. After the rerun the team said the OOM failures %s.";
        assertThat(lastPart(story.formatted("went away"))).isEqualTo(Part.RESULT);
        assertThat(lastPart(story.formatted("were in the logs"))).isNotEqualTo(Part.RESULT);
    }

    @Test
    @DisplayName("'The VP later asked me' is a clause, not a fragment, and its verb is the VP's; 'are only read by' is no verb of its own")
    void adverbBetweenASubjectAndItsPastVerb() {
        assertThat(one("The VP later asked me to sit in the review for the next feature.").real).isTrue();
        assertThat(one("Priya then rewrote the join in the nightly job.").real).isTrue();
        assertThat(one("Priya then rewrote the join in the nightly job.").actor).isNotEqualTo(Actor.I);
        assertThat(one("I took notes in the ticket, and Ruth then sampled the join keys.").grammar.subject[9])
                .isEqualTo(Grammar.OTHER_PERSON); // "sampled" is hers, not mine
        assertThat(one("Then we, um, basically spent the week on reconciliations.").actor).isEqualTo(Actor.WE);
        assertThat(one("Most of the tables are only read by a morning dashboard.").past).isFalse();
    }

    @Test
    @DisplayName("'the query I used to reconcile them' is a tool I used, not the habit 'I used to'")
    void toolIUsedIsNoHabit() {
        assertThat(one("I reran the query I used to reconcile the invoices against the ledger.").hypothetical).isFalse();
        assertThat(one("I used to reconcile the invoices against the ledger every month.").hypothetical).isTrue();
        assertThat(one("That is the way I used to reconcile the invoices every month.").hypothetical).isTrue();
    }

    @Test
    @DisplayName("my last step that says it landed on schedule is how it ended, and so is what has since happened")
    void onScheduleAndHaveSinceAreTheResult() {
        String story = "I joined a team whose streaming jobs ran on Flink, which I had never used. I read the docs on"
                + " checkpoints and rebuilt one production job on a local cluster. I found that late events were being"
                + " dropped and fixed the side output. %s";
        assertThat(lastPart(story.formatted("I joined the on-call rota on schedule, recovering about 0.8% of events.")))
                .isEqualTo(Part.RESULT);
        assertThat(lastPart(story.formatted("I joined the on-call rota in week four and took the pager for 6 nights.")))
                .isNotEqualTo(Part.RESULT);
        assertThat(lastPart(story.formatted("A couple of the other jobs have since moved across to Flink.")))
                .isEqualTo(Part.RESULT);
    }

    @Test
    @DisplayName("a spoken 'I, like, then pulled the logs' is my step; 'I like clean data' is no step")
    void spokenLikeBeforeAStepIsPassedOver() {
        assertThat(one("I, like, then pulled the Spark logs for the last ten runs.").actor).isEqualTo(Actor.I);
        assertThat(one("I, like, pulled the Spark logs for the last ten runs.").actor).isEqualTo(Actor.I);
        assertThat(one("I like clean data in the nightly tables of the warehouse.").actor).isNotEqualTo(Actor.I);
    }
    @ParameterizedTest(name = "\"{0}\" tells a change: {1}")
    @CsvSource(delimiter = '|', value = {
        // amounts glued to their time units are read as "2 h 40 m" would be
        "Re-ran the same job and it went from 2h40m to 11 min.|true",
        "The nightly export went from 1h30m to 25m once the sort key changed.|true",
        // one measurement set against another, not how wrong a number was
        "Agreement with the editors was 61%, worse than the 74% from the existing rules.|true",
        "Those orders were silently excluded, which made accuracy look about 6 points better than reality.|false",
        // a year is when, not how much; zeroed amounts are a blank left in a template (hostile round 32)
        "Team spend on compute was 35% better than 2022 across the board.|false",
        "The new loader ran in 4 minutes, 30% better than the 2 other loaders we tried.|false",
        "Runtime went from 0h00m to 0h00m after the fix.|false"})
    void changesTheFirstReadingMissed(String text, boolean change) {
        assertThat(one(text).beforeAfter).as(text).isEqualTo(change);
    }

    @Test
    @DisplayName("a CV-style opener whose noun goes on to its own past verb ('Cancelled orders for the day were 0.3%') is not my step")
    void adjectiveOpenerWithAPhraseBeforeItsVerbIsNoStep() {
        assertThat(one("Cancelled orders for the day were 0.3%, against 2.1% during a similar lag the year before.").actor)
                .isNotEqualTo(Actor.I);
        assertThat(one("Cancelled the orders for the day and refunded 40 customers by noon.").actor).isEqualTo(Actor.I);
        assertThat(one("Migrated jobs for the finance team that were failing every night.").actor).isEqualTo(Actor.I);
    }

    @Test
    @DisplayName("principle names recited in their other forms ('Inventing and Simplifying') count, even beside a measured change")
    void inflectedPrincipleNamesAreRecitals() {
        // a real result that quotes praise with principle names stays a sentence: its recitals only add up towards the
        // answer's stuffing cap (hostile round 32 undid a rule that made it a keyword list)
        Sentence praised = one("My manager filed it under Dive Deep and Insist on the Highest Standards, and the mismatch fell"
                + " from 6% to 0.1%.");
        assertThat(praised.recited).isGreaterThanOrEqualTo(2);
        assertThat(praised.stuffed).isFalse();
        assertThat(praised.real).isTrue();
        assertThat(one("Inventing and Simplifying and Insisting on the Highest Standards, I drove the move to a lakehouse.").recited)
                .isGreaterThanOrEqualTo(2);
        // the forms ordinary speech uses are no phrase of their own: "taking ownership" counts only as the name in it
        assertThat(one("By March the squads were taking ownership of their own DAGs and alerts.").recited).isEqualTo(1);
        // "took ownership" is one phrase, not the phrase and the name "Ownership" inside it
        Sentence owned = one("After I took ownership of the backlog and split it into three queues, the backlog was down to 35"
                + " by day four.");
        assertThat(owned.stuffed).isFalse();
        assertThat(owned.real).isTrue();
    }

    @Test
    @DisplayName("spoken fillers do not hide the measured outcome at the end of my step ('..., and, um, the cost dropped by 85%')")
    void fillersBeforeTheOutcomeTail() {
        String story = "Our Athena queries scanned 1.2 terabytes each time. I read the Parquet spec and dumped the footers of our"
                + " files. I changed the write job to sort by customer_id within each daily partition. Re-ran the same queries"
                + " and they went down to about 90 gigs, and, um, that team's Athena cost dropped by roughly 85%. And I ran a"
                + " lunch session on reading Parquet footers for the other teams.";
        AnswerAnalysis a = new AnswerAnalysis(story, LEX, RUBRIC);
        assertThat(a.sentences.get(3).outcomeTail).isTrue();
        assertThat(a.sentences.get(3).part).isEqualTo(Part.RESULT);
    }

    @Test
    @DisplayName("'&' says 'and' ('Invent & Simplify'), 'R&D' stays two letters; '2h40m' is one amount with its unit")
    void ampersandsAndGluedDurations() {
        assertThat(Words.tokenize(Words.normalise("I did Invent & Simplify in R&D.")))
                .containsExactly("i", "did", "invent", "and", "simplify", "in", "r", "d");
        // as "40min" is two words; "0h00m" is a blank left in a template, not a time
        assertThat(Words.tokenize("2h40m 3m20s 0h00m")).containsExactly("160", "min", "200", "s", "0h00m");
    }
}
