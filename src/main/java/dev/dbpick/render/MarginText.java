package dev.dbpick.render;

import dev.dbpick.explanation.Concern;
import dev.dbpick.explanation.Margin;
import dev.dbpick.support.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A margin in plain words, from the reader's side: who leads whom by how much, then, grouped by
 * the library each concern favours, the score lines' own sentences with what each library got,
 * e.g. "In SQLModel's favour: Widely used (download rank #311) (+4 against ormar's -4: Little
 * used ...)". A near tie is called only between alternatives (see {@link Margin}).
 */
final class MarginText {

    /** How many concerns are worded per library; the rest are counted. */
    private static final int SHOWN = 3;

    private MarginText() {
    }

    /** Who leads whom by how much, in one sentence. */
    static String headline(Margin margin, View view) {
        String first = view.name(margin.first());
        String second = view.name(margin.second());
        String points = margin.points() + " point" + (margin.points() == 1 ? "" : "s");
        if (margin.points() == 0) {   // equal scores are ordered by downloads
            return first + " and " + second + " are level on points; " + first + " comes first as the more widely used.";
        }
        return margin.nearTie() ? first + " and " + second + " are a near tie: " + first + " leads by " + points + "."
                : first + " leads " + second + " by " + points + ".";
    }

    /** The margin in sentences. */
    static String of(Margin margin, View view) {
        String first = view.name(margin.first());
        String second = view.name(margin.second());
        StringBuilder text = new StringBuilder(headline(margin, view));
        List<Concern> concerns = Concern.of(margin.deciding());
        side(concerns.stream().filter(Concern::favoursFirst).toList(), first, second, true, text);
        side(concerns.stream().filter(c -> !c.favoursFirst()).toList(), second, first, false, text);
        return text.toString();
    }

    private static void side(List<Concern> concerns, String name, String otherName, boolean first, StringBuilder text) {
        if (concerns.isEmpty()) {
            return;
        }
        List<String> said = new ArrayList<>();
        for (Concern c : concerns.stream().limit(SHOWN).toList()) {
            List<String> own = first ? c.firstTexts() : c.otherTexts();
            List<String> others = first ? c.otherTexts() : c.firstTexts();
            int ownPoints = first ? c.firstPoints() : c.otherPoints();
            int otherPoints = first ? c.otherPoints() : c.firstPoints();
            // When only the other library has a line on it, the line is the other's, and counts against it.
            said.add(own.isEmpty()
                    ? "what counts against " + otherName + ": " + sentence(others) + " (" + against(otherPoints, name, ownPoints) + ")"
                    : sentence(own) + " (" + against(ownPoints, otherName, otherPoints) + ")");
        }
        text.append(" In ").append(name).append("'s favour: ").append(String.join("; ", said));
        if (concerns.size() > SHOWN) {
            text.append("; and ").append(concerns.size() - SHOWN).append(" more");
        }
        text.append('.');
    }

    /** "+4 against ormar's -4", or "+8; SQLAlchemy gets nothing for it". */
    private static String against(int points, String otherName, int otherPoints) {
        return Text.signed(points) + (otherPoints == 0 ? "; " + otherName + " gets nothing for it"
                : " against " + otherName + "'s " + Text.signed(otherPoints));
    }

    /** The lines' own sentences, without their closing full stops. */
    private static String sentence(List<String> texts) {
        return String.join("; ", texts.stream().map(t -> t.endsWith(".") ? t.substring(0, t.length() - 1) : t).toList());
    }
}
