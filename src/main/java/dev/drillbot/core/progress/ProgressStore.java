package dev.drillbot.core.progress;

import dev.drillbot.core.chat.ChannelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;

/** Read side of progress: streaks, gaps and leaderboards. Writes happen in {@code AnswerStore#recordScore}. */
public interface ProgressStore {
    /** Local days on which the channel's schedule posted a drill. */
    NavigableSet<LocalDate> drillDays(ChannelRef channel);

    /** Local days on which the user answered in the channel. */
    Set<LocalDate> answerDays(ChannelRef channel, String userId);

    /** The user's stats per skill slug in this channel. */
    Map<String, SkillStat> userSkills(ChannelRef channel, String userId);

    /** The whole channel's stats per skill slug (for the picker). */
    Map<String, SkillStat> groupSkills(ChannelRef channel);

    /**
     * Average fraction (0..1) per rubric dimension over the user's most recent scored answers, for the
     * dimensions scored in at least {@code minAnswers} of them: one answer says little about a weakness.
     */
    Map<String, Double> recentDimensions(ChannelRef channel, String userId, int answers, int minAnswers);

    /** Ranked best-first: points descending, then earliest first answer. Opted-out users are left out. */
    default List<LeaderboardEntry> leaderboard(ChannelRef channel, Instant since) {
        return leaderboard(channel, since, Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    /** The leaderboard of points first earned in [{@code since}, {@code until}). */
    List<LeaderboardEntry> leaderboard(ChannelRef channel, Instant since, Instant until);

    /** Every scored answer to the channel's drills received in [{@code since}, {@code until}). */
    List<WeekAnswer> scoredAnswers(ChannelRef channel, Instant since, Instant until);

    /** Claims the channel's digest of that local date: true once, false for every later claim. */
    boolean claimDigest(ChannelRef channel, java.time.LocalDate digestDay, Instant now);

    void setOptOut(ChannelRef channel, String userId, boolean optedOut);

    boolean optedOut(ChannelRef channel, String userId);

    /** The user's latest scored answers in any channel of a platform, newest first. */
    List<RecentScore> recentScores(String platform, String userId, int limit);

    /** The user's stats per skill slug over every channel of a platform. */
    Map<String, SkillStat> userSkillsOnPlatform(String platform, String userId);
}
