package dev.dbpick.cli;

import dev.dbpick.support.Text;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * The command line's standard output and error: everything written passes through
 * {@link Text#printable}, so no control character or bidirectional override from catalog or
 * rule text reaches the terminal raw, whichever command or renderer wrote it. Only the
 * sequences dbpick itself writes pass as they are: a line end, and, when writing to a
 * terminal, the colours of the tables and the refresh progress line's carriage return and
 * erase. JSON output has no raw control characters to begin with ({@code Mappers} escapes
 * them and the bidirectional ones).
 */
final class TerminalWriter extends PrintWriter {

    /** What dbpick writes to a terminal on purpose: its colours, their reset, and "erase the line". */
    private static final List<String> OWN = List.of("\033[0m", "\033[1m", "\033[2m", "\033[31m", "\033[32m", "\033[33m",
            "\r\033[K");

    private final boolean terminal;

    TerminalWriter(Writer out) {
        super(out, true);
        this.terminal = System.console() != null;
    }

    /** {@code writer} as a terminal writer, unless it is one already. */
    static PrintWriter of(PrintWriter writer) {
        return writer instanceof TerminalWriter ? writer : new TerminalWriter(writer);
    }

    @Override
    public void write(String s, int off, int len) {
        StringBuilder safe = null;
        int i = off;
        int end = off + len;
        while (i < end) {
            char c = s.charAt(i);
            String own = c == '\033' || c == '\r' ? own(s, i, end) : null;
            if (own == null && !Text.actsOnTerminal(c)) {
                if (safe != null) {
                    safe.append(c);
                }
                i++;
                continue;
            }
            if (safe == null) {
                safe = new StringBuilder(len + 16).append(s, off, i);
            }
            String kept = own != null ? own : Text.printable(String.valueOf(c));
            safe.append(kept);
            i += own != null ? own.length() : 1;
        }
        if (safe == null) {
            super.write(s, off, len);
        } else {
            super.write(safe.toString(), 0, safe.length());
        }
    }

    @Override
    public void write(char[] buf, int off, int len) {
        write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c), 0, 1);
    }

    private String own(String s, int at, int end) {
        if (s.startsWith("\r\n", at) && at + 2 <= end) {
            return "\r\n";
        }
        if (!terminal) {
            return null;
        }
        for (String sequence : OWN) {
            if (at + sequence.length() <= end && s.startsWith(sequence, at)) {
                return sequence;
            }
        }
        return null;
    }
}
