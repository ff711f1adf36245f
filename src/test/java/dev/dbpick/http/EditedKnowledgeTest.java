package dev.dbpick.http;

import org.junit.jupiter.api.BeforeEach;

/**
 * A service test that edits the knowledge: it remembers the revision in service before each
 * test, and each test waits for that revision again when it puts the files back.
 */
abstract class EditedKnowledgeTest extends ServiceTest {

    /** A rule a team adds: a caution on SQLAlchemy. */
    static final String TEAM_RULE = """
            package dev.dbpick.rules;

            import dev.dbpick.catalog.Library;
            import dev.dbpick.recommendation.Caution;

            rule "Team: ask the DBAs first"
            when
                Library($id: id, id == "sqlalchemy")
            then
                insert(new Caution($id, "Our DBAs review every new SQLAlchemy service"));
            end
            """;

    /** The revision in service when the test started. */
    protected String original;

    @BeforeEach
    void rememberTheRevision() {
        original = status().get("revision").asText();
    }

    /** Waits until the original knowledge serves again, switched in by the last reload. */
    protected void awaitTheOriginal() {
        await(s -> s.get("revision").asText().equals(original) && lastReloadSwitched(s), "the original knowledge back");
    }
}
