package dev.drillbot.core.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaced review: every question a user answered below "solid" becomes a review item scheduled with FSRS;
 * every later answer to it is a review whose score is the rating (below 40 again, below 60 hard, below 80
 * good, else easy), and the item comes due when recall is predicted to fall to 90%.
 */
public final class Reviews {
    private static final Logger log = LoggerFactory.getLogger(Reviews.class);
    /** Answers below this total (the "solid" band) start a review item. */
    static final int SOLID = 60;

    private final ReviewStore store;

    public Reviews(ReviewStore store) {
        this.store = store;
    }

    static Fsrs.Rating rating(int total) {
        return total < 40 ? Fsrs.Rating.AGAIN : total < SOLID ? Fsrs.Rating.HARD : total < 80 ? Fsrs.Rating.GOOD
                : Fsrs.Rating.EASY;
    }

    /** Records a scored answer; never throws (a review schedule must not cost anyone their feedback). */
    public void scored(String platform, String userId, String questionId, int total, LocalDate day) {
        try {
            Fsrs.Rating rating = rating(total);
            Optional<ReviewStore.Item> item = store.item(platform, userId, questionId);
            Fsrs.State state;
            int reviews;
            if (item.isPresent()) {
                long elapsed = Math.max(0, ChronoUnit.DAYS.between(item.get().lastDay(), day));
                state = Fsrs.next(item.get().state(), rating, elapsed);
                reviews = item.get().reviews() + 1;
            } else if (total < SOLID) {
                state = Fsrs.first(rating);
                reviews = 1;
            } else {
                return; // solid at the first try: nothing to review
            }
            store.save(new ReviewStore.Item(platform, userId, questionId, state, day,
                    day.plusDays(Fsrs.intervalDays(state.stability())), reviews));
        } catch (RuntimeException e) {
            log.warn("Could not update the review schedule of {} for {}: {}", userId, questionId, e.toString());
        }
    }

    public List<ReviewStore.Item> due(String platform, String userId, LocalDate day) {
        return store.due(platform, userId, day);
    }

    public Optional<ReviewStore.Item> nextAfter(String platform, String userId, LocalDate day) {
        return store.nextAfter(platform, userId, day);
    }
}
