package dev.drillbot.core.chat;

/** A chat user: the platform's stable id and the name to show. */
public record UserRef(String id, String name) {}
