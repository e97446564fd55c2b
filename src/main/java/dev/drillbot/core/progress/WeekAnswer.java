package dev.drillbot.core.progress;

/** One scored answer to a drill of the channel, for the weekly digest. */
public record WeekAnswer(String userId, String questionId, int total) {}
