/**
 * The questions that follow a ranking, answered by asking the same engine again with changed
 * profiles: the margin of the first pick, the answers that would change it (pivots), the
 * smallest ways out when nothing fits (relaxations), why not a given library, and libraries
 * side by side.
 */
package dev.dbpick.explanation;
