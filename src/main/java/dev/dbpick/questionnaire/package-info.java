/**
 * The one definition of the profile's questions ({@code data/questionnaire.yaml}), and the interview state the questionnaire walks through.
 */
package dev.dbpick.questionnaire;
