package dev.drillbot.core.drill;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.core.text.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts drills: the scheduled one for a channel's fire time (exactly once, enforced by the store) and
 * practice drills on demand.
 */
public final class DrillService {
    private static final Logger log = LoggerFactory.getLogger(DrillService.class);
    /** A fire this late is still on time: Quartz itself tolerates a minute before calling it a misfire. */
    static final Duration ON_TIME = Duration.ofMinutes(1);

    /** NOT_HERE: another instance serves the channel (see {@link dev.drillbot.core.chat.ChatGateway#canPost}). */
    public enum PostOutcome { POSTED, ALREADY_POSTED, SKIPPED_TOO_LATE, NO_QUESTIONS, FAILED, NOT_HERE }

    private final QuestionBank bank;
    private final DrillStore drills;
    private final ProgressStore progress;
    private final Gateways gateways;
    private final Messages messages;
    private final Scoring scoring;
    private final QuestionPicker picker;
    private final Clock clock;
    private volatile Consumer<ThreadRef> threadRecorded = thread -> { };

    public DrillService(QuestionBank bank, DrillStore drills, ProgressStore progress, Gateways gateways,
            Messages messages, Scoring scoring, QuestionPicker picker, Clock clock) {
        this.bank = bank;
        this.drills = drills;
        this.progress = progress;
        this.gateways = gateways;
        this.messages = messages;
        this.scoring = scoring;
        this.picker = picker;
        this.clock = clock;
    }

    /**
     * Posts the drill for one scheduled fire time unless it was posted already or the fire time is
     * older than the channel's grace window (after downtime).
     */
    public PostOutcome postScheduled(ChannelSettings ch, Instant fireTime) {
        Instant now = clock.instant();
        if (drills.scheduledExists(ch.channel(), fireTime, now)) {
            return PostOutcome.ALREADY_POSTED;
        }
        if (!gateways.forChannel(ch.channel()).canPost(ch.channel())) {
            return PostOutcome.NOT_HERE; // claiming it here would only fail the post and delay the instance that can
        }
        Duration late = Duration.between(fireTime, now);
        if (late.compareTo(ON_TIME) > 0 && late.compareTo(ch.graceWindow()) > 0) {
            if (drills.latest(ch.channel()).isPresent()) {
                log.info("Skipped the drill for {} scheduled at {}: it is {} late and the grace window is {}",
                        ch.channel(), fireTime, human(late), human(ch.graceWindow()));
            } else {
                // a channel's first start: a drill from before drillbot ran there was never missed
                log.debug("No drill for {} at {}: before the channel's first drill", ch.channel(), fireTime);
            }
            return PostOutcome.SKIPPED_TOO_LATE;
        }
        // a takeover posts what the dead claimer chose: its post may be out there, and answers in its thread are
        // answers to that question
        Optional<DrillStore.Abandoned> abandoned = drills.abandoned(ch.channel(), fireTime, now);
        Track track = abandoned.map(DrillStore.Abandoned::track)
                .orElseGet(() -> ch.trackMode().next(drills.lastScheduledTrack(ch.channel())));
        Optional<Question> question = abandoned.flatMap(a -> bank.find(a.questionId()))
                .or(() -> pickFrom(ch, bank.track(track)));
        if (question.isEmpty()) {
            log.warn("No {} questions in the bank; nothing posted to {}", track.slug(), ch.channel());
            return PostOutcome.NO_QUESTIONS;
        }
        LocalDate day = fireTime.atZone(ch.zone()).toLocalDate();
        Optional<Drill> claimed = drills.claim(new DrillStore.NewDrill(ch.channel(), Drill.Kind.SCHEDULED,
                Optional.of(fireTime), day, question.get().id(), track, "", now, now.plus(ch.answerWindow())));
        if (claimed.isEmpty()) {
            return PostOutcome.ALREADY_POSTED;
        }
        if (late.compareTo(ON_TIME) > 0) {
            log.info("Posting the drill for {} scheduled at {} late ({} late, inside the grace window)",
                    ch.channel(), fireTime, human(late));
        }
        // the row survives a takeover; had it been released and claimed afresh meanwhile, nothing was taken over
        Optional<Instant> earlierAttempt = abandoned.filter(a -> a.drillId() == claimed.get().id())
                .map(DrillStore.Abandoned::claimedAt);
        earlierAttempt.ifPresent(at -> log.info("Taking over the drill for {} scheduled at {}: its claimer started"
                + " posting it at {} and was not heard of again", ch.channel(), fireTime, at));
        return post(claimed.get(), question.get(), false, earlierAttempt).isPresent() ? PostOutcome.POSTED
                : PostOutcome.FAILED;
    }

    /**
     * Called with the thread of every drill posted, once it is recorded. Answers written in it before then were
     * taken as no drill's, and {@code recorded} has them handled again: users can answer as soon as the platform
     * shows the post, before the bot has recorded its thread, and on a takeover the gateway may have found and kept
     * the dead claimer's post (the platforms allow it, see {@link OutgoingMessage.DrillPost}), answered long before.
     */
    public void onThreadRecorded(Consumer<ThreadRef> recorded) {
        this.threadRecorded = recorded;
    }

    /** Posts a practice drill chosen from {@code candidates} in its own thread. */
    public Optional<Drill> postPractice(ChannelSettings ch, UserRef requester, List<Question> candidates) {
        Optional<Question> question = pickFrom(ch, candidates);
        if (question.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Drill drill = drills.claim(new DrillStore.NewDrill(ch.channel(), Drill.Kind.PRACTICE, Optional.empty(),
                now.atZone(ch.zone()).toLocalDate(), question.get().id(), question.get().track(),
                requester.name(), now, now.plus(ch.answerWindow())))
                .orElseThrow(() -> new IllegalStateException("practice drills are never duplicates"));
        return post(drill, question.get(), true, Optional.empty());
    }

    /** The next hint for this user on this drill, or a message saying there are no more. */
    public String hint(Drill drill, UserRef user) {
        Optional<Question> q = bank.find(drill.questionId());
        List<String> hints = q.map(Question::hints).orElse(List.of());
        int shown = drills.takeHint(drill.id(), user.id());
        Map<String, Object> values = new HashMap<>();
        values.put("user", user.name());
        values.put("title", q.map(Question::title).orElse(drill.questionId()));
        if (shown < hints.size()) {
            values.put("hint", hints.get(shown));
            values.put("number", shown + 1);
            values.put("count", hints.size());
            values.put("more", shown + 1 < hints.size());
        } else {
            values.put("none", true);
            values.put("count", hints.size());
        }
        return messages.render("hint", values);
    }

    private Optional<Question> pickFrom(ChannelSettings ch, List<Question> candidates) {
        return picker.pick(candidates, drills.askedQuestions(ch.channel()), progress.groupSkills(ch.channel()));
    }

    private Optional<Drill> post(Drill drill, Question question, boolean practice, Optional<Instant> earlierAttempt) {
        String text = messages.render("drill", drillValues(drill, question, practice));
        try {
            ThreadRef thread = gateways.forChannel(drill.channel()).post(drill.channel(),
                    new OutgoingMessage.DrillPost(text, question, practice, key(drill), earlierAttempt));
            drills.attachThread(drill.id(), thread.id());
            tellRecorded(thread);
            return drills.byId(drill.id());
        } catch (RuntimeException e) {
            // Forget the claim so that a retry (or the next start-up catch-up) can post it.
            drills.release(drill.id());
            log.error("Could not post drill {} to {}: {}", question.id(), drill.channel(), e.toString());
            return Optional.empty();
        }
    }

    /** A drill's identity for the platforms: the same for every attempt to post it, short enough for Discord's nonce. */
    static String key(Drill drill) {
        return "drill-" + drill.id();
    }

    private void tellRecorded(ThreadRef thread) {
        try {
            threadRecorded.accept(thread);
        } catch (RuntimeException e) {
            // the drill is posted and recorded; answers handled before stay handled as they were
            log.error("Could not handle again the answers written in drill thread {} before it was recorded: {}",
                    thread.id(), e.toString());
        }
    }

    private Map<String, Object> drillValues(Drill drill, Question question, boolean practice) {
        Map<String, Object> v = new HashMap<>();
        v.put("practice", practice);
        v.put("requestedBy", drill.requestedBy());
        v.put("track", question.track().displayName());
        v.put("sql", question.track() == Track.SQL);
        v.put("lp", question.track() == Track.LP);
        v.put("skills", question.skills().stream().map(Skill::displayName).collect(Collectors.joining(", ")));
        v.put("title", question.title());
        v.put("id", question.id());
        v.put("difficulty", question.difficulty().slug());
        v.put("prompt", question.prompt());
        v.put("briefing", scoring.briefing(question));
        v.put("hasHints", !question.hints().isEmpty());
        v.put("closesAt", drill.closesAt().toString());
        return v;
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + "s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = d.toHours();
        if (hours < 48) {
            long rest = minutes - hours * 60;
            return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
        }
        return d.toDays() + " days";
    }
}
