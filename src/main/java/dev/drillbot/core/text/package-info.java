/** Message wording: the {@link dev.drillbot.core.text.Messages} port for templates, and text bars. */
package dev.drillbot.core.text;
