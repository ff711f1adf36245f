package dev.dbpick.explanation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Result;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.render.TableRenderer;
import dev.dbpick.render.View;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The answers a team revisits come first; those that define the project are kept apart. */
class PivotOrderTest {

    private static final String FASTAPI = "{\"databases\":[\"postgresql\"],\"async\":\"required\",\"framework\":\"fastapi\"}";

    private static ObjectNode change(String field, String value) {
        return JsonNodeFactory.instance.objectNode().put(field, value);
    }

    @Test
    void definingAnswersGoLastAndAreMarked() {
        List<Pivot> arranged = Pivot.arranged(List.of(new Pivot(change("framework", "flask"), "sqlalchemy", "framework: flask"),
                new Pivot(change("workload", "analytics"), "duckdb", "workload: analytics"),
                new Pivot(change("databases", "mysql"), "pymysql", "databases: mysql"),
                new Pivot(change("async", "not-needed"), "psycopg", "async: not-needed")), Set.of("framework", "databases"));
        assertEquals(List.of("workload: analytics", "async: not-needed", "framework: flask", "databases: mysql"),
                arranged.stream().map(Pivot::summary).toList());
        assertEquals(List.of(false, false, true, true), arranged.stream().map(Pivot::defining).toList());
    }

    @Test
    void anAnswerIsMarkedDefiningExactlyWhenItChangesADefiningField() {
        var knowledge = TestKnowledge.knowledge();
        Set<String> defining = Set.copyOf(knowledge.settings().definingAnswers());
        assertTrue(defining.containsAll(Set.of("purpose", "databases", "framework")), defining.toString());
        Result result = TestKnowledge.advisor().recommend(new ProfileReader(knowledge.questionnaire()).read(FASTAPI), 10,
                TestKnowledge.AS_OF, Include.of(Include.Explanation.PIVOTS));
        boolean seenDefining = false;
        for (Pivot pivot : result.pivots()) {
            boolean touches = false;
            for (var names = pivot.changes().fieldNames(); names.hasNext(); ) {
                touches |= defining.contains(names.next());
            }
            assertEquals(touches, pivot.defining(), pivot.summary());
            assertFalse(seenDefining && !pivot.defining(), "a revisitable answer after a defining one: " + pivot.summary());
            seenDefining |= pivot.defining();
        }
    }

    @Test
    void theTableShowsTheRevisitableAnswersFirstAndTheDefiningOnesUnderTheirOwnHeading() {
        var knowledge = TestKnowledge.knowledge();
        Result result = TestKnowledge.advisor().recommend(new ProfileReader(knowledge.questionnaire()).read(FASTAPI), 10,
                TestKnowledge.AS_OF, Include.of(Include.Explanation.PIVOTS));
        StringWriter text = new StringWriter();
        TableRenderer.render(result, View.of(knowledge, View.DEFAULT_WIDTH, false), new PrintWriter(text));
        String table = text.toString();
        int revisitable = table.indexOf("What would change the first pick:");
        int defining = table.indexOf("Among the answers that define the project:");
        assertTrue(revisitable >= 0 && defining > revisitable, table);
        String first = table.substring(revisitable, defining);
        assertFalse(first.contains("with framework:") || first.contains("with databases:") || first.contains("with purpose:"), table);
        assertTrue(table.substring(defining).contains("with framework:"), table);
    }
}
