package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.scenario.Panel;
import dev.dbpick.scenario.ScenarioReader;
import dev.dbpick.scenario.ScenarioResult;
import dev.dbpick.render.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbpick rules panel}: how far the knowledge agrees with the blind expert panel. */
@Command(name = "panel", description = {
            "Measures the knowledge against the blind expert panel, the cases under",
            "rules/scenarios/panel/ written by experts who never read the rules: how many first",
            "picks, top-three memberships, ordering pairs and misfits agree, for the tuned share and",
            "the held-out share. The panel is measured, never enforced: the build and the reload",
            "gate do not run it. Read the held-out share's failures only after tuning, or it stops",
            "measuring anything."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:internal error", "2:bad usage", "3:invalid rules, data or panel files"})
final class RulesPanelCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Option(names = "--share", paramLabel = "SHARE", defaultValue = "tuned",
            description = {"tuned, held-out or all (default: ${DEFAULT-VALUE}: the held-out share is measured",
                    "only when asked, at the end of a round of tuning)."})
    String share;

    @Option(names = "--failures", description = "Also list each case the knowledge disagrees with, and how.")
    boolean failures;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    CatalogCommand.CatalogFormat format;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        if (!share.equals("all") && !Panel.SHARES.contains(share)) {
            throw new UsageException("--share: \"" + share + "\" is not a share; allowed: " + String.join(", ", Panel.SHARES) + ", all");
        }
        KnowledgeFolder rulesFolder = knowledge.rulesFolder();
        Data data = knowledge.readData();
        Engine engine = new Engine(Knowledge.of(data, Rules.compile(rulesFolder, CompiledRulesCache.forUser())));
        List<Panel.Agreement> agreements = new ArrayList<>();
        for (String name : Panel.SHARES) {
            if (share.equals("all") || share.equals(name)) {
                agreements.add(Panel.measure(engine, name,
                        ScenarioReader.readPanel(data.catalog(), data.questionnaire(), rulesFolder, name)));
            }
        }
        if (agreements.stream().allMatch(a -> a.cases() == 0)) {
            throw new UsageException("no panel cases in " + rulesFolder.label() + "/" + ScenarioReader.PANEL_FOLDER);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == CatalogCommand.CatalogFormat.JSON) {
            out.println(Json.write(agreements.stream().map(this::document).toList()));
        } else {
            out.printf("%-9s %6s %7s  %-16s %-16s %-16s %-16s%n", "share", "cases", "passed", "first pick", "top three", "pairs",
                    "misfits kept out");
            for (Panel.Agreement a : agreements) {
                out.printf("%-9s %6d %7d  %-16s %-16s %-16s %-16s%n", a.share(), a.cases(), a.passed(), a.firstPick(), a.topThree(),
                        a.pairs(), a.misfits());
            }
            if (failures) {
                for (Panel.Agreement a : agreements) {
                    for (ScenarioResult result : a.results()) {
                        if (!result.passed()) {
                            out.println();
                            out.println(a.share() + ": " + result.scenario().name() + "  (" + result.scenario().source() + ")");
                            out.println("        first three: " + String.join(", ", result.firstThree()));
                            result.failures().forEach(f -> out.println("        " + f));
                        }
                    }
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private Map<String, Object> document(Panel.Agreement a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("share", a.share());
        doc.put("cases", a.cases());
        doc.put("passed", a.passed());
        doc.put("firstPick", count(a.firstPick()));
        doc.put("topThree", count(a.topThree()));
        doc.put("pairs", count(a.pairs()));
        doc.put("misfits", count(a.misfits()));
        if (failures) {
            doc.put("disagreements", a.results().stream().filter(r -> !r.passed())
                    .map(r -> Map.of("scenario", r.scenario().name(), "firstThree", r.firstThree(), "failures", r.failures()))
                    .toList());
        }
        return doc;
    }

    private static Map<String, Integer> count(Panel.Count count) {
        return Map.of("agreed", count.agreed(), "total", count.total());
    }
}
