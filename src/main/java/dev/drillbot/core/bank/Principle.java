package dev.drillbot.core.bank;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** The sixteen Amazon Leadership Principles. */
public enum Principle implements Skill {
    CUSTOMER_OBSESSION("customer-obsession", "Customer Obsession"),
    OWNERSHIP("ownership", "Ownership"),
    INVENT_AND_SIMPLIFY("invent-and-simplify", "Invent and Simplify"),
    ARE_RIGHT_A_LOT("are-right-a-lot", "Are Right, A Lot"),
    LEARN_AND_BE_CURIOUS("learn-and-be-curious", "Learn and Be Curious"),
    HIRE_AND_DEVELOP_THE_BEST("hire-and-develop-the-best", "Hire and Develop the Best"),
    INSIST_ON_THE_HIGHEST_STANDARDS("insist-on-the-highest-standards", "Insist on the Highest Standards"),
    THINK_BIG("think-big", "Think Big"),
    BIAS_FOR_ACTION("bias-for-action", "Bias for Action"),
    FRUGALITY("frugality", "Frugality"),
    EARN_TRUST("earn-trust", "Earn Trust"),
    DIVE_DEEP("dive-deep", "Dive Deep"),
    HAVE_BACKBONE("have-backbone", "Have Backbone; Disagree and Commit"),
    DELIVER_RESULTS("deliver-results", "Deliver Results"),
    EARTHS_BEST_EMPLOYER("earths-best-employer", "Strive to be Earth's Best Employer"),
    BROAD_RESPONSIBILITY("broad-responsibility", "Success and Scale Bring Broad Responsibility");

    private final String slug;
    private final String displayName;

    Principle(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Track track() {
        return Track.LP;
    }

    /** Accepts the slug, the display name, or either with other punctuation and case ("Dive Deep", "dive_deep"). */
    public static Optional<Principle> parse(String text) {
        String wanted = normalise(text);
        for (Principle p : values()) {
            if (normalise(p.slug).equals(wanted) || normalise(p.displayName).equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return plain.replace("'", "").replace("’", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
