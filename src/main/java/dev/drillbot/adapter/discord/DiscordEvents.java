package dev.drillbot.adapter.discord;

import dev.drillbot.core.Drillbot;
import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.EventWork;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.command.CommandContext;
import dev.drillbot.core.command.CommandReply;
import dev.drillbot.core.drill.AnswerIntake;
import dev.drillbot.core.drill.AnswerService;
import dev.drillbot.core.drill.Inbox;
import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.Drill;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Discord events into the core. Runs on JDA's gateway thread, so it only acknowledges (interactions
 * are deferred at once, well inside Discord's 3 seconds) and hands the work to {@link EventWork}, where
 * scoring and the blocking sends happen. Ignores bots (itself included) and events already seen, which a
 * gateway resume may replay.
 */
final class DiscordEvents extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DiscordEvents.class);
    static final String MODAL = "drill:answer:";
    static final String ANSWER_INPUT = "answer";

    private final Drillbot bot;
    private final DiscordChatGateway gateway;
    private final EventWork workers;
    private final RecentKeys seen = new RecentKeys(20_000);
    /** The last text of a recent answer, to tell a real edit from an update that changed nothing the core reads. */
    private final RecentKeys.Values<String> texts = new RecentKeys.Values<>(2_000);
    /** Who wrote a recent answer: its deletion does not say, and must wait behind that author's answer. */
    private final RecentKeys.Values<String> authors = new RecentKeys.Values<>(20_000);
    /** Messages received and not yet handled, to read their attached text file on a worker. */
    private final Map<String, Message> unread = new ConcurrentHashMap<>();
    private final AnswerIntake.Door answers;

    /** Whether thread messages can be read (Message Content intent); without it their text arrives empty. */
    private final boolean readMessages;

    DiscordEvents(Drillbot bot, DiscordChatGateway gateway, EventWork workers, boolean readMessages) {
        this.bot = bot;
        this.gateway = gateway;
        this.workers = workers;
        this.readMessages = readMessages;
        this.answers = bot.intake().eventDoor(DiscordChatGateway.PLATFORM, workers, this::complete);
    }

    /** Handles the answers received before the last stop and not handled then. */
    int resume() {
        return answers.resume();
    }

    // --- session -----------------------------------------------------------------------------------

    @Override
    public void onReady(ReadyEvent event) {
        log.info("Discord gateway ready as {} in {} guild(s)", event.getJDA().getSelfUser().getName(),
                event.getGuildTotalCount());
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
        log.info("Discord gateway disconnected (close code {}); reconnecting", event.getCloseCode());
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        log.info("Discord gateway session resumed");
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        // a new session does not replay what was posted while the old one was gone: read it
        log.info("Discord gateway session recreated; catching up on open drill threads");
        Thread t = new Thread(() -> catchUp(event.getJDA()), "drillbot-discord-catch-up");
        t.setDaemon(true);
        t.start();
    }

    /** How far back drill threads are read after a stop: drills that closed longer ago are left alone. */
    static final java.time.Duration CATCH_UP = java.time.Duration.ofDays(3);

    /**
     * Reads the replies posted in open drill threads while the bot was not connected (Discord does not
     * send them to a new session) and takes them as if they had just arrived, oldest first, with the time
     * they were posted. Every reply since the thread opened is read, 100 at a time; the inbox recognises
     * those already received. Edits made meanwhile are taken as edits; deletions cannot be seen.
     *
     * @return how many replies were new
     */
    int catchUp(net.dv8tion.jda.api.JDA jda) {
        int taken = 0;
        int threads = 0;
        for (ThreadRef open : bot.openThreads(DiscordChatGateway.PLATFORM, java.time.Instant.now().minus(CATCH_UP))) {
            String threadId = open.id();
            ThreadChannel thread = jda.getThreadChannelById(threadId);
            if (thread == null) {
                log.info("Could not catch up on drill thread {}: the bot cannot see it (archived or deleted)", threadId);
                continue;
            }
            threads++;
            try {
                String after = threadId; // a thread's id is that of the message it was opened on, or of its creation
                while (true) {
                    List<Message> page = new ArrayList<>(net.dv8tion.jda.api.entities.MessageHistory
                            .getHistoryAfter(thread, after).limit(100).complete().getRetrievedHistory());
                    if (page.isEmpty()) {
                        break;
                    }
                    page.sort(java.util.Comparator.comparingLong(Message::getIdLong));
                    for (Message m : page) {
                        if (!ignored(m.getAuthor(), m) && seen.add("message:" + m.getId())) {
                            taken += takeMessage(thread, m) ? 1 : 0;
                        }
                    }
                    after = page.get(page.size() - 1).getId();
                    if (page.size() < 100) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Could not read the replies in drill thread {}: {}", threadId, e.toString());
            }
        }
        log.info("Discord: read {} open drill or mock thread(s); {} repl(ies) posted while the bot was away", threads, taken);
        return taken;
    }

    /** A reply read from a thread's history: its answer, and its latest edit if it was edited. */
    private boolean takeMessage(ThreadChannel channel, Message message) {
        ThreadRef thread = threadRef(channel, gateway.threads());
        UserRef user = user(message.getAuthor(), message.getMember());
        texts.put(message.getId(), message.getContentRaw());
        authors.put(message.getId(), user.id());
        boolean isNew = take("message:" + message.getId(), message, new Inbox.Event(Inbox.Kind.ANSWER,
                new AnswerReceived(user, thread, message.getContentRaw(), message.getTimeCreated().toInstant(),
                        message.getId())));
        OffsetDateTime edited = message.getTimeEdited();
        if (edited != null && !isNew) {
            take("edit:" + message.getId() + ":" + edited.toInstant().toEpochMilli(), message, new Inbox.Event(
                    Inbox.Kind.EDIT, new AnswerReceived(user, thread, message.getContentRaw(), edited.toInstant(),
                            message.getId())));
        }
        return isNew;
    }

    // --- answers in drill threads -------------------------------------------------------------------

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        if (!readMessages || !event.isFromGuild() || !event.isFromThread() || ignored(event.getAuthor(), message)
                || !seen.add("message:" + message.getId())) {
            return;
        }
        ThreadRef thread = threadRef(event.getChannel().asThreadChannel(), gateway.threads());
        UserRef user = user(event.getAuthor(), event.getMember());
        texts.put(message.getId(), message.getContentRaw());
        authors.put(message.getId(), user.id());
        take("message:" + message.getId(), message, new Inbox.Event(Inbox.Kind.ANSWER, new AnswerReceived(user, thread,
                message.getContentRaw(), message.getTimeCreated().toInstant(), message.getId())));
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        Message message = event.getMessage();
        OffsetDateTime edited = message.getTimeEdited();
        // Discord also sends updates that are no edit by the user (link previews): no edit time, or same text.
        if (!readMessages || edited == null || !event.isFromGuild() || !event.isFromThread() || ignored(event.getAuthor(), message)
                || texts.get(message.getId()).map(message.getContentRaw()::equals).orElse(false)
                || !seen.add("edit:" + message.getId() + ":" + edited)) {
            return;
        }
        texts.put(message.getId(), message.getContentRaw());
        ThreadRef thread = threadRef(event.getChannel().asThreadChannel(), gateway.threads());
        UserRef user = user(event.getAuthor(), event.getMember());
        take("edit:" + message.getId() + ":" + edited.toInstant().toEpochMilli(), message, new Inbox.Event(Inbox.Kind.EDIT,
                new AnswerReceived(user, thread, message.getContentRaw(), edited.toInstant(), message.getId())));
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        if (!event.isFromGuild() || !event.isFromThread() || !seen.add("delete:" + event.getMessageId())) {
            return;
        }
        // The deletion event does not say who wrote the message; the stored answer does.
        ThreadRef thread = threadRef(event.getChannel().asThreadChannel(), gateway.threads());
        String author = authors.get(event.getMessageId()).orElse(""); // unknown: the stored answer tells
        answers.take("delete:" + event.getMessageId(), new Inbox.Event(Inbox.Kind.WITHDRAW, new AnswerReceived(
                new UserRef(author, author), thread, "", java.time.Instant.now(), event.getMessageId())));
    }

    // --- slash commands --------------------------------------------------------------------------------

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!seen.add("interaction:" + event.getId())) {
            return;
        }
        String name = event.getName();
        String args = DiscordCommands.args(name, event::getOption);
        if (!event.isFromGuild()) {
            event.reply("drillbot works in server channels: use /" + name + " there.").setEphemeral(true).queue();
            return;
        }
        boolean visible = DiscordCommands.visible(name, args);
        event.deferReply(!visible).queue();
        Place place = place(event.getChannel());
        UserRef user = user(event.getUser(), event.getMember());
        InteractionHook hook = event.getHook();
        workers.command(user.id(), "/" + name, answering(hook, () -> {
            CommandReply reply = bot.commands().run(
                    new CommandContext(bot.channels().settings(place.channel()), user, place.thread()), name, args);
            respond(hook, reply, visible);
        }));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (event.getName().equals("drill") && event.getFocusedOption().getName().equals("question")) {
            event.replyChoices(DiscordCommands.questionChoices(bot.bank(), event.getFocusedOption().getValue())).queue();
        } else {
            event.replyChoices(List.of()).queue();
        }
    }

    /** Sends a command's reply through the deferred interaction, visible or ephemeral as the core asked. */
    static void respond(InteractionHook hook, CommandReply reply, boolean deferredVisibly) {
        List<MessageCreateData> parts = DiscordRenderer.render(reply.message());
        switch (reply.visibility()) {
            case PRIVATE -> {
                if (deferredVisibly) {
                    hook.deleteOriginal().complete();
                    parts.forEach(p -> hook.sendMessage(p).setEphemeral(true).complete());
                } else {
                    sendThrough(hook, parts, true);
                }
            }
            case CHANNEL -> {
                if (deferredVisibly) {
                    sendThrough(hook, parts, false);
                } else {
                    hook.editOriginal("Shared in the channel.").complete();
                    parts.forEach(p -> hook.sendMessage(p).setEphemeral(false).complete());
                }
            }
            case NONE -> hook.editOriginal(DiscordRenderer.truncate(reply.message().text(),
                    DiscordRenderer.CONTENT_MAX)).complete();
        }
    }

    /** The first part replaces the deferred "thinking…" response; further parts are follow-ups. */
    private static void sendThrough(InteractionHook hook, List<MessageCreateData> parts, boolean ephemeral) {
        hook.editOriginal(MessageEditData.fromCreateData(parts.get(0))).complete();
        for (MessageCreateData p : parts.subList(1, parts.size())) {
            hook.sendMessage(p).setEphemeral(ephemeral).complete();
        }
    }

    // --- drill buttons and the answer form -----------------------------------------------------------

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        if (!id.startsWith("drill:") || !seen.add("interaction:" + event.getId())) {
            return;
        }
        if (!event.isFromGuild()) {
            event.reply("This button works in server channels only.").setEphemeral(true).queue();
            return;
        }
        Place place = place(event.getChannel());
        String threadId = gateway.threads().threadOf(event.getMessageId());
        ThreadRef thread = new ThreadRef(place.channel(), threadId);
        UserRef user = user(event.getUser(), event.getMember());
        if (id.equals(DiscordRenderer.ANSWER)) {
            TextInput input = TextInput.create(ANSWER_INPUT, TextInputStyle.PARAGRAPH)
                    .setPlaceholder("Your STAR story, or your SQL query")
                    .setRequiredRange(1, TextInput.MAX_VALUE_LENGTH).build();
            event.replyModal(Modal.create(MODAL + threadId, "Your answer")
                    .addComponents(Label.of("Answer", input)).build()).queue();
            return;
        }
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        workers.command(user.id(), "button " + id, answering(hook, () -> {
            ChannelSettings settings = bot.channels().settings(place.channel());
            Optional<Drill> drill = bot.drillStore().byThread(place.channel(), threadId);
            List<String> texts = new ArrayList<>();
            if (id.equals(DiscordRenderer.HINT)) {
                texts.add(drill.map(d -> bot.drills().hint(d, user)).orElse("This drill is not known any more."));
            } else if (id.startsWith(DiscordRenderer.SKIP)) {
                Track track = Track.fromSlug(id.substring(DiscordRenderer.SKIP.length()))
                        .orElse(drill.map(Drill::track).orElse(Track.LP));
                Optional<Drill> posted = bot.drills().postPractice(settings, user, bot.bank().track(track));
                texts.add(posted.flatMap(Drill::threadId)
                        .map(t -> "Here is another " + track.displayName() + " question: <#" + t + ">")
                        .orElse("Could not post another question right now."));
            } else if (id.equals(DiscordRenderer.STATS)) {
                CommandContext context = new CommandContext(settings, user, Optional.of(thread));
                texts.add(bot.commands().run(context, "streak", "").message().text());
                texts.add(bot.commands().run(context, "gaps", "").message().text());
            } else {
                texts.add("Unknown button.");
            }
            List<MessageCreateData> parts = new ArrayList<>();
            texts.forEach(t -> parts.addAll(DiscordRenderer.plain(t)));
            sendThrough(hook, parts, true);
        }));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        if (!event.getModalId().startsWith(MODAL) || !seen.add("interaction:" + event.getId())) {
            return;
        }
        if (!event.isFromGuild()) {
            event.reply("Answers are taken in server channels only.").setEphemeral(true).queue();
            return;
        }
        event.deferReply(true).queue();
        String threadId = event.getModalId().substring(MODAL.length());
        Place place = place(event.getChannel());
        ThreadRef thread = new ThreadRef(place.channel(), threadId);
        ModalMapping value = event.getValue(ANSWER_INPUT);
        AnswerReceived answer = new AnswerReceived(user(event.getUser(), event.getMember()), thread,
                value == null ? "" : value.getAsString(), event.getTimeCreated().toInstant(), "modal:" + event.getId());
        InteractionHook hook = event.getHook();
        // through the inbox like a message: a crash before it is handled does not lose it
        boolean isNew = answers.take("modal:" + event.getId(), new Inbox.Event(Inbox.Kind.ANSWER, answer),
                outcome -> hook.editOriginal(formNote(outcome, threadId)).complete());
        if (!isNew) {
            hook.editOriginal(formNote(AnswerService.Outcome.DUPLICATE, threadId)).queue();
        }
    }

    /** What the form's sender is told; {@code outcome} is null when handling the answer failed. */
    private static String formNote(AnswerService.Outcome outcome, String threadId) {
        if (outcome == null) {
            return "Sorry, that did not work; your answer is kept and will be scored when drillbot restarts.";
        }
        return switch (outcome) {
            case SCORED -> "Scored: your feedback is in <#" + threadId + ">.";
            case REPLY_FAILED -> "Scored, but the feedback could not be posted yet; it will be.";
            case DUPLICATE -> "This answer was already received.";
            case NOT_A_DRILL -> "This drill is not known any more.";
            case EMPTY, TOO_LONG, QUESTION_MISSING, SCORING_FAILED -> "See <#" + threadId + "> for why it was not scored.";
            default -> "Received.";
        };
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** The work of a deferred interaction; if it fails, the user is told instead of seeing "thinking…" for good. */
    private static Runnable answering(InteractionHook hook, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("Answering a Discord interaction failed", e);
                try {
                    hook.editOriginal("Sorry, that did not work. Please try again in a moment.").complete();
                } catch (RuntimeException ignored) {
                    // the interaction may have expired; the error is logged above
                }
            }
        };
    }

    /** Commits an answer event before anything else; the message is kept to read its attached file later. */
    private boolean take(String key, Message message, Inbox.Event typed) {
        Inbox.Event event = typed;
        if (hasTextFile(message)) {
            event = new Inbox.Event(typed.kind(), typed.message(), true); // read again from Discord after a restart
            unread.put(key(event), message);
        }
        if (!answers.take(key, event)) {
            unread.remove(key(event));
            return false;
        }
        return true;
    }

    private static String key(Inbox.Event event) {
        return key(event.kind(), event.message());
    }

    /** A message version's key in {@link #unread}: an answer and its edits each have their own. */
    private static String key(Inbox.Kind kind, AnswerReceived m) {
        return kind + ":" + m.messageId() + ":" + m.at().toEpochMilli();
    }

    /**
     * Makes a stored answer event ready for the core, on a worker: reads the text file attached to the
     * message (downloaded here, not on the gateway thread), and waits briefly for a drill thread users
     * could see a moment before the core had stored its drill, instead of dropping the answer as "not a
     * drill".
     */
    private AnswerReceived complete(Inbox.Event event) {
        AnswerReceived stored = event.message();
        Message message = unread.remove(key(Inbox.Kind.ANSWER, stored));
        if (message == null) {
            message = unread.remove(key(Inbox.Kind.EDIT, stored));
        }
        if (message == null && event.attachedFile()) {
            // handled after a restart: the message with its file is fetched again (the file's link in the
            // old message may have expired); if it is gone, the typed text is all there is
            message = gateway.fetch(stored.thread(), stored.messageId()).orElse(null);
        }
        String text = message == null ? stored.text() : answerText(message);
        ThreadRef thread = stored.thread();
        for (int attempt = 0; attempt < STORE_RETRIES && gateway.threads().contains(thread.id())
                && bot.drillStore().byThread(thread.channel(), thread.id()).isEmpty(); attempt++) {
            try {
                Thread.sleep(STORE_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new AnswerReceived(stored.user(), thread, text, stored.at(), stored.messageId());
    }

    /**
     * The answer's text: the message, plus the first text file attached to it. Discord turns a paste longer
     * than a message may be (2,000 characters, 4,000 with Nitro) into a {@code message.txt} attachment, and
     * a long STAR story or query often is. Runs on a worker: the file is downloaded.
     */
    static String answerText(Message message) {
        String content = message.getContentRaw();
        Optional<Message.Attachment> file = message.getAttachments().stream().filter(DiscordEvents::isText).findFirst();
        if (file.isEmpty()) {
            return content;
        }
        try (java.io.InputStream in = file.get().getProxy().download().get(30, java.util.concurrent.TimeUnit.SECONDS)) {
            // More than the core accepts is refused anyway; reading stops a little past its highest limit.
            String text = new String(in.readNBytes(MAX_ATTACHMENT_BYTES), java.nio.charset.StandardCharsets.UTF_8);
            return content.isBlank() ? text : content + "\n\n" + text;
        } catch (Exception e) {
            log.warn("Could not read the text file attached to message {}: {}", message.getId(), e.toString());
            return content;
        }
    }

    static final int MAX_ATTACHMENT_BYTES = 256 * 1024;

    private static boolean hasTextFile(Message message) {
        return message.getAttachments().stream().anyMatch(DiscordEvents::isText);
    }

    private static boolean isText(Message.Attachment a) {
        String type = a.getContentType() == null ? "" : a.getContentType();
        String name = a.getFileName().toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/") || name.endsWith(".txt") || name.endsWith(".sql") || name.endsWith(".md");
    }

    private static final int STORE_RETRIES = 50;
    private static final long STORE_RETRY_MILLIS = 100;

    /** Where an interaction or message happened: the configured channel, and the thread when inside one. */
    record Place(ChannelRef channel, Optional<ThreadRef> thread) {}

    private Place place(MessageChannel channel) {
        if (channel instanceof ThreadChannel t) {
            ThreadRef thread = threadRef(t, gateway.threads());
            return new Place(thread.channel(), Optional.of(thread));
        }
        return new Place(new ChannelRef(DiscordChatGateway.PLATFORM, channel.getId()), Optional.empty());
    }

    /**
     * The thread as the core knows it. For a drill thread this process opened, the channel comes from its own
     * record: JDA may still be building that thread (parent not yet set) when the first reply arrives.
     */
    static ThreadRef threadRef(ThreadChannel thread, OpenedThreads opened) {
        ChannelRef channel = opened.channelOf(thread.getId()).orElseGet(
                () -> new ChannelRef(DiscordChatGateway.PLATFORM, thread.getParentChannel().getId()));
        return new ThreadRef(channel, thread.getId());
    }

    private static boolean ignored(User author, Message message) {
        return author.isBot() || author.isSystem() || message.isWebhookMessage();
    }

    private static UserRef user(User user, Member member) {
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        return new UserRef(user.getId(), name);
    }
}
