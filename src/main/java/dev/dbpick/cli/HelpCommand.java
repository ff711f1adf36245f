package dev.dbpick.cli;

import dev.dbpick.support.Suggestions;
import dev.dbpick.support.Text;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dbpick help [COMMAND...]}: the help of any command, nested ones included
 * ({@code dbpick help catalog list}); picocli's own help command only looks one level down.
 */
@Command(name = "help", helpCommand = true,
        description = "Shows the help of a command, e.g. 'dbpick help catalog list'.")
final class HelpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and subcommand, to explain.")
    List<String> path = List.of();

    @Override
    public void run() {
        CommandLine command = spec.parent().commandLine();
        for (String name : path) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                throw new UsageException("unknown command '" + Text.truncate(name, 60) + "'"
                        + Suggestions.closest(name, command.getSubcommands().keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            }
            command = next;
        }
        command.usage(spec.commandLine().getOut(), spec.commandLine().getColorScheme());
    }
}
