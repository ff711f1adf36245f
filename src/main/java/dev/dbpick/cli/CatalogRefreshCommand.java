package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.refresh.Refresh;
import dev.dbpick.refresh.Report;
import dev.dbpick.refresh.ReportText;
import dev.dbpick.render.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbpick catalog refresh [ID...]}: the options, then {@link Refresh} and its report. */
@Command(name = "refresh", description = {
            "Refreshes the facts a machine can check from the package index, OSV and the download ranking.",
            "Latest release and its month, Python versions per release line, development status, typing",
            "classifier, licence expression, download rank and advisories, from the Python Package Index's",
            "JSON API, OSV and the monthly top-packages ranking (URLs in data/settings.yaml, refresh:, or",
            "the flags below). They go to data/refreshed/ID.yaml, laid over the hand-written data/catalog/",
            "(never rewritten); data/pinned.yaml keeps hand facts as written. Prints each fact that changed,",
            "then runs the scenarios on the refreshed knowledge and lists the failing ones and the first",
            "picks that moved. A source that fails keeps its facts, with a warning."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:refreshed (a failing source only warns, unless --strict)", "1:--strict and a source failed, or an"
                + " internal error", "2:bad usage or an unknown library", "3:invalid rules or data"})
final class CatalogRefreshCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*",
            description = "Libraries to refresh (default: every library not from the standard library).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--dry-run", description = "Report what would change; write nothing to the data folder.")
    boolean dryRun;

    @Option(names = "--offline", description = "Ask no source; use the answers cached by earlier runs only.")
    boolean offline;

    @Option(names = "--strict", description = "Exit 1 when any request to any source failed.")
    boolean strict;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json: {changes, sources, scenarios: {passed, failed, moved}, ...} (default: ${DEFAULT-VALUE}).")
    CatalogCommand.CatalogFormat format;

    @Option(names = "--pypi-url", paramLabel = "URL", description = "The package index to ask instead of data/settings.yaml's"
            + " (GET URL/pypi/ID/json).")
    String pypiUrl;

    @Option(names = "--osv-url", paramLabel = "URL", description = "The OSV service to ask instead (POST URL/v1/query).")
    String osvUrl;

    @Option(names = "--downloads-url", paramLabel = "URL", description = "The download ranking (JSON) to read instead.")
    String downloadsUrl;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        for (String[] url : new String[][] {{"--pypi-url", pypiUrl}, {"--osv-url", osvUrl}, {"--downloads-url", downloadsUrl}}) {
            if (url[1] != null && !url[1].matches("https?://[^\\s/]+(/\\S*)?")) {
                throw new UsageException(url[0] + ": expected an http:// or https:// URL, got \"" + url[1] + "\"");
            }
        }
        if (knowledge.team != null) {
            throw new UsageException("--team: a refresh writes the shared catalog's refreshed/ facts; a team's layer takes no part"
                    + " (refreshed facts are laid over a team's records as over the bundled ones)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null && format == CatalogCommand.CatalogFormat.TABLE;
        Report report;
        try {
            report = Refresh.of(new Refresh.Options(ids, dryRun, offline, pypiUrl, osvUrl, downloadsUrl))
                    .run(knowledge.dataFolder().withTeam(null), knowledge.rulesFolder().withTeam(null), CompiledRulesCache.forUser(), library -> {
                        if (terminal) {
                            err.print("\r\033[Krefreshing " + library);
                            err.flush();
                        }
                    });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            if (terminal) {
                err.print("\r\033[K");
                err.flush();
            }
        }
        report.warnings().forEach(w -> err.println("dbpick: warning: " + w));
        err.flush();
        if (format == CatalogCommand.CatalogFormat.JSON) {
            out.println(Json.write(report));
        } else {
            ReportText.print(report, out);
        }
        out.flush();
        return strict && report.anySourceFailed() ? ExitCode.INTERNAL : ExitCode.OK;
    }
}
