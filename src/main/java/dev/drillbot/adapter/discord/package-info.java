/**
 * The Discord adapter (JDA): drills as embeds with buttons and a thread per drill, answers from thread
 * messages and from the Answer form, the core's commands as slash commands, and feedback as embeds kept
 * within Discord's limits. It translates and renders; every decision is the core's.
 */
package dev.drillbot.adapter.discord;
