package dev.dbpick.recommendation;

/** An exclusion reason or a caution in a result: the rule that raised it, and the sentence. */
public record Note(String rule, String text) {
}
