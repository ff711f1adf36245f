package dev.dbpick.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.explanation.LineDifference;
import dev.dbpick.explanation.Margin;
import dev.dbpick.profile.ProfileReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The margin is said from the reader's side, in the score lines' own sentences, grouped by library. */
class MarginTextTest {

    private final View view = View.of(TestKnowledge.knowledge(), View.DEFAULT_WIDTH, false);

    @Test
    void theLinesOfOneConcernAreSaidOnceWithWhatEachLibraryGot() {
        Margin margin = new Margin(5, false, "sqlmodel", "ormar", List.of(
                new LineDifference("Adoption: used", 4, 4, "Widely used (download rank #311).", 0, null),
                new LineDifference("Adoption: little used", 4, 0, null, -4, "Little used (download rank #9000)."),
                new LineDifference("Dependency: limiting pin", -3, -3, "Pins SQLAlchemy below 2.1.", 0, null)));
        assertEquals("SQLModel leads ormar by 5 points. In SQLModel's favour: Widely used (download rank #311)"
                + " (+4 against ormar's -4). In ormar's favour: what counts against SQLModel: Pins SQLAlchemy"
                + " below 2.1 (-3; ormar gets nothing for it).", MarginText.of(margin, view));
    }

    @Test
    void aNearTieIsSaidAsOne() {
        Margin margin = new Margin(1, true, "sqlalchemy", "sqlmodel", List.of(
                new LineDifference("Pydantic: its models are Pydantic models", -8, 0, null, 8, "Its models are Pydantic models."),
                new LineDifference("Adoption: among the most downloaded", 9, 9, "Among the most downloaded.", 0, null)));
        String text = MarginText.of(margin, view);
        assertTrue(text.startsWith("SQLAlchemy and SQLModel are a near tie: SQLAlchemy leads by 1 point."), text);
        assertTrue(text.contains("In SQLModel's favour: Its models are Pydantic models (+8; SQLAlchemy gets nothing for it)."), text);
        assertFalse(text.contains("Adoption:"), "rule names are not the reader's words: " + text);
    }

    @Test
    void equalScoresAreSaidLevelNotALeadOfNothing() {
        Margin margin = new Margin(0, true, "sqlalchemy", "peewee", List.of());
        assertEquals("SQLAlchemy and peewee are level on points; SQLAlchemy comes first as the more widely used.",
                MarginText.of(margin, view));
    }

    @Test
    void aCachingLayerIsNoTieWithTheClientItRunsOn() {
        var knowledge = TestKnowledge.knowledge();
        Result result = TestKnowledge.advisor().recommend(new ProfileReader(knowledge.questionnaire())
                .read("{\"purpose\":\"cache\",\"databases\":[\"redis\"]}"), 10, TestKnowledge.AS_OF, Include.NONE);
        String first = result.recommendations().get(0).id();
        var upper = knowledge.catalog().find(result.margin().second()).orElseThrow();
        assertNotEquals(first, result.margin().second());
        assertFalse(upper.runsOn().values().stream().anyMatch(d -> d.sync().contains(first) || d.async().contains(first)),
                "the margin is against an alternative to " + first + ", not a layer over it: " + result.margin().second());
    }
}
