package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicProblemsTest {

    @Test
    void quotedSourceTextInAProblemAboutAFileIsMasked() {
        assertEquals("rules/x.drl:5: [ERR 102] Line 5:4 mismatched input '…' in rule \"…\"",
                PublicProblems.of("rules/x.drl:5: [ERR 102] Line 5:4 mismatched input 'sk_live_1' in rule \"Leak\""));
        assertEquals("data/catalog/x.yaml: unknown field \"…\"; allowed: id, name",
                PublicProblems.of("data/catalog/x.yaml: unknown field \"libraries[0].sk_live_1\"; allowed: id, name"));
    }

    @Test
    void aCompileErrorInAConsequenceIsCutToItsKind() {
        assertEquals("rules/x.drl:7: a consequence does not compile (dbpick rules check shows where)",
                PublicProblems.of("rules/x.drl:7: Rule Compilation error : [Rule name='x'] sk_live_1 cannot be resolved"));
    }

    @Test
    void problemsNotAboutAFileAndApostrophesInsideWordsStayAsTheyAre() {
        String failed = "revision abc failed in service: past the time budget, for the profile {\"databases\":[\"sqlite\"]}";
        assertEquals(failed, PublicProblems.of(failed));
        assertEquals("rules/scenarios/a.yaml: the rule's top: expected beanie",
                PublicProblems.of("rules/scenarios/a.yaml: the rule's top: expected beanie"));
    }
}
