/**
 * Progress: streaks over drill days, gap summaries per principle and topic, and leaderboards. The
 * rules are pure functions of stored facts, so they can be tested without a database.
 */
package dev.drillbot.core.progress;
