/**
 * The neutral chat model shared by all platforms: channels, threads, users, outgoing messages and the
 * {@link dev.drillbot.core.chat.ChatGateway} port that adapters implement.
 */
package dev.drillbot.core.chat;
