package dev.dbpick.recommendation;

import dev.dbpick.support.KnowledgeException;
import java.util.Locale;

/**
 * A rule's consequence threw while the rules fired (a division by zero, a null value): a fault
 * in the rules, reported like any invalid knowledge, naming the rule, where it is declared and
 * what went wrong, without the engine's internal wording.
 */
public final class RuleFailedException extends KnowledgeException {

    RuleFailedException(String rule, String location, Throwable cause) {
        super("rule \"" + rule + "\" failed (" + location + "): " + describe(cause));
    }

    /** What went wrong, in words: the exception's own message, or its kind when it has none. */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            String kind = root.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
            return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        String text = message.lines().findFirst().orElse("").strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
