package dev.dbpick.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.scenario.Gate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The reload gate in its own process: good knowledge passes with every scenario counted; one
 * worker checks edit after edit, refuses a broken one, and is replaced after it is killed at the
 * limit or dies; a rule
 * whose conditions join the catalog with itself four times per profile (no loop, which
 * consequences may not have, yet billions of matches) is stopped at the time limit, and one that keeps re-firing itself is
 * named with its file and line; neither can hold the service.
 */
class GateProcessTest {

    private static final String HEADER = """
            package dev.dbpick.rules;

            import dev.dbpick.catalog.Library;
            import dev.dbpick.profile.Profile;
            import dev.dbpick.recommendation.Activity;
            import dev.dbpick.recommendation.Caution;

            """;

    /** Conditions that join the catalog with itself four times per profile: no loop, yet billions of matches. */
    private static final String SPIN = """
            rule "Spin"
            when
                Profile()
                Library($a: id)
                Library($b: id)
                Library($c: id)
                Library($d: id, $a.length() + $b.length() + $c.length() + $d.length() < 0)
            then
            end
            """;

    /** A limit only a hang reaches, on a machine several times slower and busier than a developer's. */
    private static final Duration GENEROUS = Duration.ofMinutes(5);

    @Test
    void theBundledKnowledgePasses() {
        KnowledgeCopy copy = new KnowledgeCopy();
        Gate.Verdict verdict = check(copy, GENEROUS);
        assertTrue(verdict.passed(), verdict.problems().toString());
        assertTrue(verdict.scenarios() > 50, "scenarios counted: " + verdict.scenarios());
        assertEquals(0, verdict.failed());
    }

    @Test
    void aRuleThatSpinsIsStoppedAtTheTimeLimit() {
        KnowledgeCopy copy = new KnowledgeCopy();
        copy.write("rules/spin.drl", HEADER + SPIN);
        long start = System.nanoTime();
        Gate.Verdict verdict = check(copy, Duration.ofSeconds(8));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertFalse(verdict.passed());
        assertTrue(verdict.problems().get(0).contains("did not finish within 8 s"), verdict.problems().toString());
        assertTrue(seconds < 90, "stopped after " + seconds + " s, not when the rule ends (it never does)");
    }

    @Test
    void aRuleThatKeepsFiringIsNamed() {
        KnowledgeCopy copy = new KnowledgeCopy();
        copy.write("rules/echo.drl", HEADER + """
                rule "Echo"
                when
                    Activity($library: library, $months: months)
                then
                    insert(new Activity($library, "echo", $months + 1));
                end
                """);
        Gate.Verdict verdict = check(copy, GENEROUS);
        assertFalse(verdict.passed());
        assertTrue(verdict.problems().toString().contains("Echo"), verdict.problems().toString());
        assertTrue(verdict.problems().toString().contains("echo.drl:"), verdict.problems().toString());
    }

    @Test
    void oneWorkerChecksEveryReloadAndIsReplacedAfterItIsKilled() {
        KnowledgeCopy copy = new KnowledgeCopy();
        try (GateWorker worker = new GateWorker(GateProcess.command(), null)) {
            assertTrue(check(worker, copy, GENEROUS).passed());
            long pid = worker.pid();
            copy.write("rules/team.drl", HEADER + """
                    rule "Team: a harmless rule"
                    when
                        Library(id == "sqlalchemy")
                    then
                    end
                    """);
            Gate.Verdict edited = check(worker, copy, GENEROUS);
            assertTrue(edited.passed(), edited.problems().toString());
            assertEquals(pid, worker.pid(), "the same worker checked the edit");

            copy.write("rules/broken.drl", HEADER + "rule \"Broken\"\nwhen\n    Libary()\nthen\nend\n");
            Gate.Verdict broken = check(worker, copy, GENEROUS);
            assertFalse(broken.passed());
            assertTrue(broken.problems().toString().contains("broken.drl"), broken.problems().toString());
            assertEquals(pid, worker.pid(), "a refused edit does not cost the worker");

            copy.delete("rules/broken.drl");
            copy.write("rules/spin.drl", HEADER + SPIN);
            Gate.Verdict spun = check(worker, copy, Duration.ofSeconds(8));
            assertFalse(spun.passed());
            assertTrue(spun.problems().get(0).contains("did not finish within 8 s"), spun.problems().toString());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the worker was killed");

            copy.delete("rules/spin.drl");
            Gate.Verdict after = check(worker, copy, GENEROUS);
            assertTrue(after.passed(), after.problems().toString());
            long fresh = worker.pid();
            assertTrue(fresh > 0 && fresh != pid, "a fresh worker checked it");

            ProcessHandle.of(fresh).ifPresent(ProcessHandle::destroyForcibly);
            Gate.Verdict afterDeath = check(worker, copy, GENEROUS);
            assertTrue(afterDeath.passed(), afterDeath.problems().toString());
            assertTrue(worker.pid() > 0 && worker.pid() != fresh, "a worker that died while idle was replaced");
        }
    }

    @Test
    void theCheckingJvmRunsWithTheServicesMemorySettings() {
        assertEquals(java.util.List.of("-Xmx160m", "-XX:MaxMetaspaceSize=128m", "-Xss512k", "-XX:ReservedCodeCacheSize=48m"),
                GateProcess.memoryOptions(java.util.List.of("-Xms64m", "-Xmx160m", "-XX:MaxMetaspaceSize=128m", "-Xss512k",
                        "-XX:ReservedCodeCacheSize=48m", "-Dfile.encoding=UTF-8", "-XX:+UseSerialGC"), 160L << 20));
        assertEquals(java.util.List.of("-Xmx512m", "-Xss1m"), GateProcess.memoryOptions(java.util.List.of("-Xss1m"), 512L << 20),
                "the heap the JVM chose when the service set none");
        assertEquals(java.util.List.of("-XX:MaxRAMPercentage=75"), GateProcess.memoryOptions(
                java.util.List.of("-XX:MaxRAMPercentage=75"), 3L << 30));
    }

    private static Gate.Verdict check(KnowledgeCopy copy, Duration limit) {
        try (GateWorker worker = new GateWorker(GateProcess.command(), null)) {
            return check(worker, copy, limit);
        }
    }

    private static Gate.Verdict check(GateWorker worker, KnowledgeCopy copy, Duration limit) {
        return worker.check(new KnowledgeFolder("rules", copy.rules), new KnowledgeFolder("data", copy.data), limit);
    }
}
