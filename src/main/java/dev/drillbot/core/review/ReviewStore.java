package dev.drillbot.core.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The review items: one per user and question answered below "solid". */
public interface ReviewStore {
    record Item(String platform, String userId, String questionId, Fsrs.State state, LocalDate lastDay,
            LocalDate dueDay, int reviews) {}

    Optional<Item> item(String platform, String userId, String questionId);

    void save(Item item);

    /** The user's items due on or before {@code day}, most overdue first. */
    List<Item> due(String platform, String userId, LocalDate day);

    /** The user's next item to come due after {@code day}, if any. */
    Optional<Item> nextAfter(String platform, String userId, LocalDate day);
}
