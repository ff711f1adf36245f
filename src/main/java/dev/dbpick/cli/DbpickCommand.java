package dev.dbpick.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code dbpick} command; it only groups the subcommands, which {@link Cli} adds. */
@Command(name = "dbpick",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Ranks Python database libraries (ORMs, ODMs, drivers, toolkits, embedded databases,",
            "caches) for a requirements profile, and says why for every place and every exclusion.",
            "",
            "Knowledge comes from rules/*.drl and data/*.yaml, read at run time: --rules DIR and",
            "--data DIR, else ./rules and ./data when they exist, else the copies bundled in the jar."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug: please report it)",
            "2:bad usage or an invalid profile",
            "3:invalid rules or data, or a failing scenario in 'rules test'",
            "130:questionnaire abandoned (Ctrl-C or end of input in 'ask')"})
final class DbpickCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
