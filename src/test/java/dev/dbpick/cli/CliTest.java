package dev.dbpick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run that builds only the subcommand it names answers exactly as the whole command line does. */
class CliTest {

    private static final List<String> ALL = List.of("ask", "recommend", "why-not", "compare", "serve", "catalog", "rules",
            "completion", "help");

    @Test
    void aSubcommandBuiltAloneAnswersAsTheWholeCommandLine() {
        List<String[]> runs = List.of(
                new String[] {"recommend", "--help"},
                new String[] {"recommend", "--database", "postgresql", "--async", "required", "--format", "json"},
                new String[] {"recommend", "--databse", "postgresql"},
                new String[] {"recommend", "--database", "postgres"},
                new String[] {"why-not", "tortoise-orm", "--database", "postgresql", "--framework", "django"},
                new String[] {"compare", "sqlalchemy", "peewee", "--database", "sqlite"},
                new String[] {"catalog", "show", "pg8000"},
                new String[] {"catalog", "lst"},
                new String[] {"rules", "--help"});
        for (String[] args : runs) {
            String alone = run(args, List.of(args[0]));
            assertEquals(run(args, ALL), alone, String.join(" ", args));
            assertTrue(!alone.isBlank(), String.join(" ", args));
        }
    }

    @Test
    void helpAndCompletionAndUnknownCommandsSeeEveryCommand() {
        for (String first : new String[] {"help", "completion", "recomend", "--help", "-V"}) {
            assertEquals(ALL.size(), Cli.forArguments(new String[] {first}).getSubcommands().size(), first);
        }
        assertEquals(List.of("recommend"), List.copyOf(Cli.forArguments(new String[] {"recommend"}).getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(Cli.create().getSubcommands().keySet()));
    }

    private static String run(String[] args, List<String> subcommands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), subcommands).execute(args);
        return code + "\n" + out + "\n--\n" + err;
    }
}
