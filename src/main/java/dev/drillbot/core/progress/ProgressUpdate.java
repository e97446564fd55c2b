package dev.drillbot.core.progress;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.UserRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one scored answer changes in the user's progress, applied by the store in the same
 * transaction as the score itself.
 *
 * @param answerDay the local date of the answer in the channel's zone (feeds the streak)
 * @param skills slugs of the skills the question practises (feeds the gap summary)
 * @param countsForLeaderboard false for practice drills and answers after the drill closed
 */
public record ProgressUpdate(ChannelRef channel, UserRef user, long drillId, Instant answeredAt,
        LocalDate answerDay, List<String> skills, int total, boolean countsForLeaderboard) {}
