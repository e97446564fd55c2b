package dev.drillbot.core.chat;

import dev.drillbot.core.Drillbot;

/**
 * A chat platform connection (Slack, Discord): it sends through its {@link ChatGateway} and, once
 * started, turns platform events into calls of the core. The console is driven by its session instead.
 */
public interface ChatPlatform extends AutoCloseable {
    ChatGateway gateway();

    /** Connects, registers the commands and starts delivering events to {@code bot}. */
    void start(Drillbot bot) throws Exception;

    /** Disconnects, after finishing events in progress. */
    @Override
    void close();
}
