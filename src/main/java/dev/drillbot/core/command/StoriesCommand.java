package dev.drillbot.core.command;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.Skill;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.core.stories.Story;
import dev.drillbot.core.stories.StoryStore;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /stories [name N title]}: the user's Leadership Principle story bank. Every LP drill they
 * answered is a story (its best-scored answer); the list shows each one's title (the one they gave, else
 * its first sentence), best score and the principles it shows evidence for, then which of the 16
 * principles have no story at "solid" or better yet. Shown only to the user.
 */
public final class StoriesCommand implements Command {
    /** A story at or above this score covers the principles it shows ("solid" starts at 60). */
    static final int SOLID = 60;
    static final int SHOWN = 25;
    static final int TITLE_CHARS = 80;
    private static final Pattern NAME = Pattern.compile("(?is)name\\s+(\\d{1,4})\\s+(.+)");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(\\s|$)", Pattern.DOTALL);

    private final StoryStore stories;
    private final QuestionBank bank;
    private final Scoring scoring;
    private final Messages messages;

    public StoriesCommand(StoryStore stories, QuestionBank bank, Scoring scoring, Messages messages) {
        this.stories = stories;
        this.bank = bank;
        this.scoring = scoring;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "stories";
    }

    @Override
    public String usage() {
        return "[name N title]";
    }

    @Override
    public String summary() {
        return "your Leadership Principle stories, what each shows, and the principles still without one";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String platform = context.channel().channel().platform();
        String userId = context.user().id();
        List<Story> mine = stories.stories(platform, userId);
        String a = args.strip();
        if (a.isEmpty()) {
            return CommandReply.privately(messages.render("stories", list(mine)));
        }
        Matcher m = NAME.matcher(a);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            String title = UserText.inert(m.group(2)).replaceAll("\\s+", " ").strip();
            title = title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS - 1).strip() + "…" : title;
            if (n < 1 || n > mine.size()) {
                return usage(args, mine);
            }
            stories.name(platform, userId, mine.get(n - 1).drillId(), title);
            return CommandReply.privately(messages.render("stories-named", Map.of("n", n, "title", title)));
        }
        return usage(args, mine);
    }

    private CommandReply usage(String args, List<Story> mine) {
        return CommandReply.privately(messages.render("stories-usage", Map.of("given", UserText.quoted(args),
                "count", mine.size(), "none", mine.isEmpty())));
    }

    private Map<String, Object> list(List<Story> mine) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<Principle> covered = EnumSet.noneOf(Principle.class);
        for (int i = 0; i < mine.size(); i++) {
            Story s = mine.get(i);
            List<String> shows = new ArrayList<>();
            Question q = bank.find(s.questionId()).orElse(null);
            if (q != null) {
                for (Skill k : scoring.shown(q, s.text())) {
                    if (k instanceof Principle p) {
                        shows.add(p.displayName());
                        if (s.best() >= SOLID) {
                            covered.add(p);
                        }
                    }
                }
            }
            if (i >= mine.size() - SHOWN) { // the most recent ones; coverage counts them all
                Map<String, Object> r = new HashMap<>();
                r.put("n", i + 1);
                r.put("title", s.title().orElseGet(() -> firstSentence(s.text())));
                r.put("best", s.best());
                r.put("shows", shows.isEmpty() ? "no principle clearly yet" : String.join(", ", shows));
                rows.add(r);
            }
        }
        List<Map<String, Object>> grid = new ArrayList<>();
        for (Principle p : Principle.values()) {
            grid.add(Map.of("principle", p.displayName(), "covered", covered.contains(p)));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("rows", rows);
        v.put("none", mine.isEmpty());
        v.put("hidden", Math.max(0, mine.size() - SHOWN));
        v.put("grid", grid);
        v.put("coveredCount", covered.size());
        v.put("total", Principle.values().length);
        return v;
    }

    /** The story's first sentence, on one line and at most 60 characters: its title until the user names it. */
    static String firstSentence(String text) {
        String t = UserText.inert(text).strip();
        Matcher m = FIRST_SENTENCE.matcher(t);
        String first = m.find() ? m.group(1) : t;
        return UserText.quoted(first.toLowerCase(Locale.ROOT).startsWith("situation") ? t : first);
    }
}
