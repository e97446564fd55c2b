package dev.drillbot.adapter.schedule;

import dev.drillbot.core.drill.ChannelSettings;
import dev.drillbot.core.drill.DrillService;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires each channel's cron schedule in the channel's time zone and hands the fire time to
 * {@link DrillService#postScheduled}. Quartz only keeps time; whether a fire posts anything (already
 * posted, too late) is the core's decision, backed by the database's unique key.
 */
public final class QuartzDrillScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuartzDrillScheduler.class);
    private static final String CHANNEL = "channel";

    private final List<ChannelSettings> channels;
    private final DrillService drills;
    private final Clock clock;
    private Scheduler scheduler;

    /** Run once a minute (the at-risk reminders); nothing when absent. */
    private final Runnable everyMinute;
    private static final String MINUTE = "every-minute";

    public QuartzDrillScheduler(List<ChannelSettings> channels, DrillService drills, Clock clock) {
        this(channels, drills, clock, null);
    }

    public QuartzDrillScheduler(List<ChannelSettings> channels, DrillService drills, Clock clock, Runnable everyMinute) {
        this(channels, drills, clock, everyMinute, "0 * * * * ?");
    }

    /** As above, with the periodic job's cron (tests run it every second). */
    QuartzDrillScheduler(List<ChannelSettings> channels, DrillService drills, Clock clock, Runnable everyMinute,
            String periodicCron) {
        this.channels = List.copyOf(channels);
        this.drills = drills;
        this.clock = clock;
        this.everyMinute = everyMinute;
        this.periodicCron = periodicCron;
    }

    private final String periodicCron;

    /**
     * Posts any missed drill still inside its grace window, then starts the cron triggers.
     */
    public void start() {
        catchUp();
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "drillbot-" + UUID.randomUUID());
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.threadPool.threadCount", "2");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
            scheduler = new StdSchedulerFactory(p).getScheduler();
            // Our own factory: jobs are closures over the core's routine, not classes Quartz instantiates.
            scheduler.setJobFactory((bundle, s) -> bundle.getJobDetail().getKey().getName().equals(MINUTE)
                    ? minute() : fire((ChannelSettings) bundle.getJobDetail().getJobDataMap().get(CHANNEL)));
            scheduler.scheduleJob(JobBuilder.newJob(Job.class).withIdentity(MINUTE).build(),
                    TriggerBuilder.newTrigger().withIdentity(MINUTE).withSchedule(CronScheduleBuilder
                            .cronSchedule(periodicCron).withMisfireHandlingInstructionDoNothing()).build());
            for (ChannelSettings ch : channels) {
                if (!ch.scheduled()) {
                    continue;
                }
                var data = new org.quartz.JobDataMap();
                data.put(CHANNEL, ch);
                JobDetail job = JobBuilder.newJob(Job.class).withIdentity(ch.channel().key()).usingJobData(data).build();
                Trigger trigger = TriggerBuilder.newTrigger().withIdentity(ch.channel().key())
                        .withSchedule(CronScheduleBuilder.cronSchedule(ch.schedule())
                                .inTimeZone(TimeZone.getTimeZone(ch.zone()))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build();
                scheduler.scheduleJob(job, trigger);
                log.info("Scheduled {} at \"{}\" ({}); next drill {}", ch.channel(), ch.schedule(), ch.zone(),
                        trigger.getNextFireTime() == null ? "never" : trigger.getNextFireTime().toInstant());
            }
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    private Job minute() {
        return context -> {
            try {
                // a drill whose post failed, or whose claimer (another instance, or this one before a
                // restart) stopped before posting, is posted now if still inside its grace window
                catchUp();
            } catch (RuntimeException e) {
                log.error("Catching up missed drills failed", e);
            }
            try {
                if (everyMinute != null) {
                    everyMinute.run();
                }
            } catch (RuntimeException e) {
                log.error("The every-minute job failed", e);
            }
        };
    }

    private Job fire(ChannelSettings ch) {
        return context -> {
            Instant fireTime = context.getScheduledFireTime().toInstant();
            try {
                DrillService.PostOutcome outcome = drills.postScheduled(ch, fireTime);
                log.debug("Schedule fired for {} at {}: {}", ch.channel(), fireTime, outcome);
            } catch (RuntimeException e) {
                log.error("Scheduled drill for {} at {} failed", ch.channel(), fireTime, e);
            }
        };
    }

    /** For every channel, offers the most recent past fire time to the core once. */
    void catchUp() {
        Instant now = clock.instant();
        for (ChannelSettings ch : channels) {
            if (!ch.scheduled()) {
                continue;
            }
            latestFireAtOrBefore(ch, now).ifPresent(fire -> {
                DrillService.PostOutcome outcome = drills.postScheduled(ch, fire);
                if (outcome == DrillService.PostOutcome.POSTED) {
                    log.info("Caught up: posted the drill for {} scheduled at {}", ch.channel(), fire);
                }
            });
        }
    }

    /** The last fire time not after {@code now}, searching back through widening windows. */
    static Optional<Instant> latestFireAtOrBefore(ChannelSettings ch, Instant now) {
        CronExpression cron;
        try {
            cron = new CronExpression(ch.schedule());
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid schedule for " + ch.channel() + ": " + e.getMessage(), e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(ch.zone()));
        for (Duration window : List.of(Duration.ofMinutes(2), Duration.ofHours(2), Duration.ofDays(2),
                Duration.ofDays(32), Duration.ofDays(400))) {
            Date cursor = Date.from(now.minus(window));
            Instant last = null;
            for (int i = 0; i < 200_000; i++) {
                Date next = cron.getNextValidTimeAfter(cursor);
                if (next == null || next.toInstant().isAfter(now)) {
                    break;
                }
                last = next.toInstant();
                cursor = next;
            }
            if (last != null) {
                return Optional.of(last);
            }
        }
        return Optional.empty();
    }

    /** Stops firing and waits for a drill being posted to finish. */
    @Override
    public void close() {
        if (scheduler != null) {
            try {
                scheduler.shutdown(true);
            } catch (SchedulerException e) {
                log.warn("Scheduler shutdown: {}", e.getMessage());
            }
        }
    }
}
