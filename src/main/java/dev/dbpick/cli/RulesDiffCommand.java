package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeAtRevision;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.Scenario;
import dev.dbpick.scenario.ScenarioReader;
import dev.dbpick.scenario.ScenarioRunner;
import dev.dbpick.scenario.Stability;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbpick rules diff --against REV}: which answers an edit of the knowledge moved. */
@Command(name = "diff", description = {
            "The stability report of an edit: ranks every scenario profile (rules/scenarios/ and the",
            "panel's tuned share) with the knowledge as it is and as git revision REV had it, and",
            "lists each profile whose first three changed (before -> after), marking first picks",
            "that moved and scenarios that passed before and fail now. Run it before committing a",
            "rule or catalog edit: `dbpick rules diff --against HEAD`. The held-out share is left",
            "out, so it stays unread while tuning."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report printed", "1:internal error", "2:bad usage",
            "3:invalid rules or data, or no such revision"})
final class RulesDiffCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Option(names = "--against", paramLabel = "REV", required = true,
            description = "The git revision to compare with: HEAD (the last commit), HEAD~3, a tag, a branch.")
    String against;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        KnowledgeFolder rulesFolder = knowledge.rulesFolder();
        KnowledgeFolder dataFolder = knowledge.dataFolder();
        Data data = knowledge.readData();
        Engine now = new Engine(Knowledge.of(data, Rules.compile(rulesFolder, CompiledRulesCache.forUser())));
        List<Scenario> scenarios = Stream.concat(
                new ScenarioReader(data.catalog(), data.questionnaire()).read(rulesFolder).stream(),
                ScenarioReader.readPanel(data.catalog(), data.questionnaire(), rulesFolder, "tuned").stream()).toList();
        List<Stability.Move> moves;
        try (KnowledgeAtRevision old = KnowledgeAtRevision.of(against, rulesFolder, dataFolder)) {
            // A team's layer is laid over both sides alike: the diff shows what the bundled edit moved.
            Engine then = new Engine(Knowledge.of(Data.read(old.data().withTeam(dataFolder.team())),
                    Rules.compile(old.rules().withTeam(rulesFolder.team()), CompiledRulesCache.forUser())));
            moves = Stability.compare(ScenarioRunner.run(then, scenarios), ScenarioRunner.run(now, scenarios));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Stability.Move move : moves) {
            out.println((move.firstPickMoved() ? "first pick moved  " : move.before().equals(move.after()) ? "verdict changed   "
                    : "order moved       ") + move.scenario()
                    + "  (" + move.source() + ")");
            out.println("        " + String.join(", ", move.before()) + "  ->  " + String.join(", ", move.after())
                    + verdict(move));
        }
        long firstPicks = moves.stream().filter(Stability.Move::firstPickMoved).count();
        long broke = moves.stream().filter(m -> m.passedBefore() && !m.passedAfter()).count();
        long mended = moves.stream().filter(m -> !m.passedBefore() && m.passedAfter()).count();
        out.println(scenarios.size() + " profiles against " + against + ": " + moves.size() + " changed, " + firstPicks
                + " first pick(s) moved; " + broke + " scenario(s) passed before and fail now, " + mended + " fail before and pass now");
        out.flush();
        return ExitCode.OK;
    }

    private static String verdict(Stability.Move move) {
        if (move.passedBefore() == move.passedAfter()) {
            return move.passedAfter() ? "" : "  (fails before and after)";
        }
        return move.passedAfter() ? "  (failed before, passes now)" : "  (passed before, FAILS now)";
    }
}
