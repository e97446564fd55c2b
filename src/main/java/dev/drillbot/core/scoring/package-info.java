/**
 * The scoring contract shared by both tracks: a {@link dev.drillbot.core.scoring.Scorer} turns an
 * answer into a {@link dev.drillbot.core.scoring.Score} with rubric dimensions and feedback. The
 * engines themselves live in {@code dev.drillbot.scoring.lp} and {@code dev.drillbot.scoring.sql}.
 */
package dev.drillbot.core.scoring;
