package dev.dbpick.support;

import java.util.ArrayList;
import java.util.List;

/** Plain-text layout helpers for the terminal renderers (ASCII only, fixed widths). */
public final class Text {

    private Text() {
    }

    /**
     * Text for a terminal: every character a terminal would act on instead of showing it (ESC
     * and the other C0 controls but newline and tab, DEL, the C1 controls, the bidirectional
     * marks, embeddings, overrides and isolates) is written visibly as {@code <U+XXXX>}, so
     * catalog or rule text can neither move the cursor, recolour the screen nor reorder what
     * a reader sees. The one escaping of text bound for a terminal.
     */
    public static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (actsOnTerminal(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(String.format("<U+%04X>", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Whether a terminal acts on {@code c} rather than showing it; see {@link #printable}. */
    public static boolean actsOnTerminal(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    /** Cuts {@code s} to {@code width} characters, marking the cut with "...". */
    public static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 3)) + "...";
    }

    /** Breaks {@code s} into lines of at most {@code width} characters at spaces. */
    public static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (word.length() > width) {
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Wraps {@code s} and then appends {@code tag} on the last line, or on a line of its own
     * when it does not fit there, so a tag such as a rule name is never broken.
     */
    public static List<String> wrap(String s, String tag, int width) {
        List<String> lines = new ArrayList<>(wrap(s, width));
        String last = lines.get(lines.size() - 1);
        if (last.length() + 1 + tag.length() <= width) {
            lines.set(lines.size() - 1, last + " " + tag);
        } else {
            lines.add(truncate(tag, width));
        }
        return lines;
    }

    public static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    public static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    public static String signed(int points) {
        return points > 0 ? "+" + points : Integer.toString(points);
    }
}
