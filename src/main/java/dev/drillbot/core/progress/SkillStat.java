package dev.drillbot.core.progress;

import java.time.Instant;

/** How often a skill was practised and how well, by one user or by a whole channel. */
public record SkillStat(String skill, int attempts, double averageScore, Instant lastPractised) {}
