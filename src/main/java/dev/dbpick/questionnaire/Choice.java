package dev.dbpick.questionnaire;

/** One allowed value of a question, with the label the questionnaire shows. */
public record Choice(String value, String label) {
}
