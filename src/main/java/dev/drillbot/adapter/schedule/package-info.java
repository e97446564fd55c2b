/** Quartz, kept in its adapter: it turns cron schedules into calls of the core's drill routine. */
package dev.drillbot.adapter.schedule;
