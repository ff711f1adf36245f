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
import java.util.Map;
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

    @Test
    void lineRulesFireInTheirOwnGroupUnlessTheyNameAGroupOfTheirOwn() {
        SourceFile file = drl("rules/groups.drl", """
                package dev.dbpick.rules;
                import dev.dbpick.catalog.Library;
                import dev.dbpick.recommendation.Score;
                import dev.dbpick.recommendation.Exclusion;
                rule "Line" when Library($id: id) then
                    insert(new Score($id, 1, "a line"));
                end
                rule "Exclusion" when Library($id: id) then
                    insert(new Exclusion($id, "out"));
                end
                rule "Line in an activation group" activation-group "one" when Library($id: id) then
                    insert(new Score($id, 1, "the first of the group"));
                end
                """);
        List<SourceFile> files = List.of(file);
        var packages = RuleCompiler.compile(files).packages();
        var kieBase = RuleCompiler.newKieBase(packages, RuleCompiler.lineRules(files));
        Map<String, String> groups = new java.util.TreeMap<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r ->
                groups.put(r.getName(), ((org.drools.base.definitions.rule.impl.RuleImpl) r).getAgendaGroup())));
        assertEquals(Map.of("Line", RuleCompiler.LINES_GROUP, "Exclusion", "MAIN", "Line in an activation group", "MAIN"), groups);
        assertTrue(RuleCompiler.linesGrouped(kieBase));
    }

    @Test
    void rulesThatReadKnownAnswersFireInTheGroupOfThoseAnswers() {
        SourceFile file = drl("rules/answers.drl", """
                package dev.dbpick.rules;
                import dev.dbpick.catalog.Library;
                import dev.dbpick.profile.Profile;
                import dev.dbpick.recommendation.Score;
                import dev.dbpick.recommendation.Exclusion;
                rule "Line" when Library($id: id) Profile(async == "required", weight("performance") > 0) then
                    insert(new Score($id, 1, "a line"));
                end
                rule "Exclusion" when Library($id: id) Profile(requires("migrations")) then
                    insert(new Exclusion($id, "out"));
                    insert(new Score($id, -1, "and a line"));
                end
                rule "Line reading the profile whole" when Library($id: id) $p : Profile() then
                    insert(new Score($id, String.valueOf($p).length(), "unknown reads"));
                end
                rule "Exclusion reading the profile whole" when Library($id: id) $p : Profile() then
                    insert(new Exclusion($id, "out " + $p));
                end
                rule "Line reading a bound profile's answers" when Library($id: id) $p : Profile() then
                    insert(new Score($id, $p.databases().size(), "known reads"));
                end
                """);
        List<SourceFile> files = List.of(file);
        var packages = RuleCompiler.compile(files).packages();
        assertEquals(java.util.Set.of("Exclusion", "Exclusion reading the profile whole"), RuleCompiler.exclusionRules(files));
        var kieBase = RuleCompiler.newKieBase(packages, RuleCompiler.lineRules(files),
                RuleCompiler.profileReads(files, dev.dbpick.profile.Profile.FIELDS.keySet()), RuleCompiler.exclusionRules(files));
        Map<String, String> groups = new java.util.TreeMap<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r ->
                groups.put(r.getName(), ((org.drools.base.definitions.rule.impl.RuleImpl) r).getAgendaGroup())));
        assertEquals(Map.of("Line", "dbpick-lines:async,priorities", "Exclusion", "dbpick-exclusions:constraints.migrations",
                "Line reading the profile whole", RuleCompiler.LINES_GROUP, "Exclusion reading the profile whole", "MAIN",
                "Line reading a bound profile's answers", "dbpick-lines:databases"), groups);
        assertEquals(List.of("async", "priorities"), RuleCompiler.groupReads("dbpick-lines:async,priorities"));
        assertEquals(List.of(), RuleCompiler.groupReads("dbpick-exclusions:"));
        assertEquals(null, RuleCompiler.groupReads(RuleCompiler.LINES_GROUP));
    }

    @Test
    void theAnswersARuleReadsAreKnownOnlyWhereTheyAreCertain() {
        SourceFile file = drl("rules/reads.drl", """
                package dev.dbpick.rules;
                rule "Fields and methods"
                when
                    Profile(async == "required", databases.size() == 1, weight("type-safety") > 0, $db: databases)
                    Library($id: id, supports($db))
                then
                    insert(new Exclusion($id, "x"));
                end
                rule "One flag"
                when
                    Profile(requires("permissiveLicense"))
                    Library($id: id)
                then
                    insert(new Exclusion($id, "x"));
                end
                rule "The profile used elsewhere"
                when
                    $p : Profile()
                    Library($id: id, supports($p.databases()))
                then
                    insert(new Exclusion($id, "x"));
                end
                rule "A derived fact"
                when
                    Profile(async == "required")
                    Activity($id: library)
                then
                    insert(new Exclusion($id, "x"));
                end
                rule "Something unknown"
                when
                    Profile(mood == "good")
                    Library($id: id)
                then
                    insert(new Exclusion($id, "x"));
                end
                """);
        Map<String, java.util.Set<String>> reads = RuleCompiler.profileReads(List.of(file),
                dev.dbpick.profile.Profile.FIELDS.keySet());
        assertEquals(Map.of("Fields and methods", java.util.Set.of("async", "databases", "priorities"),
                "One flag", java.util.Set.of("constraints.permissiveLicense"),
                "The profile used elsewhere", java.util.Set.of("databases")), reads);
    }

    @Test
    void factsDerivedWithoutTheProfileAndValuesOfFixedFactsAreReadLikeTheCatalog() {
        SourceFile file = drl("rules/fixed.drl", """
                package dev.dbpick.rules;
                rule "Derived from the catalog and the date"
                when
                    $e: Evaluation()
                    Library($id: id, $e.monthsSince(maintenance.released) > 24)
                then
                    insert(new Activity($id, "stagnant", 25));
                end
                rule "Matches a fact derived from the catalog"
                when
                    Profile($w: weight("maturity"))
                    Activity($id: library, status == "stagnant")
                then
                    insert(new Score($id, -$w, "stagnant"));
                end
                rule "Values of a library"
                when
                    Library($id: id, $notices: notices)
                    $notice: String() from $notices
                then
                    insert(new Caution($id, $notice));
                end
                rule "A bound profile's answers and methods"
                when
                    $p: Profile(framework == "fastapi" || uses("pydantic"), frames().size() > 0)
                    Library($id: id)
                then
                    insert(new Score($id, $p.weight("simplicity") + ($p.requires("migrations") ? 1 : 0), "x"));
                end
                rule "Values of the profile"
                when
                    Profile($tools: alreadyUses)
                    $tool: String() from $tools
                    Library($id: id)
                then
                    insert(new Score($id, 1, $tool));
                end
                rule "A derived fact that depends on the profile"
                when
                    Profile(async == "required")
                    Library($id: id)
                then
                    insert(new Tag($id));
                end
                rule "Matches it"
                when
                    Tag($id: library)
                then
                    insert(new Score($id, 1, "tagged"));
                end
                rule "The absence of a profile"
                when
                    not Profile(async == "required")
                    Library($id: id)
                then
                    insert(new Score($id, 1, "no profile, or not async"));
                end
                rule "Not this profile"
                when
                    Profile(requires("migrations"))
                    not Profile(databases.size() == 1)
                    Library($id: id)
                then
                    insert(new Exclusion($id, "x"));
                end
                """);
        Map<String, java.util.Set<String>> reads = RuleCompiler.profileReads(List.of(file),
                dev.dbpick.profile.Profile.FIELDS.keySet());
        assertEquals(Map.of("Derived from the catalog and the date", java.util.Set.of(),
                "Matches a fact derived from the catalog", java.util.Set.of("priorities"),
                "Values of a library", java.util.Set.of(),
                "A bound profile's answers and methods",
                java.util.Set.of("framework", "alreadyUses", "priorities", "constraints.migrations"),
                "A derived fact that depends on the profile", java.util.Set.of("async"),
                "Not this profile", java.util.Set.of("constraints.migrations", "databases")), reads);
    }

    @Test
    void logicalInsertionIsRefusedWithFileAndLineNotAClassPathHint() {
        SourceFile logical = drl("rules/logical.drl", """
                package dev.dbpick.rules;
                import dev.dbpick.catalog.Library;
                import dev.dbpick.recommendation.Score;
                rule "Logical"
                when
                    Library($id: id)
                then
                    // insertLogical in a comment is not a use
                    insertLogical(new Score($id, 1, "insertLogical in a string is text"));
                end
                """);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> RuleCompiler.compile(List.of(logical)));
        assertEquals(List.of("rules/logical.drl:9: insertLogical is not supported; use insert: what rules derive is"
                + " withdrawn after every ranking anyway"), e.problems());
    }

    private static SourceFile drl(String name, String text) {
        return new SourceFile(name, name.substring(name.indexOf('/') + 1), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onlyRulesThatAddNothingButScoreLinesAndCautionsCountAsLineRules() {
        String drl = """
                package t;
                rule "Score" when Library($id: id) then
                    insert(new Score($id, 1, "insert(new Exclusion(...)) in a string is text // not code"));
                end
                rule "Caution and score"
                when Library($id: id)
                then
                    insert(new Caution($id, "update; delete"));  // a comment that says insert(new Exclusion(
                    insert(new Score($id, -1, "x"));
                end
                rule "Excludes" when Library($id: id) then
                    insert(new Score($id, 1, "x")); insert(new Exclusion($id, "y"));
                end
                rule "Shares a fact" when Library($id: id) then
                    insert(new Activity($id, "x"));
                end
                rule "Touches the session" when Library($id: id) then
                    insert(new Score($id, 1, "x")); drools.halt();
                end
                rule "Pairs" when Library($id: id) then
                    insert(new PairingScore($id, "d", "x", 1, "y"));
                end
                """;
        SourceFile file = new SourceFile("t.drl", "rules/t.drl", drl.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of("Score", "Caution and score"), RuleCompiler.lineRules(List.of(file)));
    }

    @Test
    void theBundledExclusionRulesAreNeverLineRules() {
        List<SourceFile> files = TestKnowledge.RULES.read("", ".drl");
        java.util.Set<String> lineRules = RuleCompiler.lineRules(files);
        for (SourceFile file : files) {
            java.util.regex.Matcher rules = java.util.regex.Pattern.compile("rule \"([^\"]+)\"(.*?)\nend", java.util.regex.Pattern.DOTALL)
                    .matcher(file.text());
            while (rules.find()) {
                boolean excludes = rules.group(2).contains("new Exclusion(");
                boolean scores = rules.group(2).contains("new Score(") || rules.group(2).contains("new Caution(");
                assertEquals(scores && !excludes, lineRules.contains(rules.group(1)), rules.group(1));
            }
        }
    }
}
