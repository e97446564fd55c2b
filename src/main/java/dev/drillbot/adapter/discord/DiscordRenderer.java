package dev.drillbot.adapter.discord;

import dev.drillbot.core.bank.Question;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Turns the core's messages into Discord messages that always fit Discord's limits: 2,000 characters
 * of content, 4,096 per embed description, 1,024 per field, 6,000 per message's embeds, 10 embeds and
 * 5 component rows per message. Longer text is split on line boundaries (code fences are closed and
 * reopened across a split) into several messages, never cut silently. User-supplied text may contain
 * {@code @everyone}: bot messages never ping anyone except the one user a {@code tell} addresses.
 */
final class DiscordRenderer {
    static final int CONTENT_MAX = Message.MAX_CONTENT_LENGTH;
    /** Below the 4,096 limit, leaving room for a reopened code fence. */
    static final int DESCRIPTION_CHUNK = 4000;
    static final int EMBED_TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    static final int EMBEDS_PER_MESSAGE = Message.MAX_EMBED_COUNT;
    static final int FIELD_MAX = MessageEmbed.VALUE_MAX_LENGTH;
    static final int TITLE_MAX = MessageEmbed.TITLE_MAX_LENGTH;

    static final String ANSWER = "drill:answer";
    static final String HINT = "drill:hint";
    static final String SKIP = "drill:skip:";
    static final String STATS = "drill:stats";

    private static final int GREEN = 0x2ECC71;
    private static final int AMBER = 0xF1C40F;
    private static final int RED = 0xE74C3C;
    private static final int LP_COLOUR = 0xFF9900;
    private static final int SQL_COLOUR = 0x3498DB;

    private DiscordRenderer() {}

    /** A drill: the first message carries the embed and the buttons; any overflow goes in further messages. */
    static List<MessageCreateData> drill(OutgoingMessage.DrillPost post) {
        Question q = post.question();
        String body = markdown(post.text()).replace("**" + q.title() + "**\n", "").strip();
        List<MessageEmbed> embeds = new ArrayList<>();
        List<String> chunks = split(body, DESCRIPTION_CHUNK);
        for (int i = 0; i < chunks.size(); i++) {
            EmbedBuilder e = new EmbedBuilder().setColor(q.track() == Track.LP ? LP_COLOUR : SQL_COLOUR)
                    .setDescription(chunks.get(i));
            if (i == 0) {
                e.setTitle(truncate(q.title(), TITLE_MAX));
            }
            if (i == chunks.size() - 1) {
                e.setFooter("Answer in this message's thread, or press Answer · question " + truncate(q.id(), 100));
            }
            embeds.add(e.build());
        }
        List<MessageCreateData> messages = pack(embeds);
        MessageCreateData first = messages.get(0);
        messages.set(0, MessageCreateBuilder.from(first).setComponents(buttons(q.track())).build());
        return messages;
    }

    /** One row (of the five Discord allows) of drill buttons. */
    static ActionRow buttons(Track track) {
        return ActionRow.of(Button.primary(ANSWER, "Answer"), Button.secondary(HINT, "Hint"),
                Button.secondary(SKIP + track.slug(), "Skip"), Button.secondary(STATS, "My stats"));
    }

    /**
     * Feedback: an embed titled with the score and coloured by the verdict, the rendered feedback as its
     * description, and the detail (a SQL row diff) as a code block: a field when it fits, else messages of
     * their own.
     */
    static List<MessageCreateData> feedback(OutgoingMessage.Feedback feedback) {
        Score score = feedback.score();
        String text = feedback.text();
        String detailBlock = "```\n" + score.detail() + "\n```";
        boolean detailSeparate = !score.detail().isEmpty() && text.contains(detailBlock);
        if (detailSeparate) {
            text = text.replace(detailBlock + "\n", "").replace(detailBlock, "");
        }
        String title = truncate(score.total() + "/100 · " + score.verdict().label(), TITLE_MAX);
        List<MessageEmbed> embeds = new ArrayList<>();
        List<String> chunks = split(markdown(text).strip(), DESCRIPTION_CHUNK);
        boolean detailInField = detailSeparate && detailBlock.length() <= FIELD_MAX;
        for (int i = 0; i < chunks.size(); i++) {
            EmbedBuilder e = new EmbedBuilder().setColor(colour(score.verdict())).setDescription(chunks.get(i));
            if (i == 0) {
                e.setTitle(title);
            }
            if (i == chunks.size() - 1 && detailInField) {
                e.addField("Details", detailBlock, false);
            }
            embeds.add(e.build());
        }
        List<MessageCreateData> messages = new ArrayList<>(pack(embeds));
        if (detailSeparate && !detailInField) {
            messages.addAll(plain(detailBlock));
        }
        return messages;
    }

    /** Plain text as content, split into messages of at most 2,000 characters; pings nobody. */
    static List<MessageCreateData> plain(String text) {
        List<MessageCreateData> out = new ArrayList<>();
        for (String chunk : split(markdown(text), CONTENT_MAX)) {
            out.add(new MessageCreateBuilder().setContent(chunk)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build());
        }
        return out;
    }

    /** Plain text addressed to one user, who alone is pinged. */
    static List<MessageCreateData> addressed(String userId, String text) {
        List<MessageCreateData> out = new ArrayList<>();
        for (String chunk : split("<@" + userId + "> " + markdown(text), CONTENT_MAX)) {
            out.add(new MessageCreateBuilder().setContent(chunk)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionUsers(userId).build());
        }
        return out;
    }

    /** Any outgoing message, rendered by its kind. */
    static List<MessageCreateData> render(OutgoingMessage message) {
        if (message instanceof OutgoingMessage.DrillPost p) {
            return drill(p);
        }
        if (message instanceof OutgoingMessage.Feedback f) {
            return feedback(f);
        }
        return plain(message.text());
    }

    /** Groups embeds into messages of at most 10 embeds and 6,000 characters. */
    static List<MessageCreateData> pack(List<MessageEmbed> embeds) {
        List<MessageCreateData> out = new ArrayList<>();
        List<MessageEmbed> current = new ArrayList<>();
        int length = 0;
        for (MessageEmbed e : embeds) {
            if (!current.isEmpty() && (current.size() == EMBEDS_PER_MESSAGE || length + e.getLength() > EMBED_TOTAL_MAX)) {
                out.add(embedMessage(current));
                current = new ArrayList<>();
                length = 0;
            }
            current.add(e);
            length += e.getLength();
        }
        if (!current.isEmpty()) {
            out.add(embedMessage(current));
        }
        return out;
    }

    private static MessageCreateData embedMessage(List<MessageEmbed> embeds) {
        return new MessageCreateBuilder().setEmbeds(embeds)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build();
    }

    static int colour(Verdict v) {
        return switch (v) {
            case CORRECT, STRONG -> GREEN;
            case PARTIAL, SOLID, MIXED -> AMBER;
            case WRONG, NOT_YET -> RED;
        };
    }

    /**
     * Splits text into chunks of at most {@code max} characters, preferring line boundaries. A chunk that
     * ends inside a code fence is closed with a fence and the next one reopens it with the same opening
     * line, so every chunk renders on its own.
     */
    static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            out.add("\u200b");
            return out;
        }
        if (text.length() <= max) {
            out.add(text);
            return out;
        }
        final String close = "\n```";
        StringBuilder chunk = new StringBuilder();
        String openFence = null;
        for (String line : text.split("\n", -1)) {
            // A line longer than a chunk is cut into pieces that each fit next to a reopened fence.
            List<String> pieces = new ArrayList<>();
            int room = max - close.length() - 16;
            if (line.length() > room) {
                for (int i = 0; i < line.length(); i += room) {
                    pieces.add(line.substring(i, Math.min(line.length(), i + room)));
                }
            } else {
                pieces.add(line);
            }
            for (String piece : pieces) {
                int needed = (chunk.length() == 0 ? 0 : 1) + piece.length() + (openFence != null ? close.length() : 0);
                if (chunk.length() > 0 && chunk.length() + needed > max - close.length()) {
                    if (openFence != null) {
                        chunk.append(close);
                    }
                    out.add(chunk.toString());
                    chunk = new StringBuilder();
                    if (openFence != null) {
                        chunk.append(openFence);
                    }
                }
                if (chunk.length() > 0) {
                    chunk.append('\n');
                }
                chunk.append(piece);
            }
            if (line.strip().startsWith("```")) {
                openFence = openFence == null ? line.strip() : null;
            }
        }
        if (chunk.length() > 0) {
            out.add(chunk.toString());
        }
        return out;
    }

    private static final Pattern SLACK_BOLD = Pattern.compile("(?<![*\\w])\\*(?![\\s*])([^*\\n]*?[^\\s*])\\*(?![*\\w])");

    /** The core's templates use single-star bold (as Slack does); Discord wants double stars. Code stays as is. */
    static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean fence = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("```")) {
                fence = !fence;
                out.append(line);
            } else if (fence) {
                out.append(line);
            } else {
                String[] parts = line.split("`", -1);
                for (int p = 0; p < parts.length; p++) {
                    if (p > 0) {
                        out.append('`');
                    }
                    out.append(p % 2 == 0 ? bold(parts[p]) : parts[p]);
                }
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String bold(String s) {
        Matcher m = SLACK_BOLD.matcher(s);
        return m.replaceAll(r -> Matcher.quoteReplacement("**" + r.group(1) + "**"));
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
