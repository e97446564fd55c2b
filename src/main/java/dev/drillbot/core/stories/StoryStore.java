package dev.drillbot.core.stories;

import java.util.List;

/** The user's stories on one platform, from their scored LP answers, and the titles they gave them. */
public interface StoryStore {
    /** Every drill the user answered on the LP track on the platform, oldest first, with its best answer. */
    List<Story> stories(String platform, String userId);

    /** Gives the story of that drill a title (replacing an earlier one). */
    void name(String platform, String userId, long drillId, String title);
}
