package dev.dbpick.cli;

import dev.dbpick.catalog.Library;
import dev.dbpick.knowledge.Data;
import dev.dbpick.questionnaire.Question;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dbpick completion bash|zsh}: a shell completion script for every command and option,
 * with the allowed values of the profile options and the library ids of the catalog in use.
 */
@Command(name = "completion",
        description = {
            "Prints a shell completion script for bash or zsh.",
            "It completes commands, options, and the values the profile options and library ids allow",
            "(from the questionnaire and catalog in use when it is generated).",
            "",
            "bash:  source <(dbpick completion bash)     (or save it under /etc/bash_completion.d/)",
            "zsh:   source <(dbpick completion zsh)      (in ~/.zshrc)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage", "3:invalid data"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script can be generated for. */
    enum Shell { BASH, ZSH }

    /** Option name to questionnaire field whose choices it takes. */
    private static final Map<String, String> PROFILE_OPTIONS = Map.ofEntries(
            Map.entry("--purpose", "purpose"), Map.entry("--database", "databases"), Map.entry("--async", "async"),
            Map.entry("--deployment", "deployment"), Map.entry("--shared-by", "sharedBy"), Map.entry("--python", "python"),
            Map.entry("--framework", "framework"), Map.entry("--workload", "workload"),
            Map.entry("--already-uses", "alreadyUses"), Map.entry("--priority", "priorities"),
            Map.entry("--constraint", "constraints"));

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        Data knowledge = data.readData();
        CommandLine root = Cli.create();
        addCandidates(root, knowledge);
        String script = AutoComplete.bash("dbpick", root);
        PrintWriter out = spec.commandLine().getOut();
        if (shell == Shell.ZSH) {
            out.println("# dbpick completion for zsh, through its bash completion support");
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(script);
        out.flush();
        return ExitCode.OK;
    }

    /** Gives every profile option its choices, and every library id parameter the catalog's ids. */
    private static void addCandidates(CommandLine command, Data knowledge) {
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : List.copyOf(spec.options())) {
            String field = java.util.Arrays.stream(option.names()).map(PROFILE_OPTIONS::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            List<String> values = field == null ? null : knowledge.questionnaire().find(field).map(Question::values).orElse(null);
            if ("--kind".equals(option.longestName())) {
                values = knowledge.catalog().vocabulary().values("kinds");
            }
            if (values != null) {
                spec.remove(option);
                spec.addOption(OptionSpec.builder(option).completionCandidates(values).build());
            }
        }
        for (PositionalParamSpec parameter : List.copyOf(spec.positionalParameters())) {
            if ("ID".equals(parameter.paramLabel())) {
                List<String> ids = knowledge.catalog().libraries().stream().map(Library::id).toList();
                spec.remove(parameter);
                spec.addPositional(PositionalParamSpec.builder(parameter).completionCandidates(ids).build());
            }
        }
        command.getSubcommands().values().forEach(sub -> addCandidates(sub, knowledge));
    }
}
