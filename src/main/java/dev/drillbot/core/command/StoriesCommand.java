package dev.drillbot.core.command;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.chat.Gateways;
import dev.drillbot.core.chat.OutgoingFile;
import dev.drillbot.core.scoring.Scoring;
import dev.drillbot.core.stories.Story;
import dev.drillbot.core.stories.StoryStore;
import dev.drillbot.core.text.Messages;
import dev.drillbot.core.text.UserText;
import java.nio.charset.StandardCharsets;
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
 * {@code /stories [name N title | export]}: the user's Leadership Principle story bank. Every LP drill they
 * answered is a story (its best-scored answer); the list shows each one's title (the one they gave, else
 * its first sentence), best score and the principles it shows evidence for, then which of the 16
 * principles have no story at "solid" or better yet. Shown only to the user. {@code export} sends the
 * whole bank, answers and feedback included, as a Markdown file in a direct message (as text where the
 * platform cannot send one).
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
    private final Gateways gateways;

    public StoriesCommand(StoryStore stories, QuestionBank bank, Scoring scoring, Messages messages, Gateways gateways) {
        this.stories = stories;
        this.bank = bank;
        this.scoring = scoring;
        this.messages = messages;
        this.gateways = gateways;
    }

    /** The export's file name. */
    static final String FILE = "drillbot-stories.md";
    /**
     * The most stories one export holds, the newest: with answers of up to 20,000 characters the file stays
     * under about 5 MB, inside what Slack and Discord take as one attachment.
     */
    static final int EXPORT_STORIES = 200;
    /** How much of the export a text reply shows where no file can be sent. */
    static final int TEXT_LIMIT = 3500;

    @Override
    public String name() {
        return "stories";
    }

    @Override
    public String usage() {
        return "[name N title | export]";
    }

    @Override
    public String summary() {
        return "your Leadership Principle stories, what each shows, and the principles still without one";
    }

    @Override
    public CommandReply run(CommandContext context, String args) {
        String platform = context.channel().channel().platform();
        String userId = context.user().id();
        // a mock interview's SQL answer is not a story
        List<Story> mine = stories.stories(platform, userId).stream().filter(s -> bank.find(s.questionId())
                .map(q -> q.track() == dev.drillbot.core.bank.Track.LP).orElse(s.from() == Story.From.DRILL)).toList();
        String a = args.strip();
        if (a.isEmpty()) {
            return CommandReply.privately(messages.render("stories", list(mine, shown(mine))));
        }
        if (a.equalsIgnoreCase("export")) {
            return export(context, mine);
        }
        Matcher m = NAME.matcher(a);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            String title = UserText.inert(m.group(2)).replaceAll("\\s+", " ").strip();
            title = title.length() > TITLE_CHARS ? title.substring(0, TITLE_CHARS - 1).strip() + "…" : title;
            if (n < 1 || n > mine.size()) {
                return usage(args, mine);
            }
            stories.name(platform, userId, mine.get(n - 1), title);
            return CommandReply.privately(messages.render("stories-named", Map.of("n", n, "title", title)));
        }
        return usage(args, mine);
    }

    /** The whole bank as Markdown, sent as a file to the user alone; as text where no file can be sent. */
    private CommandReply export(CommandContext context, List<Story> mine) {
        if (mine.isEmpty()) {
            return CommandReply.privately(messages.render("stories-export", Map.of("none", true)));
        }
        String markdown = messages.render("stories-file", file(context, mine, shown(mine)));
        OutgoingFile file = new OutgoingFile(FILE, "text/markdown", markdown.getBytes(StandardCharsets.UTF_8),
                messages.render("stories-export", Map.of("comment", true, "count", mine.size())).strip());
        boolean sent;
        try {
            sent = gateways.forChannel(context.channel().channel()).sendFile(context.channel().channel(), context.user(), file);
        } catch (RuntimeException e) {
            sent = false; // the platform refused: the user still gets the export, as text
        }
        if (sent) {
            return CommandReply.privately(messages.render("stories-export", Map.of("sent", true, "count", mine.size(),
                    "file", FILE)));
        }
        String shown = markdown.length() <= TEXT_LIMIT ? markdown : markdown.substring(0, TEXT_LIMIT);
        return CommandReply.privately(messages.render("stories-export", Map.of("text", shown, "count", mine.size(),
                "cut", markdown.length() - shown.length())));
    }

    private Map<String, Object> file(CommandContext context, List<Story> mine, List<List<Principle>> shown) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = Math.max(0, mine.size() - EXPORT_STORIES); i < mine.size(); i++) {
            Story s = mine.get(i);
            Question q = bank.find(s.questionId()).orElse(null);
            Map<String, Object> r = new HashMap<>();
            r.put("n", i + 1);
            // the user's own words, in their own file: made inert all the same, as everywhere they are shown
            r.put("title", s.title().orElseGet(() -> firstSentence(s.text())));
            r.put("question", q == null ? s.questionId() : q.title());
            r.put("prompt", q == null ? "" : q.prompt());
            r.put("date", s.firstAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
            r.put("best", s.best());
            r.put("shows", showsText(shown.get(i)));
            r.put("text", UserText.inert(s.text()).strip());
            r.put("feedback", s.feedback().stream().map(l -> Map.of("line", l)).toList());
            r.put("mock", s.from() == Story.From.MOCK);
            rows.add(r);
        }
        Map<String, Object> v = new HashMap<>(list(mine, shown));
        v.put("stories", rows);
        v.put("left", Math.max(0, mine.size() - EXPORT_STORIES));
        v.put("user", UserText.inert(context.user().name()));
        return v;
    }

    /** Per story, the principles it shows evidence for (the scorer reads each story once per command). */
    private List<List<Principle>> shown(List<Story> mine) {
        List<List<Principle>> out = new ArrayList<>();
        for (Story s : mine) {
            List<Principle> principles = new ArrayList<>();
            bank.find(s.questionId()).ifPresent(q -> scoring.shown(q, s.text()).stream()
                    .filter(k -> k instanceof Principle).forEach(k -> principles.add((Principle) k)));
            out.add(principles);
        }
        return out;
    }

    private static String showsText(List<Principle> shows) {
        return shows.isEmpty() ? "no principle clearly yet"
                : String.join(", ", shows.stream().map(Principle::displayName).toList());
    }

    private CommandReply usage(String args, List<Story> mine) {
        return CommandReply.privately(messages.render("stories-usage", Map.of("given", UserText.quoted(args),
                "count", mine.size(), "none", mine.isEmpty())));
    }

    private Map<String, Object> list(List<Story> mine, List<List<Principle>> shown) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<Principle> covered = EnumSet.noneOf(Principle.class);
        for (int i = 0; i < mine.size(); i++) {
            Story s = mine.get(i);
            if (s.best() >= SOLID) {
                covered.addAll(shown.get(i));
            }
            if (i >= mine.size() - SHOWN) { // the most recent ones; coverage counts them all
                Map<String, Object> r = new HashMap<>();
                r.put("n", i + 1);
                r.put("title", s.title().orElseGet(() -> firstSentence(s.text())));
                r.put("best", s.best());
                r.put("shows", showsText(shown.get(i)));
                r.put("mock", s.from() == Story.From.MOCK);
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
