package dev.dbpick.cli;

import dev.dbpick.render.View;

/** What the command line knows about the terminal it writes to. */
final class Terminals {

    private Terminals() {
    }

    /**
     * The width to lay tables out for: {@code COLUMNS} when set, else the terminal's width when
     * standard output is a terminal, else {@link View#DEFAULT_WIDTH}.
     */
    /**
     * Whether output may carry colour: standard output is a terminal, {@code NO_COLOR} is unset
     * or empty (no-color.org), and the terminal is not "dumb".
     */
    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    /** How to render for this terminal: its width, colour when allowed, every line or not. */
    static View view(dev.dbpick.knowledge.Knowledge knowledge, boolean explain) {
        return View.of(knowledge, width(), explain).withColour(colour());
    }

    static int width() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        if (System.console() == null) {
            return View.DEFAULT_WIDTH;
        }
        try (var terminal = org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true).build()) {
            int width = terminal.getWidth();
            return width > 0 ? width : View.DEFAULT_WIDTH;
        } catch (java.io.IOException | RuntimeException e) {
            return View.DEFAULT_WIDTH;
        }
    }
}
