package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.RuleValues;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.scenario.KnowledgeAudit;
import dev.dbpick.scenario.Scenario;
import dev.dbpick.scenario.ScenarioReader;
import dev.dbpick.scenario.ScenarioResult;
import dev.dbpick.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dbpick rules check|test|diff|panel}: compile the knowledge, run its scenario tests, report
 * what an edit moved, and measure it against the blind expert panel.
 */
@Command(name = "rules",
        description = {"Checks the rules and data, runs the scenario tests in rules/scenarios/, reports what an",
            "edit moved (diff), and measures the knowledge against the blind expert panel (panel)."},
        subcommands = {RulesCommand.CheckCommand.class, RulesCommand.TestCommand.class, RulesDiffCommand.class,
            RulesPanelCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage", "3:invalid rules or data, or a failing scenario"})
final class RulesCommand implements Runnable {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", description = {
                "Runs every check the build runs on the knowledge, short of the scenarios' expectations",
                "('rules test' runs those): the rule files compile together and each on its own with no",
                "messages; the data and the scenario files are valid; every value a rule tests for",
                "(has(\"trait\"), purpose == \"orm\", an id) exists in the data; over the scenario profiles",
                "no rule says the same of nearly every fitting library, no library gets one line twice,",
                "and a warm session ranks exactly as a fresh one. Errors are listed with file and line",
                "(rules), file and entry (data), or scenario."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:all valid", "1:internal error", "2:bad usage", "3:invalid rules, data or scenarios"})
    static final class CheckCommand implements Callable<Integer> {

        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        @Mixin
        KnowledgeOptions knowledge;

        @Override
        public Integer call() {
            KnowledgeFolder rulesFolder = knowledge.rulesFolder();
            Data data = knowledge.readData();
            Knowledge loaded = Knowledge.of(data, Rules.compile(rulesFolder, CompiledRulesCache.disabled()));
            List<String> values = RuleValues.check(loaded.rules().files(), data);
            if (!values.isEmpty()) {
                throw new KnowledgeException(values.size() + " value(s) the rules test for exist nowhere in the data", values);
            }
            List<Scenario> scenarios = new ScenarioReader(data.catalog(), data.questionnaire()).read(rulesFolder);
            List<String> problems = KnowledgeAudit.run(loaded, scenarios);
            if (!problems.isEmpty()) {
                throw new KnowledgeException(problems.size() + " problem(s) in the knowledge", problems);
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            loaded.rules().warnings().forEach(w -> err.println("dbpick: warning: " + w));
            out.println("rules:     " + loaded.rules().files().size() + " files, " + loaded.rules().names().size()
                    + " rules (" + withTeam(rulesFolder) + ")");
            out.println("data:      " + data.catalog().size() + " libraries, " + data.questionnaire().questions().size()
                    + " questions (" + withTeam(knowledge.dataFolder()) + ")");
            out.println("scenarios: " + scenarios.size());
            if (loaded.team() != null) {
                out.println("team:      " + loaded.team().folder() + ", revision " + loaded.team().revision());
            }
            out.println("revision:  " + loaded.revision());
            out.println(loaded.rules().warnings().isEmpty() ? "OK" : "OK with " + loaded.rules().warnings().size() + " warning(s)");
            out.flush();
            err.flush();
            return ExitCode.OK;
        }
    }

    /** How {@code rules check} names a folder: with the team's folder on top, when there is one. */
    private static String withTeam(KnowledgeFolder folder) {
        return folder.team() == null ? folder.label() : folder.label() + " + " + folder.team().label();
    }

    @Command(name = "test", description = {
                "Runs the scenario tests of rules/scenarios/*.yaml and prints each result;",
                "a failure shows what was expected and what the ranking gave. With --team DIR, the",
                "team's scenarios run too, and the bundled ones they supersede are listed with the reason."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every scenario passed", "1:internal error", "2:bad usage",
                "3:a scenario failed, or the rules, data or scenarios are invalid"})
    static final class TestCommand implements Callable<Integer> {

        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        @Option(names = "--scenario", paramLabel = "TEXT",
                description = "Run only scenarios whose name contains TEXT.")
        String filter;

        @Option(names = "--failures-only", description = "Print only the scenarios that fail, and the summary.")
        boolean failuresOnly;

        @Mixin
        KnowledgeOptions knowledge;

        @Override
        public Integer call() {
            KnowledgeFolder rulesFolder = knowledge.rulesFolder();
            Data data = knowledge.readData();
            Knowledge loaded = Knowledge.of(data, Rules.compile(rulesFolder, CompiledRulesCache.forUser()));
            ScenarioReader.Scenarios read = new ScenarioReader(data.catalog(), data.questionnaire()).readWithTeam(rulesFolder);
            List<Scenario> scenarios = read.run().stream()
                    .filter(s -> filter == null || s.name().contains(filter))
                    .toList();
            List<ScenarioReader.Superseded> superseded = read.superseded().stream()
                    .filter(s -> filter == null || s.name().contains(filter))
                    .toList();
            if (scenarios.isEmpty() && superseded.isEmpty()) {
                throw new UsageException(filter == null ? "no scenarios in " + rulesFolder.label() + "/scenarios"
                        : "no scenario name contains \"" + filter + "\"");
            }
            List<ScenarioResult> results = ScenarioRunner.run(new dev.dbpick.recommendation.Engine(loaded), scenarios);
            PrintWriter out = spec.commandLine().getOut();
            for (ScenarioResult result : results) {
                if (result.passed() && failuresOnly) {
                    continue;
                }
                out.println((result.passed() ? "PASS  " : "FAIL  ") + result.scenario().name()
                        + "  (" + result.scenario().source() + ")");
                result.failures().forEach(f -> out.println("        " + f));
                if (!result.passed()) {
                    hint(result.scenario(), rulesFolder.team(), out);
                }
            }
            for (ScenarioReader.Superseded entry : superseded) {
                out.println("SUPERSEDED  " + entry.name() + "  (" + entry.source() + ")");
                out.println("        by " + entry.by() + ": " + entry.because());
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            out.println((results.size() - failed) + " passed, " + failed + " failed"
                    + (superseded.isEmpty() ? "" : ", " + superseded.size() + " superseded by the team"));
            out.flush();
            if (failed > 0) {
                spec.commandLine().getErr().println("dbpick: " + failed + " of " + results.size() + " scenarios failed");
                spec.commandLine().getErr().flush();
                return ExitCode.KNOWLEDGE;
            }
            return ExitCode.OK;
        }

        /**
         * Under a team's layer, a failing bundled scenario is most likely one a team rule overturns
         * on purpose: one line saying how to supersede it, in the file to write.
         */
        private static void hint(Scenario scenario, KnowledgeFolder team, PrintWriter out) {
            if (team == null || scenario.source().startsWith(team.label() + "/")) {
                return;
            }
            out.println("        hint: if your team means this, supersede it in " + team.label() + "/scenarios/team.yaml"
                    + " under scenarios:  - {supersedes: \"" + scenario.name().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\", because: \"why your team decides otherwise\"}");
        }
    }
}
