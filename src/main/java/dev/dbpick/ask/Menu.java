package dev.dbpick.ask;

import dev.dbpick.support.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * One menu on the terminal: arrow keys (or j/k) move, Enter acts on the highlighted entry.
 * Entries are the question's choices, then actions (done, help, back). In a multiple choice,
 * Space ticks a choice, never an action; a limit on how many may be ticked is enforced as they
 * are ticked; and when the order matters the ticks are numbered in the order they were made.
 * Help is shown under the menu without leaving it.
 */
final class Menu {

    /** An entry: a choice with its value, or an action. */
    record Entry(String value, String label, boolean action) {

        static Entry choice(String value, String label) {
            return new Entry(value, label, false);
        }

        static Entry action(String value, String label) {
            return new Entry(value, label, true);
        }
    }

    /** What the user did: acted on an entry, with the choices ticked at that moment (in tick order). */
    record Outcome(Entry entry, List<String> ticked) {
    }

    private enum Key { UP, DOWN, TOGGLE, ENTER, INTERRUPT, IGNORE }

    private final Terminal terminal;
    private final List<AttributedString> header;
    private final String message;
    private final List<Entry> entries;
    private final boolean multiple;
    private final Integer max;
    private final boolean ordered;
    private final String help;
    private final LinkedHashSet<String> ticked = new LinkedHashSet<>();
    private final List<String> status = new ArrayList<>();
    private int cursor;

    /**
     * @param header   lines shown above the menu (the effect of the previous answer)
     * @param multiple whether choices are ticked (Space) rather than picked (Enter)
     * @param initial  the choices ticked at first (multiple), or the one highlighted (single)
     */
    Menu(Terminal terminal, List<AttributedString> header, String message, List<Entry> entries, boolean multiple,
         Integer max, boolean ordered, String help, List<String> initial) {
        this.terminal = terminal;
        this.header = List.copyOf(header);
        this.message = message;
        this.entries = List.copyOf(entries);
        this.multiple = multiple;
        this.max = max;
        this.ordered = ordered;
        this.help = help;
        if (multiple) {
            ticked.addAll(initial);
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).action() && initial.contains(entries.get(i).value())) {
                cursor = i;
                break;
            }
        }
    }

    /**
     * Shows the menu until the user acts on an entry; help entries ({@code helpValue}) are
     * handled here and never returned.
     *
     * @throws AbandonedException on Ctrl-C or end of input
     */
    Outcome run(String helpValue) {
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.keypad_xmit);
        Display display = new Display(terminal, false);
        BindingReader reader = new BindingReader(terminal.reader());
        KeyMap<Key> keys = keys();
        Outcome outcome = null;
        try {
            while (outcome == null) {
                display.resize(terminal.getHeight(), terminal.getWidth());
                List<AttributedString> lines = render();
                display.update(lines, endOf(lines));
                terminal.flush();
                Key key = reader.readBinding(keys);
                if (key == null) {
                    throw new AbandonedException("end of input");
                }
                status.clear();
                Entry entry = entries.get(cursor);
                switch (key) {
                    case UP -> cursor = (cursor + entries.size() - 1) % entries.size();
                    case DOWN -> cursor = (cursor + 1) % entries.size();
                    case TOGGLE -> toggle(entry);
                    case ENTER -> {
                        if (entry.value().equals(helpValue)) {
                            status.add(help);
                        } else {
                            outcome = accept(entry);
                        }
                    }
                    case INTERRUPT -> throw new AbandonedException("Ctrl-C");
                    case IGNORE -> { }
                }
            }
            List<AttributedString> summary = summary(outcome);
            display.update(summary, endOf(summary));
            return outcome;
        } finally {
            terminal.setAttributes(saved);
            terminal.puts(Capability.keypad_local);
            terminal.writer().println();
            terminal.flush();
        }
    }

    /** The cursor position at the end of the last line, so nothing below is left behind. */
    private int endOf(List<AttributedString> lines) {
        int columns = Math.max(1, terminal.getWidth());
        int last = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).columnLength();
        return terminal.getSize().cursorPos(Math.max(0, lines.size() - 1), Math.min(last, columns - 1));
    }

    private void toggle(Entry entry) {
        if (!multiple) {
            return;
        }
        if (entry.action()) {
            status.add("Space ticks a choice; press Enter on \"" + entry.label() + "\".");
        } else if (ticked.contains(entry.value())) {
            ticked.remove(entry.value());
        } else if (max != null && ticked.size() >= max) {
            status.add("At most " + max + ": untick one first.");
        } else {
            ticked.add(entry.value());
        }
    }

    /** Enter accepts what is ticked, as it is: nothing ticked is the answer "none". */
    private Outcome accept(Entry entry) {
        return new Outcome(entry, List.copyOf(ticked));
    }

    private KeyMap<Key> keys() {
        KeyMap<Key> map = new KeyMap<>();
        map.bind(Key.UP, "k", KeyMap.ctrl('P'), "\033[A", "\033OA");
        map.bind(Key.DOWN, "j", KeyMap.ctrl('N'), "\033[B", "\033OB");
        bindCapability(map, Key.UP, Capability.key_up);
        bindCapability(map, Key.DOWN, Capability.key_down);
        map.bind(Key.TOGGLE, " ", "x");
        map.bind(Key.ENTER, "\r", "\n");
        map.bind(Key.INTERRUPT, KeyMap.ctrl('C'));
        map.setNomatch(Key.IGNORE);
        map.setUnicode(Key.IGNORE);
        map.setAmbiguousTimeout(150);
        return map;
    }

    private void bindCapability(KeyMap<Key> map, Key key, Capability capability) {
        String sequence = KeyMap.key(terminal, capability);
        if (sequence != null && !sequence.isEmpty()) {
            map.bind(key, sequence);
        }
    }

    private List<AttributedString> render() {
        int width = Math.max(20, terminal.getWidth() - 1);
        List<AttributedString> lines = new ArrayList<>(header);
        List<String> question = Text.wrap("? " + Text.printable(message) + "  " + hint(), width);
        for (int i = 0; i < question.size(); i++) {
            lines.add(new AttributedString(question.get(i), i == 0 ? AttributedStyle.BOLD : AttributedStyle.DEFAULT.faint()));
        }
        int visible = Math.max(3, terminal.getHeight() - lines.size() - 2 - status.size());
        int first = Math.max(0, Math.min(cursor - visible / 2, entries.size() - visible));
        int last = Math.min(entries.size(), first + visible);
        for (int i = first; i < last; i++) {
            Entry entry = entries.get(i);
            AttributedStringBuilder line = new AttributedStringBuilder();
            boolean here = i == cursor;
            line.style(here ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN).bold() : AttributedStyle.DEFAULT);
            line.append(here ? "> " : "  ");
            if (multiple && !entry.action()) {
                line.append(mark(entry.value())).append(' ');
            } else if (multiple) {
                line.append("    ");
            }
            line.append(Text.truncate(Text.printable(entry.label()), Math.max(10, width - 8)));
            lines.add(line.toAttributedString());
        }
        for (String text : status) {
            for (String part : Text.wrap(Text.printable(text), width - 2)) {
                lines.add(new AttributedString("  " + part, AttributedStyle.DEFAULT.faint()));
            }
        }
        return lines;
    }

    private String hint() {
        if (!multiple) {
            return "(arrows move, Enter picks)";
        }
        return "(Space ticks" + (max == null ? "" : " up to " + max) + (ordered ? ", most important first" : "")
                + "; Enter accepts)";
    }

    private String mark(String value) {
        if (!ticked.contains(value)) {
            return "[ ]";
        }
        if (!ordered) {
            return "[x]";
        }
        return "[" + (new ArrayList<>(ticked).indexOf(value) + 1) + "]";
    }

    /** What stays on the screen: the question and the answer given, in words. */
    private List<AttributedString> summary(Outcome outcome) {
        List<AttributedString> lines = new ArrayList<>(header);
        Entry entry = outcome.entry();
        String answer = !multiple || entry.action() && !entry.value().equals(DONE)
                ? entry.label().replaceAll(" - .*", "")
                : outcome.ticked().isEmpty() ? "none" : String.join(", ", labels(outcome.ticked()));
        int width = Math.max(20, terminal.getWidth() - 1);
        String question = "? " + Text.printable(message) + " ";
        List<String> wrapped = Text.wrap(question + Text.printable(answer), width);
        for (int i = 0; i < wrapped.size(); i++) {
            String part = wrapped.get(i);
            AttributedStringBuilder line = new AttributedStringBuilder();
            if (i == 0 && part.length() >= question.length()) {
                line.style(AttributedStyle.BOLD).append(question)
                        .style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)).append(part.substring(question.length()));
            } else {
                line.style(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)).append(part);
            }
            lines.add(line.toAttributedString());
        }
        return lines;
    }

    private List<String> labels(List<String> values) {
        List<String> labels = new ArrayList<>();
        for (String value : values) {
            entries.stream().filter(e -> !e.action() && e.value().equals(value))
                    .findFirst().ifPresent(e -> labels.add(e.label().replaceAll(" - .*", "")));
        }
        return labels;
    }

    /** The value of the action that accepts the ticked choices. */
    static final String DONE = "!done";
}
