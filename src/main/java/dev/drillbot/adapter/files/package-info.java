/**
 * Files on disk: the YAML question bank, the configuration tree and the message templates. YAML is
 * read into a line-aware tree ({@link dev.drillbot.adapter.files.YamlNode}) so that every error can
 * name the file, line and field.
 */
package dev.drillbot.adapter.files;
