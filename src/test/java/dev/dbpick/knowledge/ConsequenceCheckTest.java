package dev.dbpick.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.dbpick.TestKnowledge;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.support.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Rule code can only do what rules are for. Each fixture under fixtures/consequences says what
 * it expects on its first line ({@code // expect: ...}) and marks the line the refusal names
 * with {@code // REFUSED}.
 */
class ConsequenceCheckTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/consequences");

    @TestFactory
    Stream<DynamicTest> eachFixtureIsRefusedWithFileLineAndRuleOrPassesAsItSays() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
        }
        assertFalse(fixtures.isEmpty());
        return fixtures.stream().map(fixture -> dynamicTest(fixture.getFileName().toString(), () -> {
            String text = Files.readString(fixture);
            String expect = text.lines().findFirst().orElseThrow().replace("// expect:", "").strip();
            SourceFile file = new SourceFile("rules/" + fixture.getFileName(), fixture.getFileName().toString(), Files.readAllBytes(fixture));
            if (expect.equals("nothing")) {
                RuleCompiler.compile(List.of(file));
                return;
            }
            KnowledgeException e = assertThrows(KnowledgeException.class, () -> RuleCompiler.compile(List.of(file)));
            int line = markedLine(text);
            String problem = e.problems().get(0);
            assertEquals(1, e.problems().size(), e.problems().toString());
            assertTrue(problem.startsWith("rules/" + fixture.getFileName() + ":" + line + ": "), problem);
            assertTrue(problem.contains(expect), problem);
            assertTrue(problem.contains("rule \"") || problem.contains("function "), problem);
        }));
    }

    @Test
    void everyBundledRuleAndFunctionPasses() {
        List<SourceFile> files = TestKnowledge.RULES.read("", ".drl");
        RuleCompiler.Compiled compiled = RuleCompiler.compile(files);
        assertEquals(List.of(), ConsequenceCheck.problems(compiled.packages(), files));
    }

    @Test
    void theBundledRulesPassAsWrittenTooWithoutTheHandOff() {
        List<SourceFile> files = TestKnowledge.RULES.read("", ".drl");
        for (SourceFile file : files) {
            RuleCompiler.Compiled compiled = RuleCompiler.compile(List.of(file));
            assertEquals(List.of(), ConsequenceCheck.problems(compiled.packages(), List.of(file)));
        }
    }

    @Test
    void compiledRulesLoadedFromTheCacheAreCheckedAndPass(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        CompiledRulesCache cache = CompiledRulesCache.in(folder);
        List<SourceFile> files = TestKnowledge.RULES.read("", ".drl");
        cache.store(files, RuleCompiler.compile(files).packages(), RuleCompiler.Analyses.of(files));
        var loaded = cache.load(files).orElseThrow();
        assertEquals(RuleCompiler.Analyses.of(files), loaded.analyses(), "what was read of the text comes back as it was");
        var kieBase = RuleCompiler.newKieBase(loaded.packages(), RuleCompiler.lineRules(files));
        assertEquals(List.of(), ConsequenceCheck.problems(kieBase.getKiePackages(), files));
    }

    @Test
    void aCachedCompilationOfARefusedRuleIsRefusedToo(@org.junit.jupiter.api.io.TempDir Path temporary) throws IOException {
        Path cacheFolder = Files.createDirectory(temporary.resolve("cache"),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Path rulesFolder = Files.createDirectory(temporary.resolve("rules"));
        Files.copy(FIXTURES.resolve("exit.drl"), rulesFolder.resolve("exit.drl"));
        KnowledgeFolder folder = new KnowledgeFolder("rules", rulesFolder);
        List<SourceFile> files = folder.read("", ".drl");
        var builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        var resource = org.kie.internal.io.ResourceFactory.newByteArrayResource(files.get(0).content());
        resource.setSourcePath(files.get(0).name());
        builder.add(resource, org.kie.api.io.ResourceType.DRL);
        CompiledRulesCache cache = CompiledRulesCache.in(cacheFolder);
        cache.store(files, builder.getKnowledgePackages(), RuleCompiler.Analyses.of(files));   // as if written by a build without the check

        KnowledgeException e = assertThrows(KnowledgeException.class, () -> Rules.compile(folder, cache));
        assertTrue(e.problems().get(0).startsWith("rules/exit.drl:14: rule \"Exit for a rare profile\" calls java.lang.System.exit"),
                e.problems().toString());
    }

    @Test
    void everyRefusedRuleIsNamedNotOnlyTheFirst() throws IOException {
        SourceFile exit = fixture("exit.drl");
        SourceFile thread = fixture("thread.drl");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> RuleCompiler.compile(List.of(exit, thread)));
        assertEquals(2, e.problems().size(), e.problems().toString());
    }

    private static SourceFile fixture(String name) throws IOException {
        return new SourceFile("rules/" + name, name, Files.readAllBytes(FIXTURES.resolve(name)));
    }

    private static int markedLine(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("// REFUSED")) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked // REFUSED");
    }
}
