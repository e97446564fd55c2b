package dev.drillbot.core.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The personal practice loop's data: a user's own time zone, their pauses, and when they practised. */
public interface PracticeStore {
    /** A stretch of days (inclusive) on which neither streak counts. */
    record Pause(long id, LocalDate firstDay, LocalDate lastDay) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    /** A user's zone and whether they chose it themselves (false: the platform's profile said so). */
    record UserZone(ZoneId zone, boolean chosen) {}

    Optional<UserZone> zone(String platform, String userId);

    /** The zone the user chose with {@code /timezone}; it wins over the platform's from then on. */
    void setZone(String platform, String userId, ZoneId zone, Instant at);

    /** The zone the platform's profile gives (Slack's {@code users.info}); never overrides the user's choice. */
    void learnZone(String platform, String userId, ZoneId zone, Instant at);

    /** Every pause the user took, oldest first. */
    List<Pause> pauses(String platform, String userId);

    void addPause(String platform, String userId, LocalDate firstDay, LocalDate lastDay);

    /** Moves a pause's last day (ending it early); a pause that would end before it began is removed. */
    void endPause(long id, LocalDate lastDay);

    /** An opt-in daily reminder: at a local time, in the channel where it was switched on. */
    record Reminder(String platform, dev.drillbot.core.chat.UserRef user, dev.drillbot.core.chat.ChannelRef channel,
            java.time.LocalTime at, Optional<LocalDate> lastSent) {}

    void setReminder(dev.drillbot.core.chat.ChannelRef channel, dev.drillbot.core.chat.UserRef user, java.time.LocalTime at);

    /** Returns whether there was one. */
    boolean clearReminder(String platform, String userId);

    Optional<Reminder> reminder(String platform, String userId);

    /** Every reminder that is switched on. */
    List<Reminder> reminders();

    /** Marks the reminder sent for the day; false if it already was (by this process or another). */
    boolean claimReminder(String platform, String userId, LocalDate day);

    /** When each of the user's scored answers in any channel of the platform was sent, oldest first. */
    List<Instant> scoredAnswerTimes(String platform, String userId);
}
