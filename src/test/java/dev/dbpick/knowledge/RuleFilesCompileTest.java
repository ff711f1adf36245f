package dev.dbpick.knowledge;

import dev.dbpick.support.SourceFile;
import dev.dbpick.support.KnowledgeException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.dbpick.TestKnowledge;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RuleFilesCompileTest {

    @TestFactory
    Stream<DynamicTest> everyRuleFileCompilesOnItsOwnWithZeroMessages() {
        List<SourceFile> files = TestKnowledge.RULES.read("", ".drl");
        assertFalse(files.isEmpty(), "no rule files found under rules/");
        return files.stream().map(file -> dynamicTest(file.name(), () -> {
            RuleCompiler.Compiled compiled = RuleCompiler.compile(List.of(file));
            assertEquals(List.of(), compiled.warnings());
            assertFalse(RuleCompiler.ruleNames(compiled.packages()).isEmpty(), file.name() + " holds no rule");
        }));
    }

    @Test
    void allRuleFilesCompileTogetherWithUniqueNames() {
        List<SourceFile> files = TestKnowledge.RULES.read("", ".drl");
        RuleCompiler.Compiled compiled = RuleCompiler.compile(files);
        assertEquals(List.of(), compiled.warnings());
        assertEquals(List.of(), RuleCompiler.duplicateRuleNames(files));
    }

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() {
        SourceFile broken = drl("rules/broken.drl", """
                package dev.dbpick.rules;
                import dev.dbpick.catalog.Library;

                rule "Broken"
                when
                    Library(id == )
                then
                end
                """);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> RuleCompiler.compile(List.of(broken)));
        assertTrue(e.problems().get(0).startsWith("rules/broken.drl:6:"), e.problems().toString());
    }

    @Test
    void anUnknownFactTypeIsReportedWithFileAndLine() {
        SourceFile broken = drl("rules/typo.drl", """
                package dev.dbpick.rules;

                rule "Typo"
                when
                    Libary(id == "x")
                then
                end
                """);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> RuleCompiler.compile(List.of(broken)));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("rules/typo.drl:5:")), e.problems().toString());
    }

    @Test
    void aRuleNameUsedTwiceIsAnError() {
        String rule = """
                package dev.dbpick.rules;
                import dev.dbpick.catalog.Library;
                rule "Same name"
                when
                    Library()
                then
                end
                """;
        KnowledgeException e = assertThrows(KnowledgeException.class,
                () -> RuleCompiler.compile(List.of(drl("rules/a.drl", rule), drl("rules/b.drl", rule))));
        assertTrue(e.problems().get(0).contains("rules/b.drl:3: rule name \"Same name\" is already used at rules/a.drl:3"),
                e.problems().toString());
    }

    private static SourceFile drl(String name, String text) {
        return new SourceFile(name, name.substring(name.indexOf('/') + 1), text.getBytes(StandardCharsets.UTF_8));
    }
}
