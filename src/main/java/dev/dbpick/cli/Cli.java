package dev.dbpick.cli;

import dev.dbpick.advice.UnknownLibraryException;
import dev.dbpick.ask.AbandonedException;
import dev.dbpick.ask.InputException;
import dev.dbpick.support.KnowledgeException;
import dev.dbpick.profile.ProfileException;
import dev.dbpick.project.ProjectException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import dev.dbpick.support.Suggestions;
import dev.dbpick.support.Text;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.ParseResult;

/** Builds the picocli command line with dbpick's error handling and exit codes. */
public final class Cli {

    private Cli() {
    }

    /** The subcommands, in the order {@code dbpick --help} lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("ask", AskCommand::new);
        all.put("recommend", RecommendCommand::new);
        all.put("why-not", WhyNotCommand::new);
        all.put("compare", CompareCommand::new);
        all.put("serve", ServeCommand::new);
        all.put("catalog", CatalogCommand::new);
        all.put("rules", RulesCommand::new);
        all.put("completion", CompletionCommand::new);
        all.put("help", HelpCommand::new);
        return java.util.Collections.unmodifiableMap(all);
    }

    /** The command line writing to the process's standard output and error, with every subcommand. */
    public static CommandLine create() {
        return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /**
     * The command line for one run: when the first argument names a subcommand that does not
     * look at the others (anything but {@code help} and {@code completion}), only that
     * subcommand is built. Picocli reads every command's annotations when it is added, which is
     * a tenth of a second for all of them on a cold JVM.
     */
    public static CommandLine forArguments(String[] args) {
        String first = args.length == 0 ? "" : args[0];
        boolean alone = SUBCOMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion");
        return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                alone ? List.of(first) : List.copyOf(SUBCOMMANDS.keySet()));
    }

    /** The command line writing to the given streams, with every subcommand; tests pass string writers. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, List.copyOf(SUBCOMMANDS.keySet()));
    }

    static CommandLine create(PrintWriter out, PrintWriter err, List<String> subcommands) {
        CommandLine cli = new CommandLine(new DbpickCommand());
        subcommands.forEach(name -> cli.addSubcommand(name, SUBCOMMANDS.get(name).get()));
        // Catalog and rule text never reaches the terminal with its control characters raw.
        cli.setOut(TerminalWriter.of(out));
        cli.setErr(TerminalWriter.of(err));
        // Help in plain text: the terminal writer lets through only the colours of dbpick's own tables.
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpWidth(100);
        cli.setExecutionExceptionHandler(Cli::onExecutionException);
        cli.setParameterExceptionHandler(Cli::onParameterException);
        cli.setHelpFactory(ChoiceHelp.factory());
        return cli;
    }

    private static int onParameterException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("dbpick: " + describe(e) + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE;
    }

    /** Picocli's message, with "did you mean" for a mistyped subcommand or option. */
    private static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            CommandSpec spec = e.getCommandLine().getCommandSpec();
            boolean option = typed.startsWith("-");
            List<String> known = option
                    ? spec.options().stream().flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith("--")).toList()
                    : List.copyOf(spec.subcommands().keySet());
            String what = option ? "unknown option" : spec.subcommands().isEmpty() ? "unexpected argument" : "unknown command";
            String name = option ? typed.replaceFirst("=.*", "") : typed;
            return what + " '" + Text.truncate(name, 60) + "'"
                    + Suggestions.closest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
        }
        return e.getMessage();
    }

    private static int onExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code;
        if (e instanceof UnknownLibraryException) {
            err.println("dbpick: " + e.getMessage() + " ('dbpick catalog list' shows all ids)");
            code = ExitCode.USAGE;
        } else if (e instanceof ProjectException) {
            err.println("dbpick: --project: " + e.getMessage());
            code = ExitCode.USAGE;
        } else if (e instanceof ProfileException || e instanceof UsageException || e instanceof InputException) {
            err.println("dbpick: " + e.getMessage());
            code = ExitCode.USAGE;
        } else if (e instanceof AbandonedException) {
            err.println("dbpick: " + e.getMessage());
            code = ExitCode.ABANDONED;
        } else if (e instanceof KnowledgeException k) {
            if (k.problems().size() > 1) {
                err.println("dbpick: invalid rules or data: " + k.getMessage());
            }
            k.problems().forEach(p -> err.println((k.problems().size() > 1 ? "  " : "dbpick: invalid rules or data: ") + p));
            code = ExitCode.KNOWLEDGE;
        } else {
            err.println("dbpick: internal error: " + e);
            if (System.getenv("DBPICK_DEBUG") != null) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
            code = ExitCode.INTERNAL;
        }
        err.flush();
        return code;
    }
}
