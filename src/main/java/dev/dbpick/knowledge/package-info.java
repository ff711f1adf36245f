/**
 * Finding, reading and compiling the knowledge (rules and data) at run time, its revision hash, and the compiled-rules cache.
 */
package dev.dbpick.knowledge;
