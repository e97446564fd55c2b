package dev.drillbot.core.review;

/**
 * The Free Spaced Repetition Scheduler, version 6: its published memory model (difficulty, stability,
 * retrievability) with the 21 default weights, at the granularity of days (a drill is reviewed at most a
 * few times a day, so there are no minute-long learning steps and no interval fuzz). Written from the
 * formulas; stateless and thread-safe.
 */
public final class Fsrs {
    /** The FSRS-6 default weights w0..w20. */
    static final double[] W = {0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
    static final double DESIRED_RETENTION = 0.9;
    static final double MIN_STABILITY = 0.001;
    static final int MAX_INTERVAL_DAYS = 36500;

    private static final double DECAY = -W[20];
    private static final double FACTOR = Math.pow(0.9, 1 / DECAY) - 1;

    /** How a review went. */
    public enum Rating {
        AGAIN(1), HARD(2), GOOD(3), EASY(4);

        final int grade;

        Rating(int grade) {
            this.grade = grade;
        }
    }

    /** A memory state: stability in days, difficulty 1..10. */
    public record State(double stability, double difficulty) {}

    private Fsrs() {}

    /** The state after the first review. */
    public static State first(Rating r) {
        return new State(Math.max(W[r.grade - 1], MIN_STABILITY), clampDifficulty(initialDifficulty(r)));
    }

    /** The state after a later review, {@code elapsedDays} after the previous one. */
    public static State next(State s, Rating r, long elapsedDays) {
        double stability;
        if (elapsedDays < 1) {
            stability = shortTermStability(s.stability(), r);
        } else {
            double retrievability = retrievability(elapsedDays, s.stability());
            stability = r == Rating.AGAIN ? forgetStability(s, retrievability) : recallStability(s, retrievability, r);
        }
        return new State(Math.max(stability, MIN_STABILITY), nextDifficulty(s.difficulty(), r));
    }

    /** The probability of recall {@code days} after a review with this stability. */
    public static double retrievability(double days, double stability) {
        return Math.pow(1 + FACTOR * days / stability, DECAY);
    }

    /** Whole days until recall falls to the desired retention (at least 1). */
    public static int intervalDays(double stability) {
        double days = stability / FACTOR * (Math.pow(DESIRED_RETENTION, 1 / DECAY) - 1);
        return (int) Math.min(MAX_INTERVAL_DAYS, Math.max(1, Math.round(days)));
    }

    private static double initialDifficulty(Rating r) {
        return W[4] - Math.exp(W[5] * (r.grade - 1)) + 1;
    }

    private static double nextDifficulty(double d, Rating r) {
        double delta = -W[6] * (r.grade - 3);
        double damped = d + (10 - d) * delta / 9; // linear damping: changes shrink near the maximum
        return clampDifficulty(W[7] * initialDifficulty(Rating.EASY) + (1 - W[7]) * damped); // mean reversion
    }

    private static double shortTermStability(double s, Rating r) {
        double increase = Math.exp(W[17] * (r.grade - 3 + W[18])) * Math.pow(s, -W[19]);
        if (r == Rating.GOOD || r == Rating.EASY) {
            increase = Math.max(increase, 1);
        }
        return s * increase;
    }

    private static double forgetStability(State s, double retrievability) {
        double longTerm = W[11] * Math.pow(s.difficulty(), -W[12]) * (Math.pow(s.stability() + 1, W[13]) - 1)
                * Math.exp((1 - retrievability) * W[14]);
        double shortTerm = s.stability() / Math.exp(W[17] * W[18]);
        return Math.min(longTerm, shortTerm);
    }

    private static double recallStability(State s, double retrievability, Rating r) {
        double hardPenalty = r == Rating.HARD ? W[15] : 1;
        double easyBonus = r == Rating.EASY ? W[16] : 1;
        return s.stability() * (1 + Math.exp(W[8]) * (11 - s.difficulty()) * Math.pow(s.stability(), -W[9])
                * (Math.exp((1 - retrievability) * W[10]) - 1) * hardPenalty * easyBonus);
    }

    private static double clampDifficulty(double d) {
        return Math.min(10, Math.max(1, d));
    }
}
