package dev.dbpick.render;

import dev.dbpick.support.Text;

/** The one escaping of catalog and rule text bound for Markdown (the table's Markdown, the decision record). */
public final class Markdown {

    private Markdown() {
    }

    /**
     * Text for a Markdown line or table cell: HTML in it shown as text, not run ({@code <},
     * {@code >} and {@code &} as entities, since Markdown passes inline HTML through), table
     * pipes escaped, on one line, and control characters and bidirectional overrides written
     * visibly as for a terminal ({@link Text#printable}).
     */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        return Text.printable(text.replace("\r\n", " ").replace('\n', ' '))
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|");
    }
}
