package dev.dbpick.render;

import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.Library;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.Settings;
import dev.dbpick.questionnaire.Questionnaire;

/**
 * What a renderer needs besides the document: the questionnaire (to describe a profile), the
 * catalog (to name libraries an explanation mentions by id), the settings (thresholds a
 * document explains), the width to fit, whether every line is wanted, and whether the text may
 * carry colour (a terminal, and {@code NO_COLOR} unset).
 */
public record View(Questionnaire questionnaire, Catalog catalog, Settings settings, int width, boolean explain,
                   boolean colour) {

    /** The few styles tables use. */
    public enum Style {
        BOLD("1"), GOOD("32"), BAD("31"), WARN("33"), FAINT("2");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }

    /** The width when output is not a terminal, and the narrowest a table is laid out for. */
    public static final int DEFAULT_WIDTH = 100;
    private static final int MIN_WIDTH = 60;

    public View {
        width = Math.max(MIN_WIDTH, width);
    }

    public static View of(Knowledge knowledge, int width, boolean explain) {
        return new View(knowledge.questionnaire(), knowledge.catalog(), knowledge.settings(), width, explain, false);
    }

    /** The same view, with colour on or off. */
    public View withColour(boolean on) {
        return new View(questionnaire, catalog, settings, width, explain, on);
    }

    /** The text in a style when colour is on; as it is otherwise. Width is unchanged either way. */
    public String paint(Style style, String text) {
        return colour && !text.isEmpty() ? "\033[" + style.code + "m" + text + "\033[0m" : text;
    }

    /** A library's display name; its id when the catalog does not know it. */
    public String name(String id) {
        return catalog.find(id).map(Library::name).orElse(id);
    }
}
