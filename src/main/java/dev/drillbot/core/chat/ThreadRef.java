package dev.drillbot.core.chat;

/** A thread inside a channel: a Slack {@code thread_ts}, a Discord thread id, a console drill number. */
public record ThreadRef(ChannelRef channel, String id) {}
