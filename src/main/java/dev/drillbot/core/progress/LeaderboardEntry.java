package dev.drillbot.core.progress;

import java.time.Instant;

/**
 * @param points sum over drills of the user's best score on each
 * @param firstAnswerAt when the user first answered in the period; earlier wins a tie
 */
public record LeaderboardEntry(String userId, String userName, int points, int drills, Instant firstAnswerAt) {}
