/**
 * {@code /mock}: a short interview loop in a private thread - four Leadership Principle questions from
 * different principles (the last a probe-heavy Bar Raiser question) and one SQL question, each with the
 * interviewer's follow-up, then a scorecard per principle and a verdict on the round.
 */
package dev.drillbot.core.mock;
