package dev.dbpick.questionnaire;

import com.fasterxml.jackson.annotation.JsonValue;

/** The shape of a profile field's value. */
public enum QuestionType {
    /** One value from the choices. */
    SINGLE,
    /** A list of distinct values from the choices. */
    MULTIPLE,
    /** An object with one boolean per choice. */
    FLAGS;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
