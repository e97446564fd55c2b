/**
 * The Slack adapter: Bolt for Java over Socket Mode. It translates Slack events, slash commands and
 * button presses into calls of the core and renders the core's messages as Block Kit, within Slack's
 * limits. Every envelope is acknowledged at once and the work runs afterwards, in order per channel;
 * Web API calls that are rate limited (HTTP 429) are retried after {@code Retry-After}.
 */
package dev.drillbot.adapter.slack;
