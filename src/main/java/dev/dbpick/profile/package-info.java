/**
 * The requirements profile: its contract (version 2) and the reader that checks a JSON document against the questionnaire and fills in defaults.
 */
package dev.dbpick.profile;
