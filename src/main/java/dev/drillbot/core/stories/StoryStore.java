package dev.drillbot.core.stories;

import java.util.List;

/** The user's stories on one platform, from their scored LP answers, and the titles they gave them. */
public interface StoryStore {
    /**
     * Every drill the user answered on the LP track on the platform, with its best answer, and every question of
     * their mock interviews they answered (of any track: the caller keeps the LP ones), oldest first.
     */
    List<Story> stories(String platform, String userId);

    /** Gives the story a title (replacing an earlier one). */
    void name(String platform, String userId, Story story, String title);
}
