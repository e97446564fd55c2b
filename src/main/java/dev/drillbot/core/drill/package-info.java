/**
 * The drill lifecycle: choosing a question, posting it exactly once per scheduled fire time, and
 * taking answers through store → score → progress → reply.
 */
package dev.drillbot.core.drill;
