/**
 * Slash commands as small named objects behind one {@link dev.drillbot.core.command.CommandRegistry};
 * every adapter registers the same set on its platform.
 */
package dev.drillbot.core.command;
