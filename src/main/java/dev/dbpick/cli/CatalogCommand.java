package dev.dbpick.cli;

import dev.dbpick.knowledge.Data;
import dev.dbpick.recommendation.Evaluation;
import dev.dbpick.render.CatalogText;
import dev.dbpick.render.Json;
import dev.dbpick.support.Text;
import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.Library;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dbpick catalog list|show}: what the catalog knows, without running the rules;
 * {@code dbpick catalog refresh}: {@link CatalogRefreshCommand}.
 */
@Command(name = "catalog",
        description = "Shows the library catalog (data/catalog/*.yaml, with the refreshed facts of data/refreshed/), and"
                + " refreshes the facts a machine can check.",
        subcommands = {CatalogCommand.ListCommand.class, CatalogCommand.ShowCommand.class, CatalogRefreshCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage or unknown library", "3:invalid data"})
final class CatalogCommand implements Runnable {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Output formats of the catalog commands. */
    enum CatalogFormat { TABLE, JSON }

    @Command(name = "list", description = "Lists every library: id, kind, databases, async support, license and maintenance.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:internal error", "2:bad usage", "3:invalid data"})
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table or json (default: ${DEFAULT-VALUE}).")
        CatalogFormat format;

        @Option(names = "--kind", paramLabel = "KIND", description = "Only libraries of this kind (orm, odm, driver, ...).")
        String kind;

        @Option(names = "--database", paramLabel = "DB", description = "Only libraries that work with this database.")
        String database;

        @Option(names = "--stale", description = "Only libraries whose facts were checked longer ago than data/settings.yaml"
                + " allows (staleFactsAfterMonths) before the evaluation date.")
        boolean stale;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The evaluation date for --stale (default: today).")
        String asOf;

        @Mixin
        DataOptions knowledge;

        @Override
        public Integer call() {
            Data data = knowledge.readData();
            Catalog catalog = data.catalog();
            List<String> kinds = catalog.vocabulary().values("kinds").stream().sorted().toList();
            check("--kind", kind, kinds, dev.dbpick.support.Suggestions.closest(kind == null ? "" : kind, kinds));
            var databases = data.questionnaire().get("databases");
            check("--database", database, databases.values(), databases.likelyMeant(database == null ? "" : database));
            Evaluation evaluation = Evaluation.on(ResultOptions.parseDate(asOf), data.settings().staleFactsAfterMonths());
            List<Library> libraries = catalog.libraries().stream()
                    .filter(l -> kind == null || l.kinds().contains(kind))
                    .filter(l -> database == null || l.databases().contains(database))
                    .filter(l -> !stale || evaluation.stale(l.asOf()))
                    .toList();
            PrintWriter out = spec.commandLine().getOut();
            if (format == CatalogFormat.JSON) {
                out.println(Json.write(libraries));
            } else if (stale && libraries.isEmpty()) {
                out.println("No library's facts are older than " + evaluation.staleFactsAfterMonths() + " months on "
                        + evaluation.date() + ".");
            } else {
                CatalogText.table(libraries, Terminals.width(), out);
                if (stale) {
                    out.println("Their facts are older than " + evaluation.staleFactsAfterMonths() + " months on " + evaluation.date()
                            + ": check them against the latest releases and update asOf.");
                }
            }
            out.flush();
            return ExitCode.OK;
        }

        private static void check(String option, String value, List<String> allowed, java.util.Optional<String> meant) {
            if (value != null && !allowed.contains(value)) {
                throw new UsageException(option + ": unknown value \"" + Text.truncate(value, 40) + "\""
                        + meant.map(m -> " (did you mean \"" + m + "\"?)").orElse("") + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    @Command(name = "show", description = "Shows every fact the catalog holds about one library, with its sources, and"
            + " which facts a refresh set, from where and when.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:internal error", "2:bad usage or unknown library", "3:invalid data"})
    static final class ShowCommand implements Callable<Integer> {

        @Mixin
        HelpOption helpOption;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Library id: the lower-case package name, e.g. sqlalchemy.")
        String id;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table (readable text) or json (default: ${DEFAULT-VALUE}).")
        CatalogFormat format;

        @Mixin
        DataOptions knowledge;

        @Override
        public Integer call() {
            Catalog catalog = knowledge.readData().catalog();
            Library library = catalog.find(id.toLowerCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> new UsageException("unknown library \"" + Text.truncate(id, 40) + "\"" + suggestion(catalog)));
            PrintWriter out = spec.commandLine().getOut();
            if (format == CatalogFormat.JSON) {
                out.println(Json.write(CatalogText.document(library, catalog.provenance(library.id()))));
            } else {
                CatalogText.details(library, catalog.provenance(library.id()), catalog.vocabulary(), out);
            }
            out.flush();
            return ExitCode.OK;
        }

        private String suggestion(Catalog catalog) {
            return dev.dbpick.support.Suggestions.didYouMean(id, catalog.libraries().stream().map(Library::id).toList())
                    + " ('dbpick catalog list' shows all ids)";
        }
    }
}
