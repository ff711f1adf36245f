package dev.dbpick.cli;

import java.nio.file.Path;

/** Entry point of {@code java -jar dbpick.jar}: the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logs.forCommandLine();
        RulesPrefetch.start(args, Path.of("").toAbsolutePath());
        System.exit(Cli.forArguments(args).execute(args));
    }
}
