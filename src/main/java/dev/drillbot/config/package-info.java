/**
 * Configuration: {@code drillbot.yaml} read into records with every problem reported as
 * {@code file:line: path: message}, and {@link dev.drillbot.config.Environment} for what only the
 * environment may hold (tokens, file locations).
 */
package dev.drillbot.config;
