package dev.drillbot.core.progress;

import dev.drillbot.core.chat.ChannelRef;
import java.time.Instant;

/** One of a user's latest scored answers, for overviews such as Slack's App Home. */
public record RecentScore(ChannelRef channel, String questionId, int total, String verdict, Instant at) {}
