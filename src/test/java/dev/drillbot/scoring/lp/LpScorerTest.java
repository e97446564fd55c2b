package dev.drillbot.scoring.lp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.Source;
import dev.drillbot.core.bank.Difficulty;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LpScorer")
class LpScorerTest {
    /** The plan cap's line in the feedback ("this describes what you would do, not what you did"). */
    private static final java.util.function.Predicate<String> PLAN_CAP =
            l -> l.startsWith("Capped at") && l.contains("what you would do");
    /** The no-result cap's line in the feedback. */
    private static final java.util.function.Predicate<String> NO_RESULT = l -> l.contains("the story has no result");

    private final LpScorer scorer = Answers.scorer();
    private final Score strong = scorer.score(Answers.question(Principle.OWNERSHIP), Answers.OWNERSHIP_STRONG);

    private static double dim(Score s, String name) {
        return s.dimensions().stream().filter(d -> d.name().equals(name)).findFirst()
                .map(DimensionScore::score).orElseThrow();
    }

    private static String line(Score s, String prefix) {
        return s.feedback().stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    @Test
    @DisplayName("a first-person STAR story with numbers and a learning is rated strong")
    void strongStory() {
        assertThat(strong.verdict()).isEqualTo(Verdict.STRONG);
        assertThat(strong.total()).isGreaterThanOrEqualTo(80);
        assertThat(strong.dimensions()).extracting(DimensionScore::name).containsExactly(
                "ownership", "impact", "principle fit", "structure", "specificity", "concision");
        assertThat(strong.dimensions()).allMatch(d -> d.max() == 4);
        assertThat(line(strong, "STAR(L) found:")).isEqualTo("STAR(L) found: Situation, Task, Action, Result, Learning");
    }

    @Test
    @DisplayName("feedback starts with the length, leaves score and bars to the renderer, and ends with terms and words")
    void feedbackLayout() {
        List<String> f = strong.feedback();
        assertThat(strong.verdict().label()).isEqualTo("strong");
        assertThat(f.get(0)).matches("Length: 2\\d\\d words");
        assertThat(f).noneMatch(l -> l.startsWith("Score ") || l.contains("█"));
        assertThat(f.get(1)).startsWith("Fix 1: ");
        assertThat(line(strong, "Ownership terms found:")).contains("\"nobody owned\"").contains("\"runbook\"");
        assertThat(line(strong, "Most-used words:")).matches("Most-used words: \\w+ x\\d+.*");
        assertThat(f).noneMatch(l -> l.contains("**") || l.contains("`") || l.contains("\n"));
    }

    @Test
    @DisplayName("an answer with every dimension in full is not asked about any of them (no follow-up here)")
    void noFollowUpOnWhatWasAnsweredInFull() {
        Rubric rubric = RubricReader.read(java.nio.file.Path.of("config/rubric"), new java.util.ArrayList<>()).orElseThrow();
        Lexicon lexicon = new Lexicon(rubric);
        var q = Answers.question(Principle.OWNERSHIP);
        Assessment x = Assessment.of(new AnswerAnalysis(Answers.OWNERSHIP_STRONG, q.prompt(), lexicon, rubric), lexicon,
                rubric, q.principles());
        x.scores.replaceAll((d, v) -> 4.0);
        x.caps.clear();
        // every probe of the question asks about ownership, a measured result or a lesson: all answered
        assertThat(new FeedbackWriter(rubric, lexicon).followUp(x, q)).isEmpty();
    }

    @Test
    @DisplayName("the follow-up never asks about a dimension the answer already has in full")
    void followUpNeverAsksWhatWasAnswered() {
        Map<String, String> asks = Map.of("ownership", "not the team", "impact", "measure", "structure", "differently");
        long full = asks.keySet().stream().filter(d -> dim(strong, d) == 4).count();
        assertThat(full).as("the strong answer has some dimension in full").isPositive();
        asks.forEach((d, words) -> {
            if (dim(strong, d) == 4) {
                assertThat(strong.followUp()).as("asks about %s", d).doesNotContainIgnoringCase(words);
            }
        });
    }

    @Test
    @DisplayName("telling the same story with \"we\" drops ownership, caps the score and quotes the \"we\" sentence")
    void weInsteadOfI() {
        Score we = scorer.score(Answers.question(Principle.OWNERSHIP), Answers.OWNERSHIP_WE);
        assertThat(we.total()).isLessThan(strong.total() - 30);
        assertThat(dim(we, "ownership")).isZero();
        assertThat(we.feedback()).anyMatch(l -> l.startsWith("Capped at 35: no sentence says what you did yourself"));
        assertThat(line(we, "Fix 1:")).startsWith("Fix 1: Ownership:").contains("\"We read three weeks of task logs")
                .contains("\"I ...\"");
        assertThat(we.followUp()).isEqualTo("What did you do, not the team?");
    }

    @Test
    @DisplayName("an \"I would / I usually\" answer is capped as hypothetical and the habit is quoted back")
    void hypothetical() {
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), Answers.OWNERSHIP_HYPOTHETICAL);
        assertThat(s.total()).isLessThanOrEqualTo(40);
        assertThat(s.verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(dim(s, "specificity")).isLessThanOrEqualTo(1);
        assertThat(line(s, "Fix 1:")).isEqualTo("Fix 1: Specificity: \"If a pipeline had no owner, I would take it on "
                + "myself\" describes a habit, not an event - tell one real time, in the past tense.");
    }

    @Test
    @DisplayName("repeating the strongest sentences does not raise the score")
    void repetitionDoesNotPay() {
        String padded = Answers.OWNERSHIP_STRONG + ("\nI wrote a runbook and an alert that paged the owner. "
                + "As a result, failures dropped from eight a month to zero.").repeat(4);
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), padded);
        assertThat(s.total()).isLessThanOrEqualTo(strong.total());
    }

    @Test
    @DisplayName("a list of rubric keywords and principle names is capped as stuffing")
    void keywordStuffing() {
        String stuffed = """
                Ownership, customer obsession, bias for action, deliver results, dive deep. I took ownership and \
                showed customer obsession and bias for action and deliver results. Nobody owned it, runbook, alert, \
                automated, root cause, 50% 10x $1M saved. Runbook alert monitoring mechanism root cause follow-up \
                end-to-end. As a result I reduced cost by 40% and improved latency by 90%.
                """;
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), stuffed);
        assertThat(s.total()).isLessThanOrEqualTo(30);
        assertThat(s.feedback().get(1)).matches("(Capped at \\d+|Note): \\d of \\d sentences are keyword lists.*");
    }

    @Test
    @DisplayName("empty corporate phrases count like recited principle names: a sentence of them is stuffing")
    void buzzwordStuffing() {
        String buzz = """
                As a lifelong learner with a growth mindset I am always experimenting. I leveraged a cutting-edge \
                lakehouse to drive data-driven insights and actionable insights. I embraced failure, aligned \
                stakeholders and owned the narrative across the org. It resulted in 40% better agility and a culture \
                of innovation.
                """;
        Score s = scorer.score(Answers.question(Principle.LEARN_AND_BE_CURIOUS), buzz);
        assertThat(s.total()).isLessThanOrEqualTo(40);
    }

    @Test
    @DisplayName("bare percentages with nothing named and no time make nothing concrete; a count or a name does")
    void barePercentagesAreNotConcrete() {
        String salad = """
                In my last role I made the call on which pipeline design to use when the information was \
                incomplete. I looked at the options, asked the people involved and picked the simpler one. As a \
                result I improved reliability by 40%, reduced costs by 30% and increased satisfaction by 25%.
                """;
        Score bare = scorer.score(Answers.question(Principle.ARE_RIGHT_A_LOT), salad);
        assertThat(bare.feedback()).anyMatch(l -> l.contains("nothing in it is concrete"));
        Score counted = scorer.score(Answers.question(Principle.ARE_RIGHT_A_LOT),
                salad.replace("picked the simpler one", "picked the simpler one for our 14 nightly jobs"));
        assertThat(counted.feedback()).noneMatch(l -> l.contains("nothing in it is concrete"));
        assertThat(counted.total()).isGreaterThan(bare.total());
    }

    @Test
    @DisplayName("numbers that set the scene make a story concrete, not only numbers in its result")
    void sceneNumbersAreConcrete() {
        String story = """
                While profiling the training data for a credit model, I noticed applicants from rural areas were \
                about 4% of the rows against 15% of customers. I raised it with the data science lead, tracked down \
                the old branch records and wrote a job that brought about 18,000 branch applications into the \
                training set. The data science team used the extended data for the next model.
                """;
        Score s = scorer.score(Answers.question(Principle.BROAD_RESPONSIBILITY), story);
        assertThat(s.feedback()).noneMatch(l -> l.contains("nothing in it is concrete"));
    }

    @Test
    @DisplayName("a story about what the question asked counts as evidence of its principle, in the story's own words")
    void answeringTheQuestionIsEvidence() {
        String story = """
                At a marketplace I saw that four product squads tracked the same user events under different \
                names. I proposed one shared tracking plan and went to each squad's tech lead with their own broken \
                funnel. I offered to write the first schemas myself so their cost was only the review, and I agreed \
                with the head of product that no feature would ship without its events in the catalogue. Within two \
                quarters all four squads had committed, and we had 140 events in the catalogue instead of 400.
                """;
        Score asked = scorer.score(Answers.question(Principle.THINK_BIG,
                "Tell me about a time you got several squads to commit to a shared tracking initiative."), story);
        var otherQuestion = Answers.question(Principle.THINK_BIG,
                "Tell me about a time you set a long-term vision that others doubted.");
        Score other = scorer.score(otherQuestion, story);
        assertThat(asked.total()).isGreaterThan(other.total());
        assertThat(scorer.explain(Answers.question(Principle.THINK_BIG,
                "Tell me about a time you got several squads to commit to a shared tracking initiative."), story))
                .anyMatch(l -> l.startsWith("Principle: Think Big") && l.contains("the question's own terms"));
        assertThat(scorer.explain(otherQuestion, story)).noneMatch(l -> l.contains("the question's own terms"));
    }

    @Test
    @DisplayName("a story for another principle is named as such in the principle-fit feedback")
    void wrongPrinciple() {
        Score s = scorer.score(Answers.question(Principle.CUSTOMER_OBSESSION), Answers.FRUGALITY_STORY);
        assertThat(s.feedback()).anyMatch(l -> l.contains("Principle fit: this story reads more like Frugality")
                && l.contains("than Customer Obsession"));
        Score right = scorer.score(Answers.question(Principle.FRUGALITY), Answers.FRUGALITY_STORY);
        assertThat(right.total()).isGreaterThan(s.total());
        assertThat(right.feedback()).noneMatch(l -> l.contains("reads more like"));
    }

    @Test
    @DisplayName("past three minutes of speech the feedback asks to cut the answer and names no other principle from its tangents")
    void longAnswerGetsNoOtherPrincipleNote() {
        StringBuilder tangents = new StringBuilder(Answers.FRUGALITY_STORY.strip());
        String[] asides = {"the office had moved floors that spring", "our team lunch was on Thursdays",
            "the coffee machine on our floor was broken for a month", "my manager was on leave for two weeks",
            "we had a new intern from the university", "the quarterly review was moved to a Friday",
            "the wifi in the meeting rooms kept dropping", "I was also learning Go in the evenings"};
        for (int i = 0; tangents.toString().split("\\s+").length < 470; i++) {
            tangents.append(" Around week ").append(i + 2).append(", ").append(asides[i % asides.length])
                    .append(", which slowed some of the reviews down a little while I kept going with the work.");
        }
        Score s = scorer.score(Answers.question(Principle.CUSTOMER_OBSESSION), tangents.toString());
        assertThat(s.feedback()).noneMatch(l -> l.contains("reads more like"));
        assertThat(s.feedback()).anyMatch(l -> l.startsWith("Fix") && l.contains("Concision: ") && l.contains("aim for 200-400"));
        // --explain still shows the reading it held back
        assertThat(scorer.explain(Answers.question(Principle.CUSTOMER_OBSESSION), tangents.toString()))
                .anyMatch(l -> l.startsWith("Principle: ") && l.contains("not named past 450 words"));
        // the same story at its own length is told that it fits Frugality (see wrongPrinciple)
        assertThat(scorer.score(Answers.question(Principle.CUSTOMER_OBSESSION), Answers.FRUGALITY_STORY).feedback())
                .anyMatch(l -> l.contains("reads more like Frugality"));
    }

    @Test
    @DisplayName("a story that shows only a question's second principle is named as that principle, not credited to the question")
    void storyOfTheSecondListedPrincipleAnswersAnotherQuestion() {
        String prompt = "Tell me about a time you considered the wider footprint of a data system, such as energy use.";
        LpQuestion footprint = new LpQuestion("test-footprint", "Footprint", prompt, Difficulty.MEDIUM,
                List.of(Principle.BROAD_RESPONSIBILITY, Principle.FRUGALITY), List.of("Names the wider effect"),
                List.of("Why did it matter beyond cost?"), List.of(), new Source("test.yaml", 1, Map.of()));
        // a plain cost cut: it never looks past the bill, so it answers a Frugality question, not this one
        Score costCut = scorer.score(footprint, Answers.FRUGALITY_STORY);
        Score asFrugality = scorer.score(Answers.question(Principle.FRUGALITY), Answers.FRUGALITY_STORY);
        assertThat(costCut.feedback()).anyMatch(l -> l.contains("this story reads more like Frugality")
                && l.contains("than Success and Scale Bring Broad Responsibility"));
        assertThat(costCut.total()).isLessThan(asFrugality.total() - 15);
        // one phrase of the asked principle tacked on does not make it this question's story
        Score tackedOn = scorer.score(footprint, Answers.FRUGALITY_STORY.strip() + " One of the buckets also held personal data.");
        assertThat(tackedOn.total()).isLessThan(asFrugality.total() - 15);
        assertThat(scorer.explain(footprint, Answers.FRUGALITY_STORY)).anyMatch(l -> l.startsWith("Principle: ")
                && l.contains("reads more like Frugality") && l.contains("only Success and Scale Bring Broad Responsibility is"
                        + " credited: the story reads as Frugality, which the question lists after it"));
        // the same kind of work told for its effect beyond the bill is this question's story, and saving money
        // on the way costs it nothing
        String wider = """
                In 2024 I owned the clickstream pipeline at a retailer. Reading our cloud provider's carbon report, I \
                noticed our nightly backfill recomputed three years of history, burning about 2,000 compute hours a \
                month for data that never changed. I raised it with our sustainability lead, because the company had \
                promised customers a lower footprint, and I rewrote the job to process only new partitions and moved \
                it to a region that runs on renewable power. Compute hours fell from 2,000 to 150 a month, the \
                reported emissions of the pipeline dropped by about 90%, and the bill fell by a third as a side effect.
                """;
        Score shown = scorer.score(footprint, wider);
        assertThat(shown.feedback()).noneMatch(l -> l.contains("reads more like"));
        assertThat(shown.total()).isGreaterThan(costCut.total());
    }

    @Test
    @DisplayName("a reply to the probe is scored as part of the answer: adding the measured result raises impact")
    void replyToProbeAddsToTheAnswer() {
        String noNumbers = """
                Last spring our Airflow DAG for seller payouts kept failing and nobody owned it after a reorg. \
                I took it on even though I was on another team, because sellers were getting paid late. I read the \
                task logs, found that a Glue crawler changed the schema of the input table, and I pinned the schema \
                and added a validation step that fails fast with a clear message. I also wrote a runbook and set \
                up an alert to the new owning team. In the end the payouts were on time again. I learned to \
                check schema drift first.
                """;
        var q = Answers.question(Principle.OWNERSHIP);
        Score before = scorer.score(q, noNumbers);
        assertThat(before.followUp()).isEqualTo("How did you measure success?");
        Score after = scorer.score(q, noNumbers + "\n\n" + "Late payouts dropped from 14 a week to zero within a "
                + "month, and support tickets about payouts fell by 80%.");
        assertThat(dim(after, "impact")).isGreaterThan(dim(before, "impact"));
        assertThat(after.total()).isGreaterThan(before.total());
    }

    @Test
    @DisplayName("a reply to \"What did you do, not the team?\" that names your own steps raises ownership")
    void replyWithOwnSteps() {
        var q = Answers.question(Principle.OWNERSHIP);
        Score before = scorer.score(q, Answers.OWNERSHIP_WE);
        assertThat(before.followUp()).isEqualTo("What did you do, not the team?");
        Score after = scorer.score(q, Answers.OWNERSHIP_WE + "\n\nTo be precise about my part: I read the task logs "
                + "myself, I rewrote the sensor to wait for the manifest, and I wrote the runbook and the alert. "
                + "My teammate reviewed the change and ran the backfill.");
        assertThat(dim(after, "ownership")).isGreaterThan(dim(before, "ownership"));
        assertThat(after.total()).isGreaterThan(before.total());
        assertThat(after.feedback()).noneMatch(l -> l.startsWith("Capped at 35"));
    }

    @Test
    @DisplayName("an answer typed without full stops scores close to the same answer with them")
    void runOnAnswer() {
        var q = Answers.question(Principle.OWNERSHIP);
        String runOn = Answers.OWNERSHIP_STRONG.replace(". ", ", ").replace(".\n", ",\n").replace("\n\n", " ");
        assertThat(scorer.score(q, runOn).total()).isBetween(strong.total() - 15, strong.total());
    }

    @Test
    @DisplayName("empty, absurd or foreign input never throws")
    void robust() {
        var q = Answers.question(Principle.DIVE_DEEP);
        Score empty = scorer.score(q, "   ");
        assertThat(empty.total()).isZero();
        assertThat(empty.verdict()).isEqualTo(Verdict.NOT_YET);
        assertThat(scorer.score(q, null).total()).isZero();
        assertThat(scorer.score(q, "%%% $$$ →→ 1,2,3 ... !!! \u0000 " + "x".repeat(50_000)).total()).isBetween(0, 100);
        assertThat(scorer.score(q, "I I I I I I I I. we we we. 1 2 3 4 5 %").total()).isLessThan(30);
        SqlQuestion sql = new SqlQuestion("s", "t", "p", Difficulty.EASY, List.of(), "", List.of(), "select 1", null,
                List.of(), 0, List.of(), List.of(), List.of(), new Source("f", 1, Map.of()));
        assertThat(scorer.score(sql, "select 1").feedback()).containsExactly(
                "This is not a Leadership Principle question; the LP scorer cannot grade it.");
    }

    @Test
    @DisplayName("scoring is deterministic across threads")
    void threadSafe() {
        var q = Answers.question(Principle.OWNERSHIP);
        List<Score> scores = IntStream.range(0, 64).parallel()
                .mapToObj(i -> scorer.score(q, i % 2 == 0 ? Answers.OWNERSHIP_STRONG : Answers.OWNERSHIP_WE)).toList();
        for (int i = 0; i < scores.size(); i++) {
            Score expected = i % 2 == 0 ? strong : scorer.score(q, Answers.OWNERSHIP_WE);
            assertThat(scores.get(i)).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("a short answer that is complete on every other dimension is tight, not thin; a short one with a gap stays thin")
    void tightIsNotThin() {
        String tight = "I was sure our 4% daily overcount of orders came from Kafka duplicates, and I had already written a"
                + " dedup job. Before shipping it I checked one day of raw events by hand: only 0.2% turned out to be true duplicates."
                + " The rest were orders placed just before midnight UTC that our Sydney job counted in two local days. I"
                + " fixed the date boundary in the dbt model instead, the overcount went from 4% to 0.03%, and I deleted the"
                + " dedup job.";
        var q = Answers.question(Principle.ARE_RIGHT_A_LOT);
        assertThat(dim(scorer.score(q, tight), "concision")).isEqualTo(3.0);
        String noResult = tight.substring(0, tight.indexOf(" I fixed")) + " I told my lead what I had found.";
        assertThat(dim(scorer.score(q, noResult), "concision")).isLessThan(2.0);
    }

    @Test
    @DisplayName("length costs concision continuously: a few words across the ideal range's edge never cost a whole point")
    void lengthCostsNoStep() {
        var q = Answers.question(Principle.OWNERSHIP);
        String base = Answers.OWNERSHIP_STRONG.strip();
        StringBuilder padded = new StringBuilder(base);
        // five words at a time: the first length past 400 is 401-405, and the one before it is inside the range
        while (scorer.score(q, padded.toString()).feedback().stream().noneMatch(l -> l.matches("Length: 40[1-5] words"))) {
            padded.append(" The rota stayed the same.");
        }
        String over = padded.toString();
        String under = over.substring(0, over.lastIndexOf(" The rota stayed the same."));
        double inside = dim(scorer.score(q, under), "concision");
        double outside = dim(scorer.score(q, over), "concision");
        assertThat(outside).isLessThan(inside).isGreaterThan(inside - 0.25);
        // far over the range it still costs points: a 700-word answer is told to cut
        assertThat(dim(scorer.score(q, (over + " ").repeat(2)), "concision")).isLessThan(inside - 2);
    }

    @Test
    @DisplayName("a story retold in the present that says \"every one of them\" of the things it found is no routine")
    void everyOneOfThemIsNoRoutine() {
        String story = "So it's my first month as the lead on the reporting team, and I'm going through our Airflow DAGs,"
                + " and every one of them is a copy of the same 300-line script with a different table name. Nobody"
                + " tests them, and every schema change has to be made by hand in eleven files. I don't accept that as"
                + " our standard. I write one parameterised DAG factory with unit tests and the table list in a YAML"
                + " file, and I move the two noisiest DAGs onto it first as the example. Then I ask for new tables to go"
                + " through the factory in review, politely but every time, and I add a CI check that fails on a copied"
                + " DAG. A couple of people push back about the extra step. After two months all eleven DAGs are on the"
                + " factory, and the last schema change took one line instead of eleven files.";
        Score s = scorer.score(Answers.question(Principle.INSIST_ON_THE_HIGHEST_STANDARDS), story);
        assertThat(s.feedback()).noneMatch(PLAN_CAP);
        assertThat(s.total()).isGreaterThanOrEqualTo(60);
    }

    @Test
    @DisplayName("a short story strong on average whose one soft spot is an unmeasured outcome is tight too")
    void tightWithQuietResult() {
        String story = "At 6am on 3 March our payments dashboard in Looker showed refunds far above the usual level,"
                + " and the finance director would read it at 9. I could not yet tell whether it was real, but the refunds"
                + " table in Redshift had doubled its row count right after a Kafka consumer restart. Rather than wait, I"
                + " paused the dashboard refresh, posted a banner saying the numbers were under review, and removed the"
                + " duplicate events by event_id in a staging copy. Refunds fell back to normal and the replay was confirmed."
                + " Finance never saw the false spike.";
        var q = Answers.question(Principle.BIAS_FOR_ACTION);
        Score s = scorer.score(q, story);
        assertThat(dim(s, "impact")).isLessThan(2.0);
        assertThat(dim(s, "concision")).isEqualTo(3.0);
    }

    @Test
    @DisplayName("an outcome told without numbers after the steps earns impact; none at all earns none")
    void observedResultCounts() {
        String steps = "Our buyers kept asking in a Slack channel for the same weekly sales cuts, about twenty requests a"
                + " week, and I was answering them by hand. I built one Looker explore over the sales mart in Redshift with"
                + " the six cuts they asked for most, wrote a one-page guide, and sat with two buyers while they used it.";
        var q = Answers.question(Principle.INVENT_AND_SIMPLIFY);
        double without = dim(scorer.score(q, steps), "impact");
        double with = dim(scorer.score(q, steps + " After that the requests in the channel mostly dried up, and the buyers"
                + " started sharing their own reports in the team review."), "impact");
        assertThat(with).isGreaterThan(without);
    }

    @Test
    @DisplayName("a playbook or a plan told in the present is capped like \"I would\"; one occasion retold in the present is not")
    void presentTensePlaybookIsAPlan() {
        var q = Answers.question(Principle.DIVE_DEEP);
        Score playbook = scorer.score(q, "When a dashboard number looks wrong I open the Airflow logs and the Spark UI first."
                + " Then I trace the lineage back table by table in Redshift until the counts stop matching. I compare row"
                + " counts between source and warehouse and group by the suspicious columns. Usually the cause is a"
                + " duplicate join key or a timezone shift, so I fix the transformation and backfill the partitions. The"
                + " error rate on those reports typically drops by 90%.");
        assertThat(playbook.feedback()).anyMatch(l -> l.contains("what you would do"));
        Score retold = scorer.score(q, "So it's a Monday in March and the revenue dashboard is 6% low. I open the Airflow"
                + " logs and the Spark UI for the nightly job. I trace the lineage back table by table in Redshift until the"
                + " counts stop matching at the orders join. I find a duplicate key from a new region and fix the"
                + " transformation, then I backfill the four partitions. By Tuesday the dashboard matches the ledger to the"
                + " cent.");
        assertThat(retold.feedback()).noneMatch(l -> l.contains("what you would do"));
    }

    @Test
    @DisplayName("an answer summing up many occasions or describing the candidate is capped and told to pick one time")
    void generalisationIsCapped() {
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), "Throughout my career I have picked up the work"
                + " nobody owned. At my last three companies I stepped in when a pipeline fell between teams. In each case I"
                + " added alerts, wrote runbooks and put quality checks in place. As a result incidents dropped by 60% and"
                + " pages fell from 20 a week to 3.");
        assertThat(s.total()).isLessThan(45);
        assertThat(s.feedback()).anyMatch(l -> l.contains("tell one time it happened"));
    }

    @Test
    @DisplayName("one buzzword per sentence still adds up: five across the answer make it a recital")
    void buzzwordsAcrossTheAnswerAreStuffing() {
        Score s = scorer.score(Answers.question(Principle.THINK_BIG), "In my previous role I was asked for one report and"
                + " saw a chance to think much bigger. I reframed it around a bold vision for the whole organisation. I"
                + " built a holistic platform that every business unit could use. I secured executive buy-in from the"
                + " leadership team. I drove alignment across product, finance and operations, and teams onboarded"
                + " seamlessly. As a result adoption grew"
                + " ten times within a year.");
        assertThat(s.total()).isLessThan(40);
        assertThat(s.feedback()).anyMatch(l -> l.contains("buzzwords"));
    }

    @Test
    @DisplayName("quotes from reviews about the candidate are not a story")
    void testimonialsAreNotAStory() {
        Score s = scorer.score(Answers.question(Principle.BROAD_RESPONSIBILITY), "The best answer is what others have"
                + " written. In my performance review my manager wrote that I push the team to keep only the data we"
                + " need. A principal engineer wrote in my promotion packet that I shortened retention on sensitive tables"
                + " from years to 90 days. Analysts said in 360 feedback that I explain privacy trade-offs clearly. As a"
                + " result I was promoted and my retention standard is used across the platform.");
        assertThat(s.total()).isLessThan(45);
    }

    @Test
    @DisplayName("slot names left in a template (COMPANY_NAME, TOOL_1, from X to Y) make it a template")
    void slotNamesAreATemplate() {
        assertThat(Assessment.isTemplate("At COMPANY_NAME I traced the failures in TOOL_1 and fixed them.")).isTrue();
        assertThat(Assessment.isTemplate("Failures went from Y per week to Z per week, and freshness improved by Y%.")).isTrue();
        assertThat(Assessment.isTemplate("I rebuilt FACT_ORDERS and DIM_CUSTOMER from the raw files in two days.")).isFalse();
        // columns and paths of a real story are not slots: STATUS_CHANGE_DATE, ACCOUNT_NUMBER, s3://events/raw/{date}/
        assertThat(Assessment.isTemplate("I compared STATUS_CHANGE_DATE with the billing events and mapped every old"
                + " ACCOUNT_NUMBER to its new one.")).isFalse();
        assertThat(Assessment.isTemplate("The files sat under s3://tw-events/raw/{date}/ in the US date format.")).isFalse();
        assertThat(Assessment.isTemplate("At {company} I fixed the {system} loader.")).isTrue();
    }

    @Test
    @DisplayName("code is not a slot, a slot in code's braces is: {{ds}} is Airflow's, {{company}} is a template's")
    void doubleBraceSlotNamedLikeASlotIsASlot() {
        assertThat(Assessment.isTemplate("I keyed the partition on {{ds}} and reran it for ${run_date}.")).isFalse();
        assertThat(Assessment.isTemplate("At {{company}} in 2023 I traced it to {{root_cause}}.")).isTrue();
    }

    @Test
    @DisplayName("a slot quoted from the system once ('\"Hi [First Name],\"') or a label on a measurement ('48 min (after)') is no slot")
    void quotedSlotAndMeasurementLabelAreNoSlots() {
        assertThat(Assessment.isTemplate("braze sent 38k emails starting \"Hi [First Name],\" because the field was empty"))
                .isFalse();
        // quoting every slot is still a template: only one quoted slot is the system's
        assertThat(Assessment.isTemplate("At \"[company]\" I cut runtime by \"[number]\" hours.")).isTrue();
        assertThat(Assessment.isTemplate("Build time 3 h 12 min (before) vs 48 min (after); cost $410 (before) vs $130 (after)."))
                .isFalse();
        assertThat(Assessment.isTemplate("Runtime went from (before) to (after) at (company).")).isTrue();
    }

    @Test
    @DisplayName("one occasion told with \"every\" in it (\"every day\", \"every 500 rows\") is a story, not a routine told as a plan")
    void everyInsideAStoryIsNotARoutine() {
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), "ok so this was last spring. support kept saying the"
                + " refunds report was short every monday. i dug in and it wasn't our dbt model at all, the payments team's"
                + " export skipped the last row of every 1000 when it paged. their queue was weeks long and it was costing"
                + " our finance folks hours every day, so i opened a PR on their repo with the fix and a test. they merged it"
                + " that week. after that refunds matched the ledger and the support tickets about it stopped.");
        assertThat(s.feedback()).noneMatch(l -> l.contains("what you would do"));
        assertThat(s.total()).isGreaterThan(45);
    }

    @Test
    @DisplayName("\"At my previous company\" places a present-tense retelling in the past: a story, not a plan")
    void previousCompanyPlacesTheStory() {
        Score s = scorer.score(Answers.question(Principle.CUSTOMER_OBSESSION), "At my previous company the sales team"
                + " ask me to load all leads from three CRMs into one table, around 400 thousand rows each day. When I talk"
                + " with the sales managers I understand they only use the leads from this week. So I build a small table"
                + " with only the new leads and a Slack summary. The managers said it saves them an hour in the morning and"
                + " they stopped asking for the full export.");
        assertThat(s.feedback()).noneMatch(l -> l.contains("what you would do"));
    }

    @Test
    @DisplayName("a short opener (\"It's spring last year.\") places a present-tense retelling in the past")
    void shortOpenerPlacesTheStory() {
        String retold = " I run the nightly billing export to our partners, and I notice the file has doubled in size."
                + " I open the job and see a join that fans out on a duplicated customer key. I add a uniqueness test on"
                + " the key, rerun the export and call the two partners who have the bad file. Both partners now load a"
                + " file of the normal size, and the test catches the same key twice in the following month.";
        var q = Answers.question(Principle.OWNERSHIP);
        assertThat(scorer.explain(q, "It's spring last year." + retold)).noneMatch(l -> l.startsWith("Cap hypothetical"));
        // without the opener, nothing says it happened once: the same steps read as a playbook
        assertThat(scorer.explain(q, retold.strip())).anyMatch(l -> l.startsWith("Cap hypothetical"));
    }

    @Test
    @DisplayName("a story about a supplier's data feed is a work story")
    void supplierFeedIsWork() {
        Score s = scorer.score(Answers.question(Principle.BIAS_FOR_ACTION), "At a grocery chain a supplier feed started"
                + " sending weights in grams instead of kilos one night, with no warning at all. I noticed the stock"
                + " valuation had jumped a thousandfold for that one supplier, so I quarantined that supplier's feed and"
                + " marked it as late rather than hold back everything for everyone else. The next morning the supplier"
                + " confirmed the change on a call and I added a conversion step. Every other supplier's numbers went out"
                + " on time.");
        assertThat(s.feedback()).noneMatch(l -> l.contains("never touch your work"));
    }

    @Test
    @DisplayName("the principle-fit advice follows the question: a failure you caused is not told to say it was not your job")
    void adviceFitsTheQuestion() {
        dev.drillbot.core.bank.LpQuestion failure = (dev.drillbot.core.bank.LpQuestion)
                new dev.drillbot.adapter.files.QuestionBankLoader().loadDirectory(java.nio.file.Path.of("questions/lp"))
                        .bank().all().stream().filter(q -> q.id().equals("lp-ownership-02")).findFirst().orElseThrow();
        // concrete enough that principle fit is among the three weakest dimensions, so its advice is given
        Score s = scorer.score(failure, "Last spring a change of mine to the orders job in Airflow broke the finance"
                + " dashboard in Redshift for a day. I was asked about it by my manager on Monday and I explained what the"
                + " job does and why it ran late. After that the dashboard errors went from 12 a week to 0 over the next 3"
                + " weeks and we moved on to the next sprint with the rest of the backlog.");
        assertThat(line(s, "Fix")).isNotEmpty();
        assertThat(s.feedback()).filteredOn(l -> l.contains("Principle fit:"))
                .allSatisfy(l -> assertThat(l).doesNotContain("not your job"));
        assertThat(s.feedback()).anyMatch(l -> l.contains("Principle fit:"));
    }

    @Test
    @DisplayName("an answer with no number, no named system and no time is capped below solid, and told why")
    void nothingConcreteIsCapped() {
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), """
                Our data platform had a serious reliability problem that nobody owned, and it was hurting the business and the trust of our stakeholders.
                I noticed it before anyone else and I took it on myself, because I believed somebody had to act.
                I analysed the situation carefully and I talked to the people who depended on the platform to understand their pain.
                I designed a robust and scalable solution with a clear vision and a long-term roadmap.
                I wrote a proposal, I shared it with the leadership team and I got their support.
                I worked closely with the stakeholders and I delivered the solution end to end, including the documentation and a runbook for the support team.
                I also set up an alert so that the problem could not come back without somebody noticing.
                As a result the problem was solved, the stakeholders were happy and the platform became much more reliable.
                I learned that ownership means acting before being asked and following through until the problem is really gone.""");
        assertThat(s.total()).isLessThanOrEqualTo(55);
        assertThat(s.feedback()).anyMatch(l -> l.startsWith("Capped at") && l.contains("nothing in it is concrete"));
    }

    @Test
    @DisplayName("a short list of terse metric claims cannot reach solid: too short is capped, and told why")
    void claimListIsCapped() {
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), """
                Last year our nightly Spark pipeline on Redshift was slow and nobody owned it.
                Rewrote the joins. Reduced cost 90%. Improved latency 80%. Cut errors 70%. Lowered spend 60%.
                Increased freshness 50%. Decided I would own it going forward.
                Learned a lot about ownership and took ownership of the pipeline.""");
        assertThat(s.total()).isLessThanOrEqualTo(55);
        assertThat(s.feedback()).anyMatch(l -> l.startsWith("Capped at") && l.contains("list of claims"));
    }

    @Test
    @DisplayName("a plan told as \"I said I would ...\" throughout is still hypothetical, however past the verbs")
    void reportedIntentionsAreAPlan() {
        Score s = scorer.score(Answers.question(Principle.OWNERSHIP), """
                When a pipeline has no owner, I decided I would take it on myself because someone has to.
                I said I would first check the Airflow logs and the row counts in Redshift to find the root cause.
                Then I explained I would fix the job, add an alert and write a runbook so it cannot happen again.
                I told the team I would measure the runtime before and after, for example from 6 hours to 40 minutes.
                I promised I would follow up every week for a month.
                Last year I learned that ownership means acting without being asked, and I would do the same again.""");
        assertThat(s.total()).isLessThanOrEqualTo(40);
        assertThat(s.feedback()).anyMatch(l -> l.startsWith("Capped at"));
    }

    @Test
    @DisplayName("a routine (\"Every week I check ...\") is capped as hypothetical; a present-tense story placed in the past is not")
    void routineVersusPresentTenseStory() {
        Score routine = scorer.score(Answers.question(Principle.OWNERSHIP), """
                Every week I check the dashboards for pipelines nobody owns.
                I look at the runs and I take ownership of the broken ones.
                I find the root cause and I fix the job.
                I add an alert and a runbook so it cannot recur.
                I measure the runtime before and after, from 6 hours to 40 minutes.
                I follow up with the analysts a week later.
                I keep a checklist so nothing falls through the cracks.
                This means I own problems end to end without being asked, and the team trusts the data in Redshift.""");
        assertThat(routine.total()).isLessThanOrEqualTo(40);
        Score story = scorer.score(Answers.question(Principle.OWNERSHIP), """
                Last year the orders pipeline that fed finance had no owner and it failed most Mondays.
                I take it on although it is not my job, because finance closes the books on those numbers.
                I pull the run history from Airflow and I find a skewed join in the Spark job.
                I rewrite the join with a salted key and I add an alert and a runbook so it cannot recur.
                The runtime goes from 6 hours to 40 minutes and the job has not failed since.
                I learn to look at the data distribution before I add hardware.""");
        assertThat(story.total()).isGreaterThan(60);
    }

    @Test
    @DisplayName("a routine told with frequencies ('whenever a PR comes in I review it', 'every PR') is capped though"
            + " it has no 'every week I'; one occasion retold in the present without a year is a story")
    void routineWithoutAnchorsAndPresentStoryWithoutYear() {
        Score routine = scorer.score(Answers.question(Principle.INSIST_ON_THE_HIGHEST_STANDARDS), """
                On my team I'm known as the one with high standards for our dbt code.
                Whenever a pull request comes in for our dbt project I review it carefully for tests and docs.
                If something is missing I leave comments and I don't approve until it's fixed.
                I also run the changed models locally on a sample before approving.
                I do this for every PR, usually five to ten a week, and I think it keeps quality high.""");
        assertThat(routine.total()).isLessThanOrEqualTo(40);
        Score story = scorer.score(Answers.question(Principle.BIAS_FOR_ACTION), """
                So it's the Thursday before Black Friday and I'm looking at the inventory snapshot in Snowflake.
                A dbt change from the day before has set warehouse_id to null on about 4% of rows.
                The replenishment team runs its forecast off this table at 5 a.m. on Saturday.
                A full rebuild takes eight hours, so I go with a targeted update, but I make it reversible.
                I take a zero-copy clone of the table first, run the update on the clone and compare row counts.
                I message the replenishment lead with what I'm doing and how to roll back.
                The whole thing takes ninety minutes: nulls go from 4% to zero and the forecast runs on time.
                Before I log off I add a not_null test on warehouse_id so the change won't slip through again.""");
        assertThat(story.total()).as("one occasion, retold in the present").isGreaterThan(60);
    }

    @Test
    @DisplayName("a routine told in the present with one stray past verb ('I also read the changelog') and no time of its own"
            + " is capped like a plan (genuine-3-01 in genuine.yaml, retold in the present and placed 'on the Tuesday', is not)")
    void routineWithOneStrayPastVerb() {
        Score routine = scorer.score(Answers.question(Principle.OWNERSHIP), """
                I make a point of keeping our on-call handover tidy. On Fridays I walk through the week's incidents with
                whoever is coming on next. I keep a running doc of flaky DAGs and I update the runbooks when something new
                turns up. I open a ticket for any DAG that pages twice in a week and attach its logs. I also read the Airflow
                changelog before we upgrade. Because of this the next person is rarely surprised by anything.""");
        assertThat(routine.feedback()).anyMatch(PLAN_CAP);
        assertThat(routine.total()).isLessThanOrEqualTo(40);
    }

    @Test
    @DisplayName("\"I ask her to list every figure she doubts\" is a step on one occasion, not a frequency: with one"
            + " bounded weekly check-in the retold story is no routine")
    void listEveryIsNoFrequency() {
        Score s = scorer.score(Answers.question(Principle.EARN_TRUST), """
                So it's May, I'm a month into owning the churn dashboard at a telecom, and I find out the retention team
                has stopped trusting it. Their numbers moved twice without notice, so they keep their own sheet instead.
                I ask their lead, Omar, to list every figure he doesn't believe, and we end up with seven. I go through
                them one at a time over ten days. Four are bugs on our side, mostly a join that drops prepaid accounts;
                three are definitions, and for those I write a short note each and let Omar pick. I add a freshness banner
                to the dashboard and a changelog, and I promise a week's notice before any definition changes. For a month
                I meet Omar for ten minutes every Monday, and I stop once there's nothing left to discuss. By July the team
                has dropped its sheet and questions to us about churn fall from about ten a month to two.""");
        assertThat(s.feedback()).noneMatch(PLAN_CAP);
        assertThat(s.total()).isGreaterThanOrEqualTo(75);
    }

    @Test
    @DisplayName("a story that stops on my leaving it or on meetings about it has no Result; one whose last clause says"
            + " how it came out has")
    void leavingOrMeetingsAreNoResult() {
        String steps = "I owned the orders ingestion at a food delivery company, and while sampling raw Kafka events by hand"
                + " I noticed that iOS order events carried timestamps an hour ahead of the server time. None of our checks"
                + " looked at it, because the field was valid and never null. I dug in and found it only happened on two app"
                + " versions and only for devices set to a time zone east of UTC, so the app was sending local time labelled"
                + " as UTC. I wrote it up with the queries, the affected versions and twenty example events, and opened a"
                + " ticket with the iOS team. ";
        var q = BlindSet.question("lp-dive-deep-05");
        for (String ending : List.of("Shortly after that I moved to a different team, so I handed the ticket over to my replacement.",
                "We had a few meetings about it, and their lead agreed to review it in the next planning cycle.")) {
            Score s = scorer.score(q, steps + ending);
            assertThat(s.feedback()).as(ending).anyMatch(NO_RESULT);
            assertThat(s.total()).as(ending).isLessThanOrEqualTo(55);
        }
        Score outcome = scorer.score(q, steps
                + "By the end of the quarter their lead had shipped the fix, and I moved on to our streaming project.");
        assertThat(outcome.feedback()).noneMatch(NO_RESULT);
        assertThat(outcome.total()).isGreaterThan(60);
    }

    @Test
    @DisplayName("words to the interviewer after the story ('I hope that answers your question') do not hide how it ended")
    void closingRemarksDoNotHideTheOutcome() {
        String story = "Thank you, that's a great question, and it's one of my favourite topics. At my last company I owned the"
                + " nightly Spark job that built merchant risk features, and it had started failing with out-of-memory errors"
                + " two or three times a week. The usual fix was to rerun it, so nobody looked further. I went through the logs"
                + " of the failed runs and saw that they all died on the driver during the same join with the merchant table,"
                + " which Spark was broadcasting because it used to be small. I turned off the broadcast for that join,"
                + " switched it to a sort-merge join and tested it on a week of data. Then I walked the risk team's lead"
                + " through the change, and she moved their morning review back onto our features.";
        var q = BlindSet.question("lp-dive-deep-01");
        Score bare = scorer.score(q, story);
        Score padded = scorer.score(q, story + " So that's my example, and I'm happy to go into more detail on any part of"
                + " it. I hope that answers your question!");
        assertThat(bare.feedback()).noneMatch(NO_RESULT);
        assertThat(padded.feedback()).noneMatch(NO_RESULT);
        assertThat(padded.total()).isGreaterThanOrEqualTo(75);
    }

    @Test
    @DisplayName("'runs have been stable since, and ...' says how it ended, though 'since' closes only its first clause")
    void sinceClosingAClauseIsTheOutcome() {
        Score s = scorer.score(BlindSet.question("lp-ownership-02"), """
                At a pensions firm I found that the month-end valuation job had no owner: it lived in a former colleague's
                personal Airflow folder and failed about one month in three. I moved it into our team's repository, rewrote
                the fragile date logic in dbt with tests for the quarter-end edge cases, and put it on our on-call rota with
                a runbook. I also asked my manager to list it under our team in the service catalogue. Month-end runs have
                been stable since, and the regulator's report has not been late once.""");
        assertThat(s.feedback()).noneMatch(NO_RESULT);
        assertThat(s.feedback()).anyMatch(l -> l.startsWith("STAR(L) found:") && l.split(";")[0].contains("Result"));
    }

    @Test
    @DisplayName("hostile round 29: my own claim 'since', 'since' meaning 'because' and claims inside closing remarks do not"
            + " make the Result")
    void round29ClaimsAreNoResult() throws Exception {
        var attacks = LpGamingAttackTest.entries("attacks.yaml", "attacks");
        for (String id : List.of("attack-29-01", "attack-29-03", "attack-29-04", "attack-29-05")) {
            var attack = attacks.stream().filter(a -> a.get("id").asText().equals(id)).findFirst().orElseThrow();
            Score s = scorer.score(BlindSet.question(attack.get("question").asText()), attack.get("text").asText());
            assertThat(s.feedback()).as(id).anyMatch(NO_RESULT);
        }
    }

    @Test
    @DisplayName("a STAR template with placeholders left in is capped, however complete it looks")
    void templateIsCapped() {
        Score t = scorer.score(Answers.question(Principle.OWNERSHIP), """
                Situation: At [company] our [pipeline] failed every week and nobody owned it.
                Task: I took ownership because the analysts needed fresh numbers by [deadline].
                Action: I read the logs, found the root cause in [system], added an alert and wrote a runbook.
                Result: failures dropped by X% and runtime fell from N hours to 40 minutes.
                Learning: I learned that a lasting mechanism beats a quick fix.""");
        assertThat(t.total()).isLessThanOrEqualTo(25);
        // two kinds of cap (a template, too short): each limit is lowered by the rubric's compound step
        assertThat(t.feedback()).anyMatch(l -> l.startsWith("Capped at 20: placeholders are left in"));
    }

    @Test
    @DisplayName("a list of a few-word claims is capped as fragments, not read as a story")
    void fragmentListIsCapped() {
        Score f = scorer.score(Answers.question(Principle.OWNERSHIP), """
                I led. I owned. I cut costs 40%. Nobody owned it. I added alerts. I wrote the runbook.
                Failures fell to zero. I followed up. Saved $200k a year. I delivered on time.""");
        assertThat(f.total()).isLessThanOrEqualTo(30);
        assertThat(f.feedback()).anyMatch(l -> l.contains("a list of claims, not a story"));
    }

    @Test
    @DisplayName("saying the question back earns nothing and caps the answer")
    void echoOfTheQuestionIsCapped() {
        var q = new dev.drillbot.core.bank.LpQuestion("test-echo", "t",
                "Tell me about a time you took ownership of a failing pipeline that nobody owned.", Difficulty.MEDIUM,
                List.of(Principle.OWNERSHIP), List.of(), List.of(), List.of(), new Source("t.yaml", 1, Map.of()));
        Score e = scorer.score(q, """
                A time I took ownership of a failing pipeline that nobody owned was a real example of ownership.
                I took ownership of the failing pipeline that nobody owned because ownership of a failing pipeline matters.
                Taking ownership of a pipeline nobody owned and that was failing is what I did, and it was fixed in 2023.""");
        assertThat(e.total()).isLessThanOrEqualTo(30);
        assertThat(e.feedback()).anyMatch(l -> l.contains("repeats the question"));
    }

    @Test
    @DisplayName("padding a strong story past 450 words costs points, and past 650 words it cannot be strong")
    void longAnswersCost() {
        var q = Answers.question(Principle.OWNERSHIP);
        StringBuilder pad = new StringBuilder(Answers.OWNERSHIP_STRONG);
        int[] totals = new int[3];
        int k = 0;
        for (int words : new int[] {500, 600, 800}) {
            while (EvalSet.words(pad.toString()) < words) {
                pad.append("\nOn day ").append(++k).append(" of that quarter I also sat in the planning meeting with the")
                        .append(" analysts and we talked through the backlog for a while.");
            }
            totals[words == 500 ? 0 : words == 600 ? 1 : 2] = scorer.score(q, pad.toString()).total();
        }
        assertThat(totals[0]).isLessThan(strong.total());
        assertThat(totals[1]).isLessThan(totals[0]);
        assertThat(totals[2]).isLessThan(80).isLessThan(totals[1]);
    }

    @Test
    @DisplayName("one generic word of the asked principle is not evidence: a well-told story about something else stays capped")
    void oneStrayWordIsNotEvidence() {
        Score hobby = scorer.score(Answers.question(Principle.HIRE_AND_DEVELOP_THE_BEST), """
                In 2022 I decided to run my first half marathon, and I had twelve weeks to get ready for it.
                I built a spreadsheet of my runs and followed a plan with three runs a week and one long run on Sundays.
                After four weeks my knee started to hurt, so I cut the long runs back and added strength training twice a week.
                I tracked my pace after every run and moved the plan by a week when I was sick in March.
                On race day I finished in 1 hour 58 minutes, two minutes under the target I had set in January.
                I learned that a plan I can adjust beats a perfect plan I cannot keep.""");
        assertThat(hobby.total()).isLessThanOrEqualTo(55);
        assertThat(hobby.feedback()).anyMatch(l -> l.contains("Hire and Develop the Best"));
    }

    @Test
    @DisplayName("a number inside one of my steps is not the result: removing the Result paragraph costs points")
    void numberInsideAnActionIsNotTheResult() {
        var q = Answers.question(Principle.CUSTOMER_OBSESSION);
        String actions = """
                In 2023 our product analysts kept losing the event history they needed for cohort studies, because the Kafka topic kept only one day of data. I measured how far back their queries reached and found most needed five days. I increased retention to seven days on the topic and moved older events to S3 in Parquet so the cost stayed flat. I wrote a runbook for the retention settings and set up an alert when the consumer lag passed one hour.""";
        String result = "\nAfter the change the analysts stopped filing tickets about missing history, from about six a month to zero, and the storage bill rose by only 3%.";
        Score full = scorer.score(q, actions + result);
        Score noResult = scorer.score(q, actions);
        assertThat(noResult.total()).isLessThan(full.total() - 10);
        assertThat(line(noResult, "STAR(L) found:")).matches(".*missing: .*Result.*");
    }

    @Test
    @DisplayName("an outcome told in plain words after the actions is the Result, and removing it costs points")
    void plainOutcomeAfterTheActionsIsTheResult() {
        var q = Answers.question(Principle.EARN_TRUST);
        String actions = """
                Our finance team stopped trusting the revenue dashboard I owned after two month-end closes where it disagreed with the ledger. I met their lead, listened to the two cases they had found, and told her plainly that both errors were ours. I traced both errors myself to a late currency file that the daily load silently skipped, added a reconciliation check that blocks publishing when totals differ from the ledger, and sent the finance team a short note after each close with the check's result.""";
        String outcome = " For the next three closes the numbers matched the ledger, and in the fourth month their lead"
                + " asked us to add two more reports.";
        Score full = scorer.score(q, actions.strip() + outcome);
        Score noResult = scorer.score(q, actions.strip());
        assertThat(line(full, "STAR(L) found:")).contains("Action, Result");
        assertThat(noResult.total()).isLessThan(full.total());
    }

    @Test
    @DisplayName("a well-told story from outside work is capped: its actions and results never touch a team, system or data")
    void hobbyStoryIsNotAWorkStory() {
        Score hobby = scorer.score(Answers.question(Principle.LEARN_AND_BE_CURIOUS), """
                Last spring I decided to learn to make Neapolitan pizza at home, because every one I made was flat.
                I read two books on dough, watched a course on fermentation and wrote down every bake in a notebook.
                I tried four flours and changed one thing per bake, such as the water share or the proof time.
                After six weeks I found that a 48-hour cold proof gave the crust I wanted, and my bakes went from flat to airy.
                I learned that changing one thing at a time teaches me faster than changing everything.""");
        assertThat(hobby.total()).isLessThanOrEqualTo(35);
        assertThat(hobby.feedback()).anyMatch(l -> l.contains("tell a story from your job"));
    }

    @Test
    @DisplayName("principle names recited in their -ing and -ed forms cap a slogan answer as stuffing, whatever it measures")
    void inflectedPrincipleNamesAreStuffing() {
        Score slogan = scorer.score(Answers.question(Principle.THINK_BIG), """
                I set a bold, long-term North Star for our analytics platform. Thinking Big and Inventing and Simplifying, I
                drove a lakehouse, streaming-first, self-service, cloud-native transformation across the whole company. I
                aligned stakeholders, Delivered Results and Insisted on the Highest Standards, achieving 10x scale, 50% cost
                reduction and 99.99% reliability, and set us up for the next decade.""");
        assertThat(slogan.total()).isLessThan(40);
        assertThat(slogan.feedback()).anyMatch(l -> l.contains("principle names"));
    }

    @Test
    @DisplayName("a story from outside work is told to bring one from work, not that it reads like another principle")
    void hobbyStoryNamesNoOtherPrinciple() {
        Score fair = scorer.score(Answers.question(Principle.OWNERSHIP), """
                Outside work, every summer I help run the food stall at our village fair. Last year the queue was the thing
                everyone complained about, so before the fair I asked a dozen regular visitors what had bothered them. Most
                said they waited twenty minutes and then found their favourite cakes sold out. I changed the stall so people
                could pre-order by text the week before, set up a second till for cash, and put a board out showing what was
                left. On the day, the longest wait was about five minutes, nothing a pre-order customer wanted ran out, and
                several families told us it was the best stall they had visited. I learned to ask the visitors first instead
                of guessing what they want.""");
        assertThat(fair.feedback()).anyMatch(l -> l.contains("tell a story from your job"));
        assertThat(fair.feedback()).noneMatch(l -> l.contains("reads more like"));
    }

    @Test
    @DisplayName("a short story said to be from outside work is capped as one too, and a 'special tool' is no work word")
    void shortHobbyStory() {
        Score cycling = scorer.score(Answers.question(Principle.THINK_BIG), """
                Outside work I'm really into long-distance cycling. Last year I set myself the goal of riding the length
                of the country, about 1,400 km. I planned the route in stages, bought a new bike, trained all winter
                doing 200 km every weekend, and finished it in 12 days.""");
        assertThat(cycling.total()).isLessThanOrEqualTo(35);
        assertThat(scorer.explain(Answers.question(Principle.THINK_BIG), """
                Outside work I'm really into long-distance cycling. Last year I set myself the goal of riding the length
                of the country, about 1,400 km. I planned the route in stages, bought a new bike, trained all winter
                doing 200 km every weekend, and finished it in 12 days.""")).anyMatch(l -> l.startsWith("Cap not a work story"));
        Score bike = scorer.score(Answers.question(Principle.ARE_RIGHT_A_LOT), """
                This one comes from my weekends: I was sure the rattle on my road bike was the bottom bracket. I spent a
                whole weekend watching repair videos, bought a special tool and took the crank off. The bottom bracket
                was fine; it was a loose bottle-cage bolt. My cycling club laughed about it for weeks. I still ride about
                150 km every weekend when the weather is good, and I check the small bolts first now.""");
        assertThat(bike.feedback()).anyMatch(l -> l.contains("tell a story from your job"));
    }

    @Test
    @DisplayName("a work story whose scene is plainly work is one, even when its steps are told in everyday words")
    void workSceneMakesAWorkStory() {
        Score sales = scorer.score(Answers.question(Principle.HAVE_BACKBONE), """
                At a B2B software firm the head of sales ops wanted the pipeline dashboard to show every open deal at
                full value, and the quarterly numbers looked far healthier than they were. I thought that was misleading,
                because early deals closed about 8% of the time. I told him so in our one-to-one and showed him last year's
                pipeline figures side by side. He pushed back hard and said the reps would lose heart. We argued it out twice, and
                in the end we agreed on the weighted figure as the headline with the raw one underneath.""");
        assertThat(sales.feedback()).noneMatch(l -> l.contains("tell a story from your job"));
        assertThat(sales.total()).isGreaterThan(35);
    }

    @Test
    @DisplayName("a good work story with a single word of the asked principle ('budget') that reads as another principle is off principle")
    void singleGenericWordCapsTheAnswer() {
        String answer = """
                In March 2024 I owned the nightly orders load into Redshift, which failed twice a week on late files.
                I read three weeks of Airflow logs and found that one partner always delivered after 2 am.
                I replaced the fixed start time with a sensor on the partner's manifest file and added a row-count check.
                I also wrote a runbook and an alert that names the missing file, and the budget owner signed it off.
                Failures dropped from eight a month to zero over the next quarter, and the analysts got their numbers by 7 am.""";
        var q = Answers.question(Principle.FRUGALITY);
        Score s = scorer.score(q, answer);
        assertThat(s.total()).isLessThanOrEqualTo(40); // the question was not answered: one stray word is not evidence
        assertThat(scorer.explain(q, answer)).anyMatch(l -> l.startsWith("Cap off principle at ")
                && l.contains("only one word (\"budget\") shows Frugality, and the story shows Ownership"));
        // the story shows Ownership, and the feedback says so
        assertThat(s.feedback()).anyMatch(l -> l.contains("this story reads more like Ownership"));
    }

    @Test
    @DisplayName("ownership counts the steps a terse answer packs into one sentence, not only its sentences")
    void terseStepsCount() {
        String situation = "In March our nightly orders load on Airflow failed twice a week and the finance report was late. ";
        String result = " Failures fell from 8 a month to 0 and the report was on time for the next quarter.";
        Score oneStep = scorer.score(Answers.question(Principle.OWNERSHIP),
                situation + "I traced the failures to a race with the upstream export." + result);
        Score threeSteps = scorer.score(Answers.question(Principle.OWNERSHIP), situation
                + "I traced the failures to a race with the upstream export, rewrote the sensor to wait for its"
                + " manifest and added an alert on late files." + result);
        assertThat(dim(threeSteps, "ownership")).isGreaterThan(dim(oneStep, "ownership"));
    }

    @Test
    @DisplayName("names the writer gives (systems, places, months, acronyms, versions) count as specifics; generic words do not")
    void namedThingsAreSpecific() {
        String named = "In October our Tableau dashboard for the UK showed a spike, and I traced it to the iOS v5.3"
                + " release writing duplicates into Kinesis.";
        java.util.Set<String> found = new java.util.HashSet<>();
        Assessment.namedThings(named, found);
        assertThat(found).contains("october", "tableau", "uk", "ios", "v5.3", "kinesis").doesNotContain("in", "i");
        java.util.Set<String> none = new java.util.HashSet<>();
        Assessment.namedThings("Recently a dashboard showed a spike, and I traced it to an app release writing"
                + " duplicates into a stream.\nSituation: it was a busy week.", none);
        assertThat(none).isEmpty();
        String vague = "Recently a dashboard showed a spike. I traced it to an app release writing duplicates into a"
                + " stream, added a dedupe step and restated the affected days. Duplicates fell from 3,100 to 0.";
        String specific = "In October 2023 our Tableau dashboard showed a spike. I traced it to the iOS v5.3 release"
                + " writing duplicates into Kinesis, added a dedupe step and restated the affected days. Duplicates"
                + " fell from 3,100 to 0.";
        assertThat(dim(scorer.score(Answers.question(Principle.DIVE_DEEP), specific), "specificity"))
                .isGreaterThan(dim(scorer.score(Answers.question(Principle.DIVE_DEEP), vague), "specificity"));
    }

    @Test
    @DisplayName("stand-ins for specifics ('some rows', 'another team', 'a while back') cost specificity, and the feedback quotes them")
    void standInsForSpecificsCost() {
        String specific = """
                In March 2023 the nightly orders load into Redshift started failing twice a week with disk-full errors, and
                the platform team wanted to resize the cluster from 4 to 6 nodes. I checked SVL_QUERY_SUMMARY for the
                failing merge step and saw it spilling 900 GB to disk. The merge joined orders to the tariff table on
                tariff_id alone, and a change in February had started keeping history rows there, so every order matched
                up to 14 versions. I added the validity dates to the join and a uniqueness test on the key, because the
                same mistake would come back with the next history table. The load went from 2 hours to 25 minutes and
                we cancelled the resize, which would have cost $9,000 a month.""";
        String vague = """
                A while back one of the nightly loads into the warehouse started failing a lot with disk-full errors, and
                another team wanted to resize the cluster. I checked some system tables for the failing step and saw it
                spilling a lot of data to disk. The merge joined some data to a reference table on an ID alone, and a
                change at some point had started keeping history rows there, so every record matched several versions. I
                added the right condition to the join and a uniqueness test on the key, because the same mistake would
                come back with the next history table. The load went from 2 hours to 25 minutes and we cancelled the
                resize, which would have cost $9,000 a month.""";
        var q = Answers.question(Principle.DIVE_DEEP);
        Score s = scorer.score(q, specific);
        Score v = scorer.score(q, vague);
        assertThat(dim(v, "specificity")).isLessThan(dim(s, "specificity"));
        assertThat(v.total()).isLessThan(s.total());
        assertThat(scorer.explain(q, vague)).anyMatch(l -> l.startsWith("Stand-ins for specifics:") && l.contains("\"a while back\""));
        assertThat(v.feedback()).anyMatch(l -> l.contains("stand in for specifics") && l.contains("\"a while back\""));
        assertThat(s.feedback()).noneMatch(l -> l.contains("stand in for specifics"));
    }

    @Test
    @DisplayName("a story the learned model reads clearly as the asked principle is not capped as thin evidence for lack of list phrases")
    void clearModelReadingIsEvidence() {
        // a label-4 Bias for Action story whose words ("ready to wait", "a different call") no signal list holds
        BlindSet.Answer story = BlindSet.load(java.nio.file.Path.of("src/test/resources/lp/blind10/dev.yaml")).answers.stream()
                .filter(a -> a.id().equals("sb-bfa-03")).findFirst().orElseThrow();
        var q = BlindSet.question(story.question());
        List<String> read = scorer.explain(q, story.text());
        assertThat(read).anyMatch(l -> l.startsWith("Principle: Bias for Action") && l.contains("by a clear margin"));
        assertThat(read).noneMatch(l -> l.startsWith("Cap thin principle evidence"));
        // a lead counts as one group, like any reading ahead, and being ahead does not lift the thin cap
        LpScorer onlyAhead = scorerWith(Map.of("principle_fit.model_lead", 99.0, "principle_fit.model_close", -99.0));
        assertThat(onlyAhead.explain(q, story.text())).anyMatch(l -> l.startsWith("Cap thin principle evidence"));
    }

    @Test
    @DisplayName("one signal group in a story the model reads at or near the top of the asked principle is not capped as thin evidence")
    void closeModelReadingLiftsTheThinCap() throws java.io.IOException {
        // a plain-words incident-communication story the hostile tester wrote as genuine (genuine.yaml)
        String story = LpGamingAttackTest.entries("genuine.yaml", "stories").stream()
                .filter(n -> n.get("id").asText().equals("genuine-4-07")).findFirst().orElseThrow().get("text").asText();
        var q = BlindSet.question("lp-earn-trust-05");
        // without the question's prior the reading is close to the top but not ahead: one group, in its own words
        LpScorer closeScorer = scorerWith(Map.of("principle_fit.asked_prior", 0.0));
        assertThat(closeScorer.explain(q, story)).anyMatch(l -> l.startsWith("Principle: Earn Trust, 1 signal group")
                && l.contains("not capped as thin")).noneMatch(l -> l.startsWith("Cap thin principle evidence"));
        // only a lead of 99 would lift it
        LpScorer strict = scorerWith(Map.of("principle_fit.asked_prior", 0.0, "principle_fit.model_close", -99.0));
        assertThat(strict.explain(q, story)).anyMatch(l -> l.startsWith("Cap thin principle evidence"));
        assertThat(strict.score(q, story).total()).isLessThan(closeScorer.score(q, story).total());
    }

    /** A scorer over the shipped rubric with some of its numbers changed, to show what each number decides. */
    private static LpScorer scorerWith(Map<String, Double> numbers) {
        Rubric r = RubricReader.read(Answers.RUBRIC, new java.util.ArrayList<>()).orElseThrow();
        r.numbers.putAll(numbers);
        return LpScorer.of(r);
    }

    /** A cost story with no phrase of Hire and Develop, which the model reads as Frugality far ahead. */
    private static final String COST_STORY = """
            In 2023 our Snowflake bill had grown to $64,000 a month. I pulled 30 days of query history and found an XL
            warehouse that never suspended because a BI tool pinged it every minute. I moved the BI tool to its own
            small warehouse with a 60-second auto-suspend and changed the 40 largest dbt models to incremental builds.
            Within six weeks the bill fell from $64,000 to $31,000 a month, and the dashboards were ready at 7:10 as before.""";

    @Test
    @DisplayName("a story with no phrase of the asked principle is capped as off principle, unless the model reads it near the top: then only as thin")
    void noPhraseButCloseReadingIsThinNotOff() {
        // a cost story asked under Hire and Develop: no phrase of it, and the model reads Frugality far ahead
        String story = COST_STORY;
        var q = Answers.question(Principle.HIRE_AND_DEVELOP_THE_BEST);
        List<String> read = scorer.explain(q, story);
        assertThat(read).anyMatch(l -> l.startsWith("Principle: Hire and Develop the Best, 0 signal group"));
        assertThat(read).anyMatch(l -> l.startsWith("Cap off principle"));
        // the same story, had the reading put the asked principle within reach of the top, is thin, not off
        LpScorer near = scorerWith(Map.of("principle_fit.model_close", 99.0));
        List<String> nearRead = near.explain(q, story);
        assertThat(nearRead).noneMatch(l -> l.startsWith("Cap off principle"))
                .anyMatch(l -> l.startsWith("Cap thin principle evidence") && l.contains("comes close to it"))
                .anyMatch(l -> l.contains("capped as thin, not off principle"));
        assertThat(near.score(q, story).total()).isGreaterThan(scorer.score(q, story).total());
    }

    @Test
    @DisplayName("the question's prior weighs the learned reading as evidence of the asked principle, but never hides that a story reads as another")
    void questionPriorCountsAsEvidenceNotAsTheNote() {
        var q = Answers.question(Principle.HIRE_AND_DEVELOP_THE_BEST);
        List<String> plain = scorerWith(Map.of("principle_fit.asked_prior", 0.0)).explain(q, COST_STORY);
        List<String> favoured = scorerWith(Map.of("principle_fit.asked_prior", 10.0)).explain(q, COST_STORY);
        assertThat(plain).anyMatch(l -> l.startsWith("Learned reading: Hire and Develop the Best behind"));
        assertThat(favoured).anyMatch(l -> l.startsWith("Learned reading: Hire and Develop the Best ahead of"))
                .anyMatch(l -> l.startsWith("Principle: Hire and Develop the Best") && l.contains("by a clear margin"));
        // the note compares the story alone: it still reads as Frugality, however strong the prior
        assertThat(plain).anyMatch(l -> l.contains("reads more like Frugality"));
        assertThat(favoured).anyMatch(l -> l.contains("reads more like Frugality"));
    }

    @Test
    @DisplayName("a well-told story of another principle is 'not yet', but above where stuffing, templates and echoes land")
    void offPrincipleStoryIsNotYetButAboveGaming() {
        String story = COST_STORY;
        var q = Answers.question(Principle.HIRE_AND_DEVELOP_THE_BEST);
        Score s = scorer.score(q, story);
        // the caps for stuffing, fragments and echoes are 30 and placeholders 25: a real story of the wrong principle,
        // which writers label "below the bar" rather than "not demonstrated", stays above them
        assertThat(s.total()).isGreaterThan(30).isLessThanOrEqualTo(40);
        assertThat(s.verdict().label()).isEqualTo("not yet");
    }

    @Test
    @DisplayName("the impact advice never says a sentence with numbers 'has no number'")
    void impactAdviceQuotesOnlyUnmeasuredSentences() {
        String claims = "Cloud cost matters to me. In my last role I reduced platform costs by 60% and saved $2M a year with"
                + " spot instances and tiered storage. I keep challenging spend and removing waste wherever I find it.";
        Score s = scorer.score(Answers.question(Principle.FRUGALITY), claims);
        assertThat(s.feedback()).noneMatch(l -> l.contains("reduced platform costs") && l.contains("has no number"));
        assertThat(s.feedback()).anyMatch(l -> l.startsWith("Fix") && l.contains("Impact:"));
    }

    @Test
    @DisplayName("an outcome told without numbers earns impact; one more step of mine after the fix ('Afterwards I sent a summary') does not")
    void observedOutcomeIsWhatHappenedNotMyNextStep() {
        String steps = """
                In September 2023 our events pipeline went down for most of a working day and I was the incident lead.
                Within fifteen minutes I posted a status note in the company channel with what was broken and what was not.
                I posted every thirty minutes after that and told finance which dashboards to ignore until the reload.
                Afterwards I sent one written summary of what happened and what we were changing.""";
        String outcome = steps + "\nFinance closed the month on time, and two teams asked to reuse my status note for their own incidents.";
        var q = BlindSet.question("lp-earn-trust-05");
        assertThat(dim(scorer.score(q, outcome), "impact")).isGreaterThan(dim(scorer.score(q, steps), "impact"));
    }

    @Test
    @DisplayName("a real story wrapped in opinions and pleasantries is judged as a story, not capped as a plan")
    void paddedStoryIsNotAPlan() {
        String answer = """
                Thank you, that's a really important question and honestly it's something I care about. I think privacy
                is something every data engineer should take seriously, and it's been a theme throughout my career.
                At a fitness app in 2022 I was a data engineer on the events platform. We collected heart-rate readings
                every few seconds during workouts. When we designed the new event schema in Kafka, the product team
                wanted to keep every raw sample forever. I looked at what analytics actually used, which was per-workout
                averages, and I suggested we aggregate at ingest and keep raw samples for 30 days, because health data
                is special category data under GDPR. I had to convince the product lead, which took a couple of
                meetings. In the end they agreed, and we stored 95% less sensitive data.
                I really believe engineers have a responsibility here, and I try to bring that mindset to every team I
                join. So yes, that's my example, I hope that answers the question.""";
        var q = Answers.question(Principle.BROAD_RESPONSIBILITY);
        assertThat(scorer.explain(q, answer)).noneMatch(l -> l.startsWith("Cap hypothetical"));
        // the same opinions with no story under them are still a plan
        String opinions = """
                I think privacy is something every data engineer should take seriously. I really believe engineers have
                a responsibility here, and I try to bring that mindset to every team I join. I usually ask what
                analytics really needs before we keep raw data, and I would push to aggregate at ingest.""";
        assertThat(scorer.explain(q, opinions)).anyMatch(l -> l.startsWith("Cap hypothetical"));
        // undated, a story told in my own past steps is a story too, whatever opinions pad it
        String undated = """
                I think in data engineering it's very easy to just build whatever ticket comes in, and I always try to
                remember there's a real person at the other end. At an insurance company I was on the claims data team,
                and the actuaries asked us to add 40 more columns to their weekly extract. I could have just added them.
                Instead I asked to look at their notebooks, and I saw that most of the joins worked out a claim's status
                at month-end. So I built a claims snapshot table with the status already resolved and added only six of
                the columns. They were happy with it and the extract got a lot smaller. Anyway, I think that's a good
                example of how I like to work.""";
        var co = Answers.question(Principle.CUSTOMER_OBSESSION);
        assertThat(scorer.explain(co, undated)).noneMatch(l -> l.startsWith("Cap hypothetical"));
    }

    @Test
    @DisplayName("a story dated after this year cannot have happened: it is capped like a plan; the same story dated in the past is not")
    void futureDatedStoryIsAPlan() {
        int later = java.time.Year.now().getValue() + 2;
        String story = """
                In March YEAR I took over the nightly settlement load into Redshift, which failed twice a week on late bank
                files. In April YEAR I traced the failures to one partner's delivery time and rewrote the sensor to wait
                for its manifest. In May YEAR I added a row-count check against the manifest and a runbook for the on-call.
                By July YEAR failures dropped from eight a month to zero and finance had its numbers by 7 am.""";
        var q = Answers.question(Principle.OWNERSHIP);
        assertThat(scorer.explain(q, story.replace("YEAR", String.valueOf(later)))).anyMatch(l -> l.startsWith("Cap hypothetical"));
        assertThat(scorer.score(q, story.replace("YEAR", String.valueOf(later))).feedback())
                .anyMatch(l -> l.contains("is dated after today")).noneMatch(l -> l.contains("describes a habit"))
                .noneMatch(l -> l.contains("what you would do"));
        assertThat(scorer.explain(q, story.replace("YEAR", String.valueOf(later - 4)))).noneMatch(l -> l.startsWith("Cap hypothetical"));
        // a deadline the story looks ahead to, or a thing named by its year, is no date of the story's own
        String ahead = ("Our event lake kept raw IP addresses forever, and legal told me a new privacy law takes effect in"
                + " January YEAR and caps raw identifiers at 13 months. I proposed we meet the YEAR rule this spring, and I checked a"
                + " year of query logs to show nobody read identifiers older than 90 days. I wrote a nightly Spark job that hashed"
                + " them after 90 days and deleted raw files older than 13 months. We removed 2 PB of raw data and legal signed off"
                + " our compliance with the YEAR law in October, more than a year early.").replace("YEAR", String.valueOf(later));
        var br = Answers.question(Principle.BROAD_RESPONSIBILITY);
        assertThat(scorer.explain(br, ahead)).noneMatch(l -> l.startsWith("Cap hypothetical"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "template? {0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "In [situation] I did [action] and the result was good.|true",
        "I cut runtime by X% and saved N hours a week.|true",
        "Result: TBD. Impact: XX.|true",
        "In the service catalogue the connector's owner was literally \"TBD\", so nobody was paged.|false",
        "The ticket said TBD for the owner, so I took it and fixed the sink over two days.|false",
        "Our wiki listed the feed with Owner: TBD and On-call: TBD, so nobody was paged.|false",
        "Situation: TBD. Action: TBD. Result: TBD.|true",
        "My scrubber wrote [REDACTED] wherever a phone number appeared in the free text.|false",
        "I switched the task to the run's logical date, {{ds}}, instead of the wall clock, and to ${run_id} for the path.|false",
        "In ____ (year) at ________ (company) the root cause was ________.|true",
        "At (company) I traced the failures to (root cause) and fixed it by (describe the fix).|true",
        "The bill fell from (before) to (after).|true",
        "I replayed a week of data (40 GB) through both engines (Spark and Trino) and chose Trino.|false",
        "I sized the cluster for the peak (our best estimate) and kept the rest on demand (about 20%).|false",
        "I retrained it on redacted text, with placeholder tokens like <CARD> and <DIAGNOSIS> instead of the raw values.|false",
        "Situation: At <COMPANY> the <PIPELINE> kept failing. Result: cut <METRIC> by half.|true",
        "Situation (tokens): at <COMPANY> the token <PIPELINE> failed. Result (tokens): the token <METRIC> fell by half.|true",
        "The replies began with <html> instead of JSON, and the executor logs had thousands of [WARN] spill lines.|false",
        "A clean-up script flipped 9,000 active flags from Y to N, and our churn model read every flip from Y to N as a cancellation.|false",
        "Every duplicate was an update where OLD_VALUE and NEW_VALUE were identical, so I dropped those change events.|false",
        // numbers zeroed out where the real ones go (hostile round 32); a clock's 10:00 or a price's 1.00 is no slot
        "In Q0 0000 the pipeline missed its SLA 00 times a month; runtime went from 0h00m to 0h00m.|true",
        "The job kicked off at 10:00 and the file cost 1.00 per GB, 00:30 later it was done.|false",
        "The top key was 00000000-0000-0000-0000-000000000000, the nil UUID our SDK sends when the ID is missing.|false"})
    void templatesNeedSlots(String text, boolean template) {
        assertThat(Assessment.isTemplate(text)).isEqualTo(template);
    }

    @Test
    @DisplayName("under a cap the better of two flawed answers still scores higher; the cap is never exceeded")
    void capsKeepOrder() {
        double previous = -1;
        for (int raw = 0; raw <= 100; raw++) {
            double t = Assessment.capped(raw, raw, 35, 10);
            assertThat(t).isLessThanOrEqualTo(35).isLessThanOrEqualTo(raw).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
        assertThat(Assessment.capped(90, 90, 35, 10)).isGreaterThan(Assessment.capped(60, 60, 35, 10));
        assertThat(Assessment.capped(60, 60, 35, 0)).isEqualTo(35);
    }

    @Test
    @DisplayName("a present-tense retelling stays a story with a past aside ('says when data last landed') or 'every' counting"
            + " what I act on once ('I write down every complaint they have')")
    void presentRetellingWithAsidesIsAStory() {
        String story = """
                So it's March last year at a grocery wholesaler, and the buyers have stopped using our stock dataset.
                They keep their own spreadsheet, because twice that month our numbers were a day late.
                I ask to sit in on their Monday planning meeting and I mostly listen.
                I write down every complaint they have, eleven in all, and send the list back that day with an owner for each.
                I replace the hard-coded site list in the Airflow DAG with a lookup from the site master.
                For freshness I add a status panel to their Tableau dashboard that says when data last landed.
                By week six nine of the eleven items are closed and their lead tells me they are retiring the spreadsheet.""";
        var et = Answers.question(Principle.EARN_TRUST);
        assertThat(scorer.explain(et, story)).noneMatch(l -> l.startsWith("Cap hypothetical"));
        assertThat(scorer.score(et, story).total()).isGreaterThan(60);
    }

    @Test
    @DisplayName("defects compound: claims with no outcome and nothing concrete fall below either cap alone, and the"
            + " explanation says by how much")
    void capsOfSeveralKindsCompound() {
        var et = Answers.question(Principle.EARN_TRUST);
        String claims = """
                When a team stops trusting my data I win them back, and that's something I have done and I am good at.
                I was transparent with them, I owned the problem and I communicated clearly with everyone involved.
                Trust is so important in data engineering, because if people don't trust the numbers they won't use them.
                I always listen first, I keep my promises and I make sure people know what is going on with their data.
                That is how I earned their trust again.""";
        Score s = scorer.score(et, claims);
        List<String> explained = scorer.explain(et, claims);
        // no result, nothing concrete, and nothing of work in what it says was done: three kinds, each limit 10 lower
        assertThat(explained).contains("Caps of 3 kinds apply: each limit below is 10 lower than the rubric's");
        assertThat(explained).anyMatch(l -> l.startsWith("Cap no result at 45"))
                .anyMatch(l -> l.startsWith("Cap nothing concrete at 30"));
        assertThat(s.total()).isLessThan(25);
        // the same claims with one concrete detail lose one defect, and every limit rises by a step
        String dated = claims.replace("I was transparent", "In March 2024 I was transparent");
        assertThat(scorer.explain(et, dated)).contains("Caps of 2 kinds apply: each limit below is 5 lower than the rubric's")
                .anyMatch(l -> l.startsWith("Cap no result at 50")).noneMatch(l -> l.startsWith("Cap nothing concrete"));
        assertThat(scorer.score(et, dated).total()).isGreaterThan(s.total());
    }

    @Test
    @DisplayName("a present-tense retelling is placed by 'that afternoon', but not inside a condition ('if ..., that morning')")
    void presentRetellingPlacedByItsOwnDay() {
        String story = """
                So I'm reviewing a dbt pull request from Jen, a mid-level engineer on my team.
                Her models are usually right, but nobody else can review them, because there are no tests and no descriptions.
                I book half an hour with her and show her the three pull requests that nobody else can review.
                I tell her plainly what the missing tests do to the team.
                So that afternoon I write a short pull-request checklist with her and ask her to try it on her next change.
                Her next five pull requests have tests and descriptions, and she adds two items to the checklist herself.""";
        var hd = Answers.question(Principle.HIRE_AND_DEVELOP_THE_BEST);
        assertThat(scorer.explain(hd, story)).noneMatch(l -> l.startsWith("Cap hypothetical"));
        // without its own day it could be a playbook: the time is what places it
        assertThat(scorer.explain(hd, story.replace("So that afternoon I", "Then I")))
                .anyMatch(l -> l.startsWith("Cap hypothetical"));
        // and a time inside a condition places nothing (hostile round 14)
        assertThat(scorer.explain(hd, story.replace("So that afternoon I", "If a reviewer gives up, that afternoon I")))
                .anyMatch(l -> l.startsWith("Cap hypothetical"));
    }

    @Test
    @DisplayName("a story its teller calls made up is capped like a plan; a real story about false data or a practice"
            + " example is not (hostile round 15)")
    void madeUpStoriesAreCapped() {
        var own = Answers.question(Principle.OWNERSHIP);
        String madeUp = "I made up an example to show how I think about it. " + Answers.OWNERSHIP_STRONG;
        assertThat(scorer.explain(own, madeUp)).anyMatch(l -> l.startsWith("Cap made up") && l.contains("made up an example"));
        assertThat(scorer.score(own, madeUp).total()).isLessThan(40);
        String falseData = Answers.OWNERSHIP_STRONG + "\nThe old numbers had looked fine, but none of it was real for the"
                + " late files, the duplicates made up one fifth of the spend, and the surge finance had planned for never"
                + " actually happened.";
        assertThat(scorer.explain(own, falseData)).noneMatch(l -> l.startsWith("Cap made up") || l.startsWith("Cap hypothetical"));
        assertThat(scorer.score(own, falseData).total()).isGreaterThanOrEqualTo(75);
    }

    @Test
    @DisplayName("'So it's like this' places nothing in time: a First/Then/Next playbook after it is still a plan; 'So it's a"
            + " Thursday' does place the story")
    void soItsNeedsATime() {
        String playbook = """
                How do I handle a pipeline nobody owns? So it's like this.
                First I open the Airflow logs for the failed DAG and read the error myself.
                Then I trace the failure to the upstream change behind it and I patch the dbt model.
                Next I add a row-count check and a freshness alert on the output table.
                After that I write a short runbook and I name an owner for the DAG in the catalog.
                The on-call pages drop from about twenty a week to three.""";
        var own = Answers.question(Principle.OWNERSHIP);
        assertThat(scorer.score(own, playbook).total()).isLessThanOrEqualTo(40);
        assertThat(scorer.explain(own, playbook.replace("So it's like this.", "So it's a Thursday in March.")))
                .noneMatch(l -> l.startsWith("Cap hypothetical"));
    }

    @Test
    @DisplayName("steps only promised ('I promised to trace ...', 'I volunteered to write ...') are a plan, not a story")
    void promisesAreAPlan() {
        String story = """
                In March 2024 the nightly orders load in Airflow had no owner and failed four nights out of five.
                I took it on myself at the ops review, even though it sat with the platform team.
                I traced the failures to a schema change in the upstream Postgres table within a day.
                I patched the dbt model, reran the missing days and added a row-count check.
                I wrote a runbook and named an owner in the catalog.
                Failures fell from four a week to none over the next six weeks.""";
        String promised = story.replace("I took it on myself", "I promised to take it on myself")
                .replace("I traced", "I promised to trace").replace("I patched", "I promised to patch")
                .replace("reran", "rerun").replace("added", "add").replace("I wrote", "I volunteered to write")
                .replace("named", "name");
        var own = Answers.question(Principle.OWNERSHIP);
        assertThat(scorer.score(own, promised).total()).isLessThan(40).isLessThan(scorer.score(own, story).total() - 30);
    }

    @Test
    @DisplayName("the outcome told before a closing safeguard is the Result even when it ends on my own clause ('..., so I"
            + " removed the salting')")
    void outcomeBeforeClosingSafeguard() {
        String story = """
                In May 2024 our Spark job that builds the daily shipment facts went from 40 minutes to over three hours.
                I went into the executor logs myself and found one executor with thousands of spill messages.
                I ran a count by join key and found that 31% of rows had carrier_id 0, a default the new scanner app wrote.
                I salted the join for carrier 0 into 32 buckets and asked the scanner team to make the field mandatory.
                The job went back to 38 minutes the same day, and after the scanner fix the carrier 0 rows dropped to under 1%, so I removed the salting.
                I added a check in the DAG that alerts if any single key holds more than 5% of rows.""";
        Score s = scorer.score(Answers.question(Principle.DIVE_DEEP), story);
        assertThat(s.feedback()).noneMatch(l -> l.contains("has no result"));
        assertThat(s.total()).isGreaterThan(80);
    }
}
