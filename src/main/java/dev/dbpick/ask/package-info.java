/**
 * The interactive questionnaire ({@code dbpick ask}): the flow over the questions of
 * {@code data/questionnaire.yaml}, and the two ways of asking them, a terminal UI with arrow
 * keys and numbered menus read line by line.
 */
package dev.dbpick.ask;
