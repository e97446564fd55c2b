package dev.drillbot.core.progress;

import java.util.List;

/** Draws progress as PNG images; implemented outside the core, with a chart library. */
public interface ProgressPictures {
    /** {@code /progress}: the practice heatmap, the principle radar and the topic bars. */
    byte[] png(ProgressPicture picture);

    /** The weekly digest's leaderboard: points per person, best first. */
    byte[] leaderboard(String title, List<LeaderboardEntry> top);
}
