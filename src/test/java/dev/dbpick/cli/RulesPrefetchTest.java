package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.knowledge.KnowledgeFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RulesPrefetchTest {

    private static final Path HERE = Path.of("").toAbsolutePath();
    private static final KnowledgeFolder OURS = KnowledgeFolder.resolve(Path.of("rules"), "rules", HERE);

    @AfterEach
    void forget() {
        RulesPrefetch.take(OURS);
    }

    @Test
    void theRulesNamedOnTheCommandLineAreLoadedAndTakenOnce() {
        RulesPrefetch.start(new String[] {"recommend", "--database", "postgresql", "--rules", "rules"}, HERE);
        var taken = RulesPrefetch.take(OURS);
        assertTrue(taken.isPresent());
        assertFalse(taken.get().join().names().isEmpty());
        assertFalse(RulesPrefetch.take(OURS).isPresent(), "taken once");
    }

    @Test
    void theEqualsFormIsReadToo() {
        RulesPrefetch.start(new String[] {"why-not", "psycopg", "--rules=rules"}, HERE);
        assertTrue(RulesPrefetch.take(OURS).isPresent());
    }

    @Test
    void rulesOfAnotherFolderAreNotHandedOut() {
        RulesPrefetch.start(new String[] {"recommend", "--rules", "rules"}, HERE);
        assertFalse(RulesPrefetch.take(KnowledgeFolder.bundled("rules")).isPresent());
    }

    @Test
    void nothingIsStartedForOtherCommandsArgumentFilesOrAFolderThatIsNotThere() {
        RulesPrefetch.start(new String[] {"catalog", "--rules", "rules"}, HERE);
        assertFalse(RulesPrefetch.take(OURS).isPresent());
        RulesPrefetch.start(new String[] {"recommend", "@answers.txt", "--rules", "rules"}, HERE);
        assertFalse(RulesPrefetch.take(OURS).isPresent());
        RulesPrefetch.start(new String[] {"recommend", "--rules", "no-such-folder"}, HERE);
        assertFalse(RulesPrefetch.take(OURS).isPresent());
        RulesPrefetch.start(new String[0], HERE);
        assertFalse(RulesPrefetch.take(OURS).isPresent());
    }
}
