/** The console channel: the embedded default that runs the whole loop in a terminal or a pipe. */
package dev.drillbot.adapter.console;
