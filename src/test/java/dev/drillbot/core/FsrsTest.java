package dev.drillbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drillbot.core.review.Fsrs;
import dev.drillbot.core.review.Fsrs.Rating;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The FSRS-6 formulas with the default weights, checked against values worked out by hand from them. */
@DisplayName("FSRS-6: the memory model behind spaced review")
class FsrsTest {
    @Test
    @DisplayName("the first rating sets stability w0..w3 and difficulty w4 - e^(w5(G-1)) + 1")
    void firstReview() {
        assertThat(Fsrs.first(Rating.AGAIN).stability()).isEqualTo(0.212);
        assertThat(Fsrs.first(Rating.GOOD).stability()).isEqualTo(2.3065);
        assertThat(Fsrs.first(Rating.EASY).stability()).isEqualTo(8.2956);
        assertThat(Fsrs.first(Rating.AGAIN).difficulty()).isCloseTo(6.4133, within(1e-9)); // w4 - e^0 + 1
        assertThat(Fsrs.first(Rating.GOOD).difficulty()).isCloseTo(6.4133 - Math.exp(0.8334 * 2) + 1, within(1e-9));
        assertThat(Fsrs.first(Rating.EASY).difficulty()).isEqualTo(1.0); // clamped at the minimum
    }

    @Test
    @DisplayName("recall is 90% after exactly one stability's worth of days, so the interval at 90% retention is the stability")
    void retrievabilityAndInterval() {
        assertThat(Fsrs.retrievability(10, 10)).isCloseTo(0.9, within(1e-9));
        assertThat(Fsrs.retrievability(0, 10)).isEqualTo(1.0);
        assertThat(Fsrs.retrievability(30, 10)).isLessThan(0.9);
        assertThat(Fsrs.intervalDays(2.3065)).isEqualTo(2);
        assertThat(Fsrs.intervalDays(0.212)).as("at least a day").isEqualTo(1);
        assertThat(Fsrs.intervalDays(8.2956)).isEqualTo(8);
    }

    @Test
    @DisplayName("a later review: good grows stability more than hard, again shrinks it; again makes it harder")
    void laterReviews() {
        Fsrs.State s = Fsrs.first(Rating.HARD);
        Fsrs.State good = Fsrs.next(s, Rating.GOOD, 2);
        Fsrs.State hard = Fsrs.next(s, Rating.HARD, 2);
        Fsrs.State easy = Fsrs.next(s, Rating.EASY, 2);
        Fsrs.State again = Fsrs.next(s, Rating.AGAIN, 2);
        assertThat(easy.stability()).isGreaterThan(good.stability());
        assertThat(good.stability()).isGreaterThan(hard.stability()).isGreaterThan(s.stability());
        assertThat(again.stability()).isLessThan(s.stability());
        assertThat(again.difficulty()).isGreaterThan(s.difficulty());
        assertThat(easy.difficulty()).isLessThan(s.difficulty());
        // the recall formula by hand: S(1 + e^w8 (11 - D) S^-w9 (e^((1-R) w10) - 1))
        double r = Fsrs.retrievability(2, s.stability());
        double expected = s.stability() * (1 + Math.exp(1.8722) * (11 - s.difficulty()) * Math.pow(s.stability(), -0.1666)
                * (Math.exp((1 - r) * 0.796) - 1));
        assertThat(good.stability()).isCloseTo(expected, within(1e-9));
    }

    @Test
    @DisplayName("a second answer the same day changes stability only a little (short-term formula)")
    void sameDay() {
        Fsrs.State s = Fsrs.first(Rating.HARD);
        Fsrs.State sameDay = Fsrs.next(s, Rating.GOOD, 0);
        double increase = Math.max(1, Math.exp(0.5425 * (0 + 0.0912)) * Math.pow(s.stability(), -0.0658));
        assertThat(sameDay.stability()).isCloseTo(s.stability() * increase, within(1e-9));
    }
}
