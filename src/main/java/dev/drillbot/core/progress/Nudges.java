package dev.drillbot.core.progress;

import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.drill.ChannelDirectory;
import dev.drillbot.core.text.Messages;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in at-risk reminder ({@code /remind on 20:00}): once the user's local time passes their reminder
 * time on a day they have not practised yet, while a practice streak is running and no pause covers the
 * day, one private message, at most once a day. Run every minute by the scheduler; each reminder is claimed
 * in the store before it is sent, so a day's nudge goes out once even across restarts.
 */
public final class Nudges {
    private static final Logger log = LoggerFactory.getLogger(Nudges.class);

    private final PracticeStore store;
    private final Practice practice;
    private final ChannelDirectory channels;
    private final Gateways gateways;
    private final Messages messages;
    private final Clock clock;

    public Nudges(PracticeStore store, Practice practice, ChannelDirectory channels, Gateways gateways,
            Messages messages, Clock clock) {
        this.store = store;
        this.practice = practice;
        this.channels = channels;
        this.gateways = gateways;
        this.messages = messages;
        this.clock = clock;
    }

    /** Sends the reminders that are due now; returns how many went out. */
    public int tick() {
        int sent = 0;
        for (PracticeStore.Reminder r : store.reminders()) {
            try {
                sent += remind(r) ? 1 : 0;
            } catch (RuntimeException e) { // one user's failure must not stop the others' reminders
                log.warn("Could not remind {} on {}: {}", r.user().id(), r.platform(), e.toString());
            }
        }
        return sent;
    }

    private boolean remind(PracticeStore.Reminder r) {
        if (!gateways.has(r.platform())) {
            return false;
        }
        Practice.Standing me = practice.standing(r.platform(), r.user().id(), channels.settings(r.channel()).zone());
        if (clock.instant().atZone(me.zone().id()).toLocalTime().isBefore(r.at())
                || r.lastSent().filter(d -> !d.isBefore(me.today())).isPresent() || me.paused(me.today())) {
            return false;
        }
        PracticeStreak streak = me.streak();
        if (streak.practisedToday() || streak.current() == 0) {
            return false; // nothing at risk
        }
        if (!store.claimReminder(r.platform(), r.user().id(), me.today())) {
            return false;
        }
        ChatGateway gateway = gateways.forChannel(r.channel());
        gateway.direct(r.channel(), r.user(), OutgoingMessage.plain(messages.render("remind-nudge", Map.of(
                "user", r.user().name(), "current", streak.current(), "freezes", streak.freezes(),
                "zone", me.zone().id().getId()))));
        log.info("Reminded {} on {} ({}-day streak at risk)", r.user().id(), r.platform(), streak.current());
        return true;
    }
}
