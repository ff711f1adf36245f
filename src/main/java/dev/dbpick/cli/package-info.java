/**
 * The picocli command line: thin commands over the engine, renderers for table, JSON and Markdown, exit codes.
 */
package dev.dbpick.cli;
