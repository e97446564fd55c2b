package dev.drillbot.core.command;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.drill.DrillService;
import dev.drillbot.core.review.ReviewStore;
import dev.drillbot.core.review.Reviews;
import dev.drillbot.core.text.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /review}: the user's most overdue review item (a question answered below "solid", scheduled with
 * FSRS) posted again in its own thread. Its answer counts for the practice streak, never for the
 * leaderboard (it is a practice drill), and reschedules the item.
 */
public final class ReviewCommand implements Command {
    private final QuestionBank bank;
    private final DrillService drills;
    private final Reviews reviews;
    private final Messages messages;
    private final Clock clock;

    public ReviewCommand(QuestionBank bank, DrillService drills, Reviews reviews, Messages messages, Clock clock) {
        this.bank = bank;
        this.drills = drills;
        this.reviews = reviews;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "review";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "your most overdue review: a question you answered below solid, back before you forget it";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String platform = context.channel().channel().platform();
        String user = context.user().id();
        LocalDate today = clock.instant().atZone(context.channel().zone()).toLocalDate();
        List<ReviewStore.Item> due = reviews.due(platform, user, today);
        for (ReviewStore.Item item : due) {
            Optional<Question> q = bank.find(item.questionId());
            if (q.isEmpty()) {
                continue; // removed from the bank since
            }
            if (drills.postPractice(context.channel(), context.user(), List.of(q.get())).isEmpty()) {
                return CommandReply.privately(messages.render("post-failed", Map.of()));
            }
            return CommandReply.none(messages.render("review", Map.of("posted", true, "title", q.get().title(),
                    "more", due.size() - 1)));
        }
        Optional<ReviewStore.Item> next = reviews.nextAfter(platform, user, today);
        return CommandReply.privately(messages.render("review", Map.of("posted", false, "next",
                next.map(i -> i.dueDay().toString()).orElse(""), "hasNext", next.isPresent())));
    }
}
