package dev.drillbot.core.mock;

import dev.drillbot.core.bank.LpQuestion;
import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.AnswerService.Outcome;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.drill.Inbox;
import dev.drillbot.core.drill.Unreadable;
import dev.drillbot.core.review.Reviews;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.core.scoring.ScoringUnavailableException;
import dev.drillbot.core.scoring.Verdict;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.TextBars;
import dev.drillbot.core.text.UserText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs mock interviews. Every message the user sends in the mock's thread is stored first; the bot then
 * scores what the user has said about the current question so far and answers with the interviewer's
 * follow-up, the next question, or (after the last) the scorecard. That answer is stored with the message
 * before it is posted, so a crash posts it once at the next start, and a message read twice moves the
 * interview on once. A mock's answers count for the personal practice streak and feed spaced review; they
 * never count for the leaderboard.
 */
public final class MockInterviews {
    private static final Logger log = LoggerFactory.getLogger(MockInterviews.class);
    /** LP questions of distinct principles, then the Bar Raiser's; the SQL question goes third. */
    static final int LP_QUESTIONS = 4;
    static final int SQL_POSITION = 2;
    /** An open mock nobody answered in for this long no longer blocks a new one. */
    static final Duration STALE = Duration.ofDays(2);
    /** An open mock still without a thread this long after it began was cut short while opening (a crash). */
    static final Duration UNOPENED = Duration.ofMinutes(2);

    /** How {@code /mock} went. */
    public sealed interface Start {
        record Started(MockInterview mock, ThreadRef thread) implements Start {}

        record AlreadyOpen(MockInterview mock) implements Start {}

        record NoQuestions() implements Start {}

        /** The platform would not open the private thread (e.g. a missing permission); nothing was kept. */
        record NotOpened(String reason) implements Start {}
    }

    private final QuestionBank bank;
    private final MockStore store;
    private final Scoring scoring;
    private final Gateways gateways;
    private final Messages messages;
    private final Reviews reviews;
    private final ChannelDirectory channels;
    private final int maxAnswerChars;
    private final RandomGenerator random;
    private final Clock clock;

    public MockInterviews(QuestionBank bank, MockStore store, Scoring scoring, Gateways gateways, Messages messages,
            Reviews reviews, ChannelDirectory channels, int maxAnswerChars, RandomGenerator random, Clock clock) {
        this.bank = bank;
        this.store = store;
        this.scoring = scoring;
        this.gateways = gateways;
        this.messages = messages;
        this.reviews = reviews;
        this.channels = channels;
        this.maxAnswerChars = maxAnswerChars;
        this.random = random;
        this.clock = clock;
    }

    // ---- starting and stopping

    public Start start(ChannelRef home, UserRef user) {
        Optional<List<MockInterview.Planned>> plan = plan();
        if (plan.isEmpty()) {
            return new Start.NoQuestions();
        }
        Instant now = clock.instant();
        Optional<MockInterview> started = store.start(user, home, plan.get(), now, now.minus(STALE),
                now.minus(UNOPENED));
        if (started.isEmpty()) {
            return store.open(home.platform(), user.id()).<Start>map(Start.AlreadyOpen::new)
                    .orElseGet(() -> new Start.NotOpened("another mock was starting at the same moment"));
        }
        MockInterview mock = started.get();
        String first = questionText(mock, 0, true);
        ThreadRef thread;
        try {
            thread = gateways.forChannel(home).openPrivateThread(home, user, OutgoingMessage.plain(first));
        } catch (RuntimeException e) {
            store.end(mock.id(), "not-opened", now);
            log.warn("Could not open a private thread for a mock interview in {}: {}", home, e.toString());
            return new Start.NotOpened(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        store.attachThread(mock.id(), thread);
        return new Start.Started(store.byId(mock.id()).orElseThrow(), thread);
    }

    /** Ends the user's open mock; returns it if there was one. */
    public Optional<MockInterview> stop(String platform, String userId) {
        Optional<MockInterview> open = store.open(platform, userId);
        open.ifPresent(m -> {
            if (store.end(m.id(), "stopped", clock.instant())) {
                m.thread().ifPresent(t -> post(t, messages.render("mock-stopped", Map.of("user", m.user().name()))));
            }
        });
        return open;
    }

    public Optional<MockInterview> open(String platform, String userId) {
        return store.open(platform, userId);
    }

    /** The threads of open mocks begun or answered in at {@code since} or later, to read after a stop. */
    public List<ThreadRef> openThreads(String platform, Instant since) {
        return store.openSince(platform, since).stream().flatMap(m -> m.thread().stream()).toList();
    }

    /**
     * Four LP questions of four different principles (the last of them the Bar Raiser's, a hard question when
     * the bank has one) and one SQL question, chosen at random; empty when the bank cannot fill it.
     */
    Optional<List<MockInterview.Planned>> plan() {
        Map<Principle, List<LpQuestion>> byPrinciple = new LinkedHashMap<>();
        for (Question q : bank.track(Track.LP)) {
            LpQuestion lp = (LpQuestion) q;
            byPrinciple.computeIfAbsent(lp.principles().get(0), p -> new ArrayList<>()).add(lp);
        }
        List<Question> sql = bank.track(Track.SQL);
        if (byPrinciple.size() < LP_QUESTIONS || sql.isEmpty()) {
            return Optional.empty();
        }
        List<Principle> principles = new ArrayList<>(byPrinciple.keySet());
        shuffle(principles);
        // the Bar Raiser's principle: the first (in shuffled order) that has a hard question, else the fourth
        int barRaiser = 0;
        while (barRaiser < principles.size() && byPrinciple.get(principles.get(barRaiser)).stream()
                .noneMatch(q -> q.difficulty() == dev.drillbot.core.bank.Difficulty.HARD)) {
            barRaiser++;
        }
        Principle brPrinciple = principles.get(barRaiser < principles.size() ? barRaiser : LP_QUESTIONS - 1);
        List<Principle> others = new ArrayList<>(principles);
        others.remove(brPrinciple);
        List<MockInterview.Planned> plan = new ArrayList<>();
        for (Principle p : others.subList(0, LP_QUESTIONS - 1)) {
            plan.add(new MockInterview.Planned(any(byPrinciple.get(p)).id(), false));
        }
        List<LpQuestion> brCandidates = byPrinciple.get(brPrinciple).stream()
                .filter(q -> q.difficulty() == dev.drillbot.core.bank.Difficulty.HARD).toList();
        plan.add(new MockInterview.Planned(any(brCandidates.isEmpty() ? byPrinciple.get(brPrinciple) : brCandidates)
                .id(), true));
        plan.add(SQL_POSITION, new MockInterview.Planned(any(sql).id(), false));
        return Optional.of(plan);
    }

    private <T> T any(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            java.util.Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    // ---- messages in a mock's thread

    /** Empty when the thread is not a mock's: the message is a drill answer, or nothing. */
    public Optional<Outcome> handle(Inbox.Kind kind, AnswerReceived message) {
        Optional<MockInterview> found = store.byThread(message.thread());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MockInterview mock = found.get();
        if (!mock.user().id().equals(message.user().id())) {
            return Optional.of(Outcome.NOT_A_DRILL); // a moderator who can see the private thread: not theirs to answer
        }
        return Optional.of(switch (kind) {
            case ANSWER -> receive(mock, message.inert());
            case EDIT -> {
                // an interviewer hears what was said: an edit is not read again, and the user is told so
                post(message.thread(), messages.render("mock-edit", Map.of("user", UserText.inert(message.user().name()))));
                yield Outcome.EDIT_TOO_LATE;
            }
            case WITHDRAW -> Outcome.NOT_A_DRILL; // what was said in an interview stays said
        });
    }

    private Outcome receive(MockInterview mock, AnswerReceived answer) {
        ThreadRef thread = answer.thread();
        Optional<MockStore.Turn> known = store.turn(mock.id(), answer.messageId());
        if (known.isPresent()) {
            // received before: post the reply a crash or an outage kept from going out (the scorecard too), or
            // read the message if it never was
            MockStore.Turn turn = known.get();
            if (turn.reply().isPresent()) {
                return turn.replied() ? Outcome.DUPLICATE : postReply(thread, turn.id(), turn.reply().get());
            }
            if (mock.ended()) {
                return Outcome.DUPLICATE;
            }
            return read(mock, turn, answer);
        }
        if (mock.ended()) {
            post(thread, messages.render("mock-over", Map.of("user", answer.user().name())));
            return Outcome.CLOSED;
        }
        String text = answer.text() == null ? "" : answer.text().strip();
        Optional<Unreadable> unreadable = Unreadable.check(text, answer.user().name(), maxAnswerChars, messages);
        if (unreadable.isPresent()) {
            post(thread, unreadable.get().reply());
            return unreadable.get().outcome();
        }
        Optional<MockStore.Turn> accepted = store.accept(mock.id(), answer.messageId(), mock.step(), text, answer.at());
        if (accepted.isEmpty()) {
            return receive(mock, answer); // recorded at this moment by another instance: as received before
        }
        return read(mock, accepted.get(), answer);
    }

    /**
     * Reads a turn at the mock's current step. When another instance moved the mock on meanwhile (two messages
     * read at once), the turn belongs to the question the mock is at now, and is read there.
     */
    private Outcome read(MockInterview mock, MockStore.Turn turn, AnswerReceived answer) {
        for (int attempt = 0; ; attempt++) {
            if (turn.step() != mock.step()) {
                store.moveTurn(turn.id(), mock.step());
                turn = new MockStore.Turn(turn.id(), turn.mockId(), turn.messageId(), mock.step(), turn.text(),
                        turn.sentAt(), Optional.empty(), Optional.empty(), false);
            }
            Optional<Outcome> done = readOnce(mock, turn, answer);
            if (done.isPresent()) {
                return done.get();
            }
            Optional<MockInterview> now = store.byId(mock.id());
            if (now.isEmpty() || attempt >= 2) {
                return Outcome.DUPLICATE;
            }
            mock = now.get();
            if (mock.ended()) {
                store.forget(turn.id());
                post(answer.thread(), messages.render("mock-over", Map.of("user", answer.user().name())));
                return Outcome.CLOSED;
            }
        }
    }

    /** Empty when the mock moved on before this turn could be recorded. */
    private Optional<Outcome> readOnce(MockInterview mock, MockStore.Turn turn, AnswerReceived answer) {
        MockInterview.Planned planned = mock.plan().get(mock.step());
        Optional<Question> question = bank.find(planned.questionId());
        MockStore.Marks marks;
        Optional<Score> score = Optional.empty();
        List<MockStore.Turn> turns = store.turns(mock.id(), mock.step()); // what was said to this question so far
        if (question.isEmpty()) {
            marks = REMOVED; // taken out of the bank since the mock began: nothing to score it against
        } else {
            try {
                score = Optional.of(score(mock, question.get(), turn, turns));
                marks = stepMarks(question.get(), score.get(), turns);
            } catch (ScoringUnavailableException e) {
                store.forget(turn.id()); // not heard: the same message, sent again, is read afresh
                post(answer.thread(), messages.render("scoring-unavailable", Map.of("user", answer.user().name(),
                        "reason", e.getMessage())));
                return Optional.of(Outcome.SCORING_FAILED);
            } catch (RuntimeException e) {
                log.error("Scoring a mock answer to {} failed", planned.questionId(), e);
                store.forget(turn.id());
                post(answer.thread(), messages.render("scoring-failed", Map.of("user", answer.user().name())));
                return Optional.of(Outcome.SCORING_FAILED);
            }
        }
        String reply;
        int nextStep = mock.step();
        int nextProbes = mock.probesAsked();
        Optional<Instant> ended = Optional.empty();
        if (question.isPresent() && mock.probesAsked() < planned.probes()) {
            reply = probe(mock, question.get(), score.orElseThrow(), marks, turns);
            nextProbes++;
        } else {
            nextStep = nextAsked(mock, mock.step() + 1);
            nextProbes = 0;
            String skipped = skipped(question.isEmpty() ? mock.step() : mock.step() + 1, nextStep);
            if (nextStep < mock.plan().size()) {
                reply = skipped + questionText(mock, nextStep, false);
            } else {
                reply = skipped + scorecard(mock, marks);
                ended = Optional.of(clock.instant());
            }
        }
        if (!store.recordTurn(turn.id(), marks, reply, mock, nextStep, nextProbes, ended)) {
            return Optional.empty();
        }
        if (nextStep != mock.step() && question.isPresent()) {
            reviews.scored(mock.platform(), mock.user().id(), planned.questionId(), marks.total(),
                    answer.at().atZone(channels.settings(mock.home()).zone()).toLocalDate());
        }
        return Optional.of(postReply(answer.thread(), turn.id(), reply));
    }

    /** A note for questions {@code from}..{@code to} (exclusive) taken out of the bank, or nothing. */
    private String skipped(int from, int to) {
        if (from >= to) {
            return "";
        }
        String numbers = java.util.stream.IntStream.range(from, to).mapToObj(i -> Integer.toString(i + 1))
                .collect(Collectors.joining(", "));
        return messages.render("mock-skipped", Map.of("numbers", numbers)) + "\n\n";
    }

    /** A question taken out of the bank after the mock was planned: left off the scorecard. */
    static final MockStore.Marks REMOVED = new MockStore.Marks(0, "REMOVED", "", "");

    /** The index of the first question from {@code from} on that is still in the bank; the plan's size if none. */
    private int nextAsked(MockInterview mock, int from) {
        int step = from;
        while (step < mock.plan().size() && bank.find(mock.plan().get(step).questionId()).isEmpty()) {
            step++;
        }
        return step;
    }

    /**
     * LP: everything said about the question so far, read as one answer (as a follow-up adds to a drill
     * answer). SQL: this query alone (each is an attempt).
     */
    private Score score(MockInterview mock, Question question, MockStore.Turn turn, List<MockStore.Turn> turns) {
        String learner = mock.platform() + ":" + mock.user().id();
        if (question.track() == Track.LP) {
            String said = turns.stream()
                    .filter(t -> t.marks().isPresent() || t.id() == turn.id()) // what was heard, and this
                    .map(MockStore.Turn::text).collect(Collectors.joining("\n\n"));
            return scoring.score(question, said, learner);
        }
        return scoring.score(question, turn.text(), learner);
    }

    /** LP: the score of all that was said; SQL: the best query sent for the question (a corrected one counts). */
    private static MockStore.Marks stepMarks(Question question, Score score, List<MockStore.Turn> turns) {
        MockStore.Marks now = marks(score);
        if (question.track() == Track.LP) {
            return now;
        }
        return turns.stream().flatMap(t -> t.marks().stream()).filter(m -> m.total() > now.total())
                .max(Comparator.comparingInt(MockStore.Marks::total)).orElse(now);
    }

    static MockStore.Marks marks(Score s) {
        String weakest = s.dimensions().stream().min(Comparator.comparingDouble(DimensionScore::fraction))
                .map(DimensionScore::name).orElse("");
        return new MockStore.Marks(s.total(), s.verdict().name(), weakest, s.feedback().isEmpty() ? "" : s.feedback().get(0));
    }

    private String probe(MockInterview mock, Question question, Score score, MockStore.Marks marks,
            List<MockStore.Turn> turns) {
        Map<String, Object> v = new HashMap<>();
        v.put("user", mock.user().name());
        v.put("barRaiser", mock.plan().get(mock.step()).barRaiser());
        if (question instanceof LpQuestion lp) {
            List<String> asked = turns.stream().flatMap(t -> t.reply().stream()).toList();
            List<String> candidates = new ArrayList<>();
            if (!score.followUp().isEmpty()) {
                candidates.add(score.followUp()); // the scorer's probe aims at the answer's biggest gap
            }
            candidates.addAll(lp.probes());
            Optional<String> next = candidates.stream().filter(p -> asked.stream().noneMatch(a -> a.contains(p))).findFirst();
            next.ifPresentOrElse(p -> v.put("probe", p), () -> v.put("lastProbe", true));
        } else {
            v.put("sql", true);
            v.put("correct", Verdict.valueOf(marks.verdict()) == Verdict.CORRECT);
            v.put("miss", marks.advice());
        }
        return messages.render("mock-probe", v);
    }

    private String questionText(MockInterview mock, int step, boolean first) {
        MockInterview.Planned planned = mock.plan().get(step);
        Question q = bank.find(planned.questionId()).orElseThrow(
                () -> new IllegalStateException("question " + planned.questionId() + " left the bank"));
        Map<String, Object> v = new HashMap<>();
        v.put("first", first);
        v.put("user", mock.user().name());
        v.put("number", step + 1);
        v.put("count", mock.plan().size());
        v.put("barRaiser", planned.barRaiser());
        v.put("lp", q.track() == Track.LP);
        v.put("sql", q.track() == Track.SQL);
        v.put("skills", q.skills().stream().map(Skill::displayName).collect(Collectors.joining(", ")));
        v.put("title", q.title());
        v.put("prompt", q.prompt());
        v.put("briefing", q instanceof SqlQuestion ? scoring.briefing(q) : "");
        return messages.render("mock-question", v);
    }

    // ---- the scorecard

    /** One row of the scorecard: a question of the plan and how its answer did (the marks kept when it was read). */
    record Row(MockInterview.Planned planned, String label, MockStore.Marks marks) {
        Verdict verdict() {
            return Verdict.valueOf(marks.verdict());
        }

        boolean atBar() {
            return verdict() == Verdict.STRONG || verdict() == Verdict.SOLID || verdict() == Verdict.CORRECT;
        }

        boolean farBelow() {
            return verdict() == Verdict.NOT_YET || verdict() == Verdict.WRONG;
        }
    }

    /**
     * Would pass the round when the Bar Raiser's answer is at the bar (solid or better) and at most one other
     * answer is below it, and that one only a little (mixed, or a partly correct query): a loop's debrief
     * forgives one weak interview, not a failed one, and the Bar Raiser can hold the bar alone.
     */
    static boolean wouldPass(List<Row> rows) {
        List<Row> below = rows.stream().filter(r -> !r.atBar()).toList();
        return below.stream().noneMatch(r -> r.planned().barRaiser() || r.farBelow()) && below.size() <= 1;
    }

    /** Drawn from the marks kept for each question when it was read; {@code last} are the final question's. */
    private String scorecard(MockInterview mock, MockStore.Marks last) {
        List<Row> rows = new ArrayList<>();
        for (int step = 0; step < mock.plan().size(); step++) {
            MockInterview.Planned planned = mock.plan().get(step);
            MockStore.Marks marks = step == mock.step() ? last : store.turns(mock.id(), step).stream()
                    .flatMap(t -> t.marks().stream()).reduce((a, b) -> b).orElse(REMOVED);
            Optional<Question> q = bank.find(planned.questionId());
            if (!marks.verdict().equals(REMOVED.verdict()) && q.isPresent()) {
                rows.add(new Row(planned, q.get().skills().get(0).displayName(), marks));
            }
        }
        boolean pass = !rows.isEmpty() && wouldPass(rows);
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> line = new HashMap<>();
            line.put("label", r.label() + " ".repeat(width - r.label().length()));
            line.put("bar", TextBars.bar(r.marks().total() / 100.0, 10));
            line.put("total", r.marks().total());
            line.put("verdict", r.verdict().label());
            line.put("barRaiser", r.planned().barRaiser());
            lines.add(line);
        }
        Map<String, Object> v = new HashMap<>();
        v.put("user", mock.user().name());
        v.put("rows", lines);
        v.put("pass", pass);
        v.put("atBar", rows.stream().filter(Row::atBar).count());
        v.put("count", rows.size());
        v.put("barRaiserAtBar", rows.stream().anyMatch(r -> r.planned().barRaiser() && r.atBar()));
        v.put("fixes", fixes(rows));
        return messages.render("mock-scorecard", v);
    }

    /**
     * The two things to fix first: from the two weakest answers (the Bar Raiser's first among equals), each
     * one's weakest rubric dimension and what the scorer said first about it.
     */
    static List<Map<String, Object>> fixes(List<Row> rows) {
        List<Row> weakest = rows.stream().sorted(Comparator.comparingInt((Row r) -> r.marks().total())
                .thenComparing(r -> !r.planned().barRaiser())).limit(2).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        int n = 1;
        for (Row r : weakest) {
            Map<String, Object> fix = new HashMap<>();
            fix.put("n", n++);
            fix.put("where", r.label());
            fix.put("dimension", r.marks().weakest());
            fix.put("advice", r.marks().advice());
            out.add(fix);
        }
        return out;
    }

    // ---- posting

    private Outcome postReply(ThreadRef thread, long turnId, String reply) {
        if (post(thread, reply)) {
            store.markReplied(turnId);
            return Outcome.SCORED;
        }
        return Outcome.REPLY_FAILED;
    }

    private boolean post(ThreadRef thread, String text) {
        try {
            gateways.forChannel(thread.channel()).reply(thread, new OutgoingMessage.Private(text));
            return true;
        } catch (RuntimeException e) {
            log.error("Could not reply in mock thread {} of {}: {}", thread.id(), thread.channel(), e.toString());
            return false;
        }
    }
}
