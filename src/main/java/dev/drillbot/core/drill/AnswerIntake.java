package dev.drillbot.core.drill;

import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.EventWork;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way answers come in from a chat platform, so that none is lost: each event is committed to the
 * {@link Inbox} before the adapter acknowledges it, then handled on {@link EventWork} and marked done.
 * At start-up whatever was received but not done (the bot crashed or was stopped with work queued) is
 * handled first, once: an answer already stored but not scored is scored, one already scored is not
 * scored again.
 */
public final class AnswerIntake {
    private static final Logger log = LoggerFactory.getLogger(AnswerIntake.class);
    /** An event that failed this often (e.g. it crashes the bot every time) is given up on. */
    static final int MAX_ATTEMPTS = 3;
    /** How long handled events are remembered, to recognise a platform's re-delivery. */
    static final Duration REMEMBER = Duration.ofDays(7);

    /** Feedback that could not be posted is tried again this long after each failure, while running. */
    static final List<Duration> RETRY_REPLIES_AFTER = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10));
    /** One timer for all retries of the process; a retry only queues the event again on its lane. */
    private static final java.util.concurrent.ScheduledExecutorService RETRIES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drillbot-reply-retry");
                t.setDaemon(true);
                return t;
            });

    private final Inbox inbox;
    private final AnswerService answers;
    private final dev.drillbot.core.mock.MockInterviews mocks;
    private final Clock clock;
    private volatile List<Duration> retryRepliesAfter = RETRY_REPLIES_AFTER;

    /** @param mocks takes the messages of mock interview threads; every other thread's go to {@code answers} */
    public AnswerIntake(Inbox inbox, AnswerService answers, dev.drillbot.core.mock.MockInterviews mocks, Clock clock) {
        this.inbox = inbox;
        this.answers = answers;
        this.mocks = mocks;
        this.clock = clock;
    }

    /** How long to wait before each retry of feedback that could not be posted (tests shorten it). */
    public void retryRepliesAfter(List<Duration> delays) {
        this.retryRepliesAfter = List.copyOf(delays);
    }

    /**
     * A platform's door.
     *
     * @param complete makes a stored event ready for the core on a worker thread (e.g. looks up the
     *     user's display name, or waits for a drill thread the platform announced a moment early)
     */
    public Door door(String platform, EventWork work, UnaryOperator<AnswerReceived> complete) {
        return opened(new Door(platform, work, event -> complete.apply(event.message())));
    }

    /** As {@link #door}, for an adapter that needs the whole stored event to complete it (e.g. its attached-file flag). */
    public Door eventDoor(String platform, EventWork work, java.util.function.Function<Inbox.Event, AnswerReceived> complete) {
        return opened(new Door(platform, work, complete));
    }

    /** The latest door of each platform (a platform reconnecting opens a new one). */
    private final java.util.Map<String, Door> doors = new java.util.concurrent.ConcurrentHashMap<>();

    private Door opened(Door door) {
        doors.put(door.platform, door);
        return door;
    }

    /**
     * The thread has just been recorded as a drill's: the events received in it that were handled as no drill's
     * are handled again, after any of the same user's in that thread still under way. They were written between
     * the platform taking the drill's post and the bot recording its thread, or in the kept post of an instance
     * that died before recording it (a takeover). Without a door for the platform in this process they wait in
     * the inbox for the next start.
     *
     * @return how many events are handled again
     */
    public int reopen(dev.drillbot.core.chat.ThreadRef thread) {
        String platform = thread.channel().platform();
        List<Inbox.Pending> events = inbox.reopen(platform, thread.channel().id(), thread.id());
        Door door = doors.get(platform);
        if (door != null) {
            events.forEach(p -> door.queue(p.id(), p.event(), outcome -> { }));
        }
        if (!events.isEmpty()) {
            log.info("{}: {} event(s) received in thread {} before it was known as a drill's are handled again",
                    platform, events.size(), thread.id());
        }
        return events.size();
    }

    /**
     * Handles one message now, on the caller's thread, without the inbox (the console, whose input nobody
     * re-sends): a mock interview's thread's go to the mock, every other thread's to the drill answers.
     */
    public AnswerService.Outcome handleNow(Inbox.Kind kind, AnswerReceived m) {
        Optional<AnswerService.Outcome> mock = mocks.handle(kind, m);
        if (mock.isPresent()) {
            return mock.get();
        }
        return switch (kind) {
            case ANSWER -> answers.receive(m);
            case EDIT -> answers.edit(m);
            case WITHDRAW -> m.user().id().isEmpty() ? answers.withdraw(m.thread(), m.messageId())
                    : answers.withdraw(m.thread(), m.user(), m.messageId());
        };
    }

    public final class Door {
        private final String platform;
        private final EventWork work;
        private final java.util.function.Function<Inbox.Event, AnswerReceived> complete;

        private Door(String platform, EventWork work, java.util.function.Function<Inbox.Event, AnswerReceived> complete) {
            this.platform = platform;
            this.work = work;
            this.complete = complete;
        }

        /**
         * Commits the event, then queues it. Call before acknowledging it to the platform; if this throws,
         * do not acknowledge (the platform sends it again).
         *
         * @param eventKey the platform's identity of this event, the same when it is delivered again
         * @return false if it was received before (nothing more to do)
         */
        public boolean take(String eventKey, Inbox.Event event) {
            return take(eventKey, event, outcome -> { });
        }

        /**
         * As {@link #take(String, Inbox.Event)}, and tells {@code then} how it went once handled (null if
         * handling failed), e.g. to answer the interaction that carried the answer. After a restart the
         * event is handled without it.
         */
        public boolean take(String eventKey, Inbox.Event event, java.util.function.Consumer<AnswerService.Outcome> then) {
            Optional<Long> id = inbox.add(eventKey, event, clock.instant());
            id.ifPresent(i -> queue(i, event, then));
            return id.isPresent();
        }

        /** When the latest answer received in this thread was sent, if any was. */
        public Optional<java.time.Instant> lastSent(dev.drillbot.core.chat.ThreadRef thread) {
            return inbox.lastSent(platform, thread.channel().id(), thread.id());
        }

        /** Queues every event received earlier and not handled, in the order received; returns how many. */
        public int resume() {
            int pruned = inbox.prune(clock.instant().minus(REMEMBER));
            List<Inbox.Pending> pending = inbox.takePending(platform);
            int queued = 0;
            for (Inbox.Pending p : pending) {
                if (p.attempts() > MAX_ATTEMPTS) {
                    log.error("Giving up on {} event {} in thread {}: it failed {} times", platform, p.id(),
                            p.event().message().thread().id(), MAX_ATTEMPTS);
                    inbox.done(p.id());
                    continue;
                }
                queue(p.id(), p.event(), outcome -> { });
                queued++;
            }
            if (queued > 0 || pruned > 0) {
                log.info("{}: {} event(s) received before the last stop are handled now; {} old one(s) forgotten",
                        platform, queued, pruned);
            }
            return queued;
        }

        private void queue(long id, Inbox.Event event, java.util.function.Consumer<AnswerService.Outcome> then) {
            queue(id, event, then, 0);
        }

        private void queue(long id, Inbox.Event event, java.util.function.Consumer<AnswerService.Outcome> then,
                int retry) {
            AnswerReceived m = event.message();
            work.answer(m.thread(), m.user().id(), event.kind().name().toLowerCase(java.util.Locale.ROOT), () -> {
                AnswerService.Outcome outcome = null;
                try {
                    outcome = handle(event);
                    // not done when the feedback could not be posted (or handling failed): tried again a
                    // little later while running, and at the next start if it still has not gone out
                    if (outcome == AnswerService.Outcome.NOT_A_DRILL) {
                        doneWithoutDrill(id, m.thread());
                    } else if (outcome != AnswerService.Outcome.REPLY_FAILED) {
                        inbox.done(id);
                    } else {
                        retryLater(id, event, retry);
                    }
                } finally {
                    tell(then, outcome);
                }
            });
        }

        /**
         * The thread was no drill's when the event was handled, but it may be a drill's whose post the platform
         * has taken and whose thread is being recorded right now (by another instance or worker). The event is
         * marked first and the thread looked up again after: whichever of the two comes last, this or the
         * recording's {@link #reopen}, finds the mark and hands the event out again, and only one of them does.
         */
        private void doneWithoutDrill(long id, dev.drillbot.core.chat.ThreadRef thread) {
            inbox.doneWithoutDrill(id);
            if (answers.isDrillThread(thread)) {
                reopen(thread);
            }
        }

        /** Queues the event again after the next delay; the answer is stored and scored, so only the reply is redone. */
        private void retryLater(long id, Inbox.Event event, int retry) {
            List<Duration> delays = retryRepliesAfter;
            if (retry >= delays.size()) {
                log.warn("Feedback in thread {} could not be posted after {} retries; it is tried again at the next start",
                        event.message().thread().id(), retry);
                return;
            }
            Duration delay = delays.get(retry);
            log.info("Feedback in thread {} could not be posted; trying again in {} s", event.message().thread().id(),
                    delay.toSeconds());
            RETRIES.schedule(() -> {
                try {
                    queue(id, event, outcome -> { }, retry + 1);
                } catch (RuntimeException e) { // the platform is shutting down: the inbox keeps it for the next start
                    log.info("Feedback retry not queued ({}); it is tried again at the next start", e.toString());
                }
            }, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private static void tell(java.util.function.Consumer<AnswerService.Outcome> then, AnswerService.Outcome outcome) {
            try {
                then.accept(outcome);
            } catch (RuntimeException e) {
                log.warn("Could not say how an answer went: {}", e.toString());
            }
        }

        private AnswerService.Outcome handle(Inbox.Event event) {
            AnswerReceived m = complete.apply(event);
            AnswerService.Outcome outcome = handleNow(event.kind(), m);
            log.debug("{} {} in thread {}: {}", event.kind(), m.messageId(), m.thread().id(), outcome);
            return outcome;
        }
    }
}
