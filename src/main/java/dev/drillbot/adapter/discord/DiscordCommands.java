package dev.drillbot.adapter.discord;

import dev.drillbot.core.bank.Principle;
import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.QuestionBank;
import dev.drillbot.core.bank.SqlTopic;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.command.Command;
import dev.drillbot.core.command.CommandRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Translates the core's command registry into Discord slash commands and back. {@code /drill} gets
 * typed options (track, principle and topic as fixed choices, a question id with autocomplete) so users
 * pick from lists instead of typing slugs; {@code /leaderboard} gets its scope as choices; any other
 * command with arguments gets one free-text {@code args} option. Every option maps back to the argument
 * text the core's command parses.
 */
final class DiscordCommands {
    static final int MAX_CHOICES = 25;
    private static final int DESCRIPTION_MAX = 100;

    private DiscordCommands() {}

    static List<SlashCommandData> definitions(CommandRegistry registry) {
        List<SlashCommandData> out = new ArrayList<>();
        for (Command c : registry.all()) {
            SlashCommandData data = Commands.slash(c.name(), DiscordRenderer.truncate(c.summary(), DESCRIPTION_MAX))
                    .setContexts(InteractionContextType.GUILD);
            switch (c.name()) {
                case "drill" -> data.addOptions(
                        new OptionData(OptionType.STRING, "track", "LP stories or SQL queries")
                                .addChoice(Track.LP.displayName(), Track.LP.slug())
                                .addChoice(Track.SQL.displayName(), Track.SQL.slug()),
                        choices(new OptionData(OptionType.STRING, "principle", "a Leadership Principle to practise"),
                                List.of(Principle.values()), Principle::displayName, Principle::slug),
                        choices(new OptionData(OptionType.STRING, "topic", "a SQL topic to practise"),
                                List.of(SqlTopic.values()), SqlTopic::displayName, SqlTopic::slug),
                        new OptionData(OptionType.STRING, "question", "a question by id or title")
                                .setAutoComplete(true));
                case "leaderboard" -> data.addOptions(new OptionData(OptionType.STRING, "scope", "which ranking")
                        .addChoice("this week", "week").addChoice("all time", "all")
                        .addChoice("leave the leaderboard", "optout").addChoice("rejoin the leaderboard", "optin"));
                default -> {
                    if (!c.usage().isBlank()) {
                        data.addOptions(new OptionData(OptionType.STRING, "args",
                                DiscordRenderer.truncate(c.usage(), DESCRIPTION_MAX)));
                    }
                }
            }
            out.add(data);
        }
        return out;
    }

    /**
     * The argument text for the core: for {@code /drill} the most specific of question, topic, principle,
     * track; for other commands their single option.
     */
    static String args(String command, Function<String, OptionMapping> option) {
        List<String> names = switch (command) {
            case "drill" -> List.of("question", "topic", "principle", "track");
            case "leaderboard" -> List.of("scope");
            default -> List.of("args");
        };
        for (String name : names) {
            OptionMapping m = option.apply(name);
            if (m != null && !m.getAsString().isBlank()) {
                return m.getAsString().strip();
            }
        }
        return "";
    }

    /** Question ids whose id or title contains what the user typed, at most 25. */
    static List<net.dv8tion.jda.api.interactions.commands.Command.Choice> questionChoices(QuestionBank bank,
            String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<net.dv8tion.jda.api.interactions.commands.Command.Choice> out = new ArrayList<>();
        for (Question q : bank.all()) {
            if (q.id().toLowerCase(Locale.ROOT).contains(wanted) || q.title().toLowerCase(Locale.ROOT).contains(wanted)) {
                String label = DiscordRenderer.truncate(q.track().slug().toUpperCase(Locale.ROOT) + " · " + q.title(),
                        DESCRIPTION_MAX);
                if (q.id().length() <= DESCRIPTION_MAX) {
                    out.add(new net.dv8tion.jda.api.interactions.commands.Command.Choice(label, q.id()));
                }
            }
            if (out.size() == MAX_CHOICES) {
                break;
            }
        }
        return out;
    }

    /** Commands whose replies are for everyone in the channel, so their deferral is visible. */
    static boolean visible(String command, String args) {
        return command.equals("leaderboard") && !Set.of("optout", "optin").contains(args);
    }

    private static <T> OptionData choices(OptionData option, List<T> values, Function<T, String> name,
            Function<T, String> value) {
        for (T v : values.subList(0, Math.min(values.size(), MAX_CHOICES))) {
            option.addChoice(DiscordRenderer.truncate(name.apply(v), DESCRIPTION_MAX), value.apply(v));
        }
        return option;
    }
}
