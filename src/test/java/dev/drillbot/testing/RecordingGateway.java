package dev.drillbot.testing;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ChatGateway;
import dev.drillbot.core.chat.OutgoingMessage;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat gateway that remembers what was sent, for tests. */
public final class RecordingGateway implements ChatGateway {
    public record Sent(String kind, ChannelRef channel, String threadId, OutgoingMessage message) {}

    private final String platform;
    private final List<Sent> sent = new ArrayList<>();
    /** Shared by every instance: a bot restarted on the same data never reuses a thread id, as no platform does. */
    private static final AtomicInteger ids = new AtomicInteger(100);
    private volatile boolean failPosts;

    public RecordingGateway(String platform) {
        this.platform = platform;
    }

    public void failPosts(boolean fail) {
        this.failPosts = fail;
    }

    private volatile boolean failReplies;

    /** Replies in threads fail, as when the platform is unreachable. */
    public void failReplies(boolean fail) {
        this.failReplies = fail;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public synchronized void announce(ChannelRef channel, OutgoingMessage message) {
        sent.add(new Sent("announce", channel, null, message));
        notifyAll();
    }

    private String earlierPost;

    /**
     * The platform holds the post of an earlier attempt at the next drill taken over, in this thread: the gateway
     * finds it (as Discord's nonce and Slack's message metadata let the real ones) and keeps it instead of posting.
     */
    public synchronized void earlierPostIn(String threadId) {
        this.earlierPost = threadId;
    }

    private volatile java.util.function.Consumer<ThreadRef> whilePosting = thread -> { };

    /**
     * Runs {@code seen} with each new post's thread once the platform has taken the post and before {@link #post}
     * returns it: what users who answer at once can do before the bot has recorded the thread.
     */
    public void whilePosting(java.util.function.Consumer<ThreadRef> seen) {
        this.whilePosting = seen;
    }

    @Override
    public ThreadRef post(ChannelRef channel, OutgoingMessage message) {
        ThreadRef thread = take(channel, message);
        whilePosting.accept(thread); // outside the lock: what it does may reply in other threads
        return thread;
    }

    private synchronized ThreadRef take(ChannelRef channel, OutgoingMessage message) {
        if (failPosts) {
            throw new IllegalStateException("platform unavailable");
        }
        if (earlierPost != null && message instanceof OutgoingMessage.DrillPost d && d.earlierAttempt().isPresent()) {
            ThreadRef kept = new ThreadRef(channel, earlierPost);
            earlierPost = null;
            sent.add(new Sent("kept", channel, kept.id(), message));
            notifyAll();
            return kept;
        }
        ThreadRef t = new ThreadRef(channel, "t" + ids.incrementAndGet());
        sent.add(new Sent("post", channel, t.id(), message));
        notifyAll();
        return t;
    }

    private volatile boolean refusePrivateThreads;

    /** Private threads cannot be opened, as where the bot lacks Discord's Create Private Threads permission. */
    public void refusePrivateThreads(boolean refuse) {
        this.refusePrivateThreads = refuse;
    }

    /** Like Slack: a thread in the user's direct conversation with the bot (channel {@code D-<user id>}). */
    @Override
    public synchronized ThreadRef openPrivateThread(ChannelRef channel, UserRef user, OutgoingMessage first) {
        if (refusePrivateThreads) {
            throw new IllegalStateException("Missing permission: CREATE_PRIVATE_THREADS");
        }
        ThreadRef t = new ThreadRef(new ChannelRef(platform, "D-" + user.id()), "t" + ids.incrementAndGet());
        sent.add(new Sent("private", t.channel(), t.id(), first));
        notifyAll();
        return t;
    }

    private int failingReplies;

    /** The next {@code n} replies fail, then the platform is back. */
    public synchronized void failNextReplies(int n) {
        this.failingReplies = n;
    }

    @Override
    public synchronized void reply(ThreadRef thread, OutgoingMessage message) {
        if (failReplies || failingReplies > 0) {
            failingReplies = Math.max(0, failingReplies - 1);
            throw new IllegalStateException("platform unavailable");
        }
        sent.add(new Sent("reply", thread.channel(), thread.id(), message));
        notifyAll();
    }

    /** Waits until {@code n} replies have been sent, or the time is up; returns whether they were. */
    public synchronized boolean awaitReplies(int n, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (replies().size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private volatile boolean refuseFiles;
    private final List<dev.drillbot.core.chat.OutgoingFile> files = new ArrayList<>();

    /** Files are refused, as where the platform cannot send one or the user's DMs are closed. */
    public void refuseFiles(boolean refuse) {
        this.refuseFiles = refuse;
    }

    @Override
    public synchronized boolean sendFile(ChannelRef channel, UserRef user, dev.drillbot.core.chat.OutgoingFile file) {
        if (refuseFiles) {
            return false;
        }
        files.add(file);
        sent.add(new Sent("file", channel, user.id(), OutgoingMessage.plain(file.comment())));
        return true;
    }

    @Override
    public synchronized boolean announceFile(ChannelRef channel, OutgoingMessage message, dev.drillbot.core.chat.OutgoingFile file) {
        if (refuseFiles) {
            return false;
        }
        files.add(file);
        sent.add(new Sent("announce-file", channel, null, message));
        notifyAll();
        return true;
    }

    /** The files sent, in order. */
    public synchronized List<dev.drillbot.core.chat.OutgoingFile> files() {
        return List.copyOf(files);
    }

    @Override
    public synchronized void tell(ChannelRef channel, UserRef user, OutgoingMessage message) {
        sent.add(new Sent("tell", channel, "", message));
    }

    /** Waits until at least {@code n} drills were posted; false on timeout. */
    public synchronized boolean awaitPosts(int n, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (posts().size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Sent> posts() {
        return sent.stream().filter(s -> s.kind().equals("post")).toList();
    }

    public synchronized List<Sent> replies() {
        return sent.stream().filter(s -> s.kind().equals("reply")).toList();
    }

    public synchronized Sent lastReply() {
        List<Sent> r = replies();
        return r.get(r.size() - 1);
    }
}
