package dev.dbpick.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.TestKnowledge;
import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.recommendation.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** An answer with a team's layer says so: in the JSON's knowledge, under the table, in the decision record. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamAnswerTest {

    private Knowledge knowledge;
    private Result result;

    @BeforeAll
    void answerWithATeamLayer() {
        KnowledgeFolder team = new KnowledgeFolder("acme/rules", Path.of("src/test/resources/team"));
        knowledge = Knowledge.of(TestKnowledge.data(), Rules.compile(TestKnowledge.RULES.withTeam(team), CompiledRulesCache.disabled()));
        result = new Advisor(new Engine(knowledge)).recommend(new ProfileReader(knowledge.questionnaire())
                .read("{\"databases\":[\"postgresql\"]}"), 10, TestKnowledge.AS_OF, Include.NONE);
    }

    @Test
    void theKnowledgeNamesTheTeamAndItsRevision() {
        assertEquals("acme", result.knowledge().team().folder());
        assertEquals(knowledge.team(), result.knowledge().team());
        assertEquals("sqlalchemy", result.recommendations().get(0).id());
        assertEquals(null, TestKnowledge.advisor().recommend(result.profile(), 10, TestKnowledge.AS_OF, Include.NONE).knowledge().team(),
                "the bundled knowledge alone has no team");
    }

    @Test
    void theTableEndsWithTheTeamLine() {
        String table = render((r, v, out) -> TableRenderer.render(r, v, out));
        assertTrue(table.strip().endsWith("With team knowledge acme (revision " + knowledge.team().revision()
                + ") on top of the bundled rules and data."), table);
    }

    @Test
    void theDecisionRecordNamesTheTeam() {
        String adr = render((r, v, out) -> DecisionRecord.render(r, v, out));
        assertTrue(adr.contains("- Team knowledge: `acme`, revision `" + knowledge.team().revision() + "`"), adr);
        assertTrue(adr.contains("--team acme --format adr"), adr);
        assertFalse(adr.contains("null"), adr);
    }

    private interface Renderer {
        void render(Result result, View view, PrintWriter out);
    }

    private String render(Renderer renderer) {
        StringWriter text = new StringWriter();
        renderer.render(result, View.of(knowledge, View.DEFAULT_WIDTH, false), new PrintWriter(text));
        return text.toString();
    }
}
