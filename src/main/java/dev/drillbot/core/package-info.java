/**
 * The platform-free core. It decides everything (what to post, how answers flow, how progress is
 * counted) and depends on no chat SDK, scheduler, database driver or file format; adapters translate
 * to and from it. {@link dev.drillbot.core.Drillbot} is what adapters are handed.
 */
package dev.drillbot.core;
