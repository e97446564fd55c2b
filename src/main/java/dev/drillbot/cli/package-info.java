/**
 * The command line ({@code run}, {@code check}, {@code grade}, {@code questions}) and the wiring:
 * {@link dev.drillbot.cli.Bot} is the one place where the core, its stores and the engines are put
 * together with plain constructors; {@link dev.drillbot.cli.Platforms} decides which chat platforms run.
 */
package dev.drillbot.cli;
