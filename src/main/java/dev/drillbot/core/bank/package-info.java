/**
 * The question model: tracks, Leadership Principles, SQL topics and the two question records. Plain
 * data, loaded by {@code adapter.files}; nothing here reads files.
 */
package dev.drillbot.core.bank;
