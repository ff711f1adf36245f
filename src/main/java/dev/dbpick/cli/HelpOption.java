package dev.dbpick.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for the subcommands; {@code --version} belongs to {@code dbpick} alone. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
