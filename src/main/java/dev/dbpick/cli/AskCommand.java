package dev.dbpick.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.ask.AskSession;
import dev.dbpick.ask.LinePrompter;
import dev.dbpick.ask.Prompter;
import dev.dbpick.ask.TerminalPrompter;
import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.project.ProjectAnswers;
import dev.dbpick.questionnaire.Interview;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.recommendation.Ranking;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbpick ask}: the interactive questionnaire, then the same ranking as recommend. */
@Command(name = "ask",
        sortOptions = false,
        description = {
            "Asks what your data layer needs, one question at a time, then ranks the libraries.",
            "",
            "In a terminal: arrow keys move, space toggles in a multiple choice, Enter accepts;",
            "every menu ends with '? Why does this question matter?' and '< Back'. A review",
            "screen before the result lets you change any answer.",
            "Without a terminal (a pipe), the same questions are numbered menus read line by line:",
            "a number answers, commas separate several, an empty line keeps the default,",
            "'-' chooses none, '?' shows the help and '<' goes back. Prompts go to standard",
            "error and the result to standard output.",
            "",
            "Answers given by --profile or the per-field options are not asked again, nor are those",
            "--project reads from a Python project (each said on standard error with its file and line)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dbpick ask",
            "  dbpick ask --save profile.json",
            "  dbpick ask --project .",
            "  dbpick ask --profile profile.json --async required",
            "  printf '2\\n1,3\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n' | dbpick ask --format json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage or an invalid profile",
            "3:invalid rules or data", "130:questionnaire abandoned (Ctrl-C or end of input); nothing saved"})
final class AskCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions fields;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Write the answers to FILE as profile JSON, for 'recommend --profile' or the HTTP service.")
    java.nio.file.Path save;

    @Mixin
    ResultOptions output;

    @Mixin
    KnowledgeOptions knowledge;

    private Engine engine;

    @Override
    public Integer call() {
        int top = output.top();
        var asOf = output.asOf();
        Include include = output.include();
        if (save != null) {
            ProfileFile.check(save);
        }
        KnowledgeOptions.PendingRules rules = knowledge.compileInBackground();
        Data data = knowledge.readData();
        ProfileReader reader = new ProfileReader(data.questionnaire());
        ObjectNode known = fields.document(reader);
        ProjectAnswers project = fields.fillFromProject(known, data);
        reader.validate(known);
        ProfileOptions.tell(project, spec.commandLine().getErr());
        Function<ObjectNode, String> effect = answers -> {
            Profile sofar = reader.validate(answers);
            if (sofar.stack() && sofar.hasDatabases()) {
                StringBuilder line = new StringBuilder("  -> leading per database:");
                for (String database : sofar.databases()) {
                    Ranking partial = engine(data, rules).rank(sofar.forDatabase(database), asOf);
                    line.append(' ').append(database).append(": ")
                            .append(partial.top().map(a -> a.library().name()).orElse("nothing fits")).append(';');
                }
                return line.substring(0, line.length() - 1);
            }
            Ranking partial = engine(data, rules).rank(sofar, asOf);
            int fit = partial.fitting().size();
            return "  -> " + fit + " of " + data.catalog().size() + " libraries still fit"
                    + partial.top().map(top1 -> "; leading: " + top1.library().name()).orElse("");
        };
        ObjectNode answers;
        try (Terminal terminal = interactiveTerminal()) {
            Prompter prompter = terminal != null ? new TerminalPrompter(terminal) : lines();
            Thread onInterrupt = interruptNotice(terminal);
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            if (terminal != null) {
                // JLine's native default for INT would end the process without running the
                // hook above; ending the JVM ourselves runs it. 130 is what shells report.
                terminal.handle(Terminal.Signal.INT, signal -> System.exit(ExitCode.ABANDONED));
            }
            try {
                answers = new AskSession(new Interview(data.questionnaire(), known), prompter, effect).run();
            } finally {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Profile profile = reader.validate(answers);
        Result result = new Advisor(engine(data, rules)).recommend(profile, top, asOf, include);
        if (project != null) {
            result = result.withProject(project.summary(), id -> project.standing(id, profile));
        }
        if (save != null) {
            ProfileFile.write(save, profile);
        }
        output.print(result, engine(data, rules).knowledge(), spec.commandLine().getOut());
        if (save != null) {
            spec.commandLine().getErr().println(ProfileFile.rereadable(save)
                    ? "dbpick: answers saved to " + save + "; rerun with: dbpick recommend --profile " + save
                    : "dbpick: answers written to " + save);
            spec.commandLine().getErr().flush();
        }
        return ExitCode.OK;
    }

    /** The engine, made once when the rules are ready: every answer's effect line and the result use it. */
    private Engine engine(Data data, KnowledgeOptions.PendingRules rules) {
        if (engine == null) {
            engine = new Engine(Knowledge.of(data, rules.get()));
        }
        return engine;
    }

    /**
     * Ctrl-C ends the JVM while a prompt waits for input (exit code 130, as shells report an
     * interrupt); this hook, removed once the answers are in, restores the terminal and says
     * so in one line. Nothing has been written at that point.
     */
    private Thread interruptNotice(Terminal terminal) {
        PrintWriter err = spec.commandLine().getErr();
        return new Thread(() -> {
            err.println();
            err.println("dbpick: questionnaire abandoned (Ctrl-C); nothing was saved");
            err.flush();
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (IOException | RuntimeException e) {
                    // The process is ending and the message is out.
                }
            }
        });
    }

    /** A real terminal on both ends, or null to fall back to numbered menus. */
    private static Terminal interactiveTerminal() throws IOException {
        if (System.console() == null || "-".equals(System.getenv("DBPICK_PROMPT"))) {
            return null;
        }
        Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            terminal.close();
            return null;
        }
        return terminal;
    }

    private LinePrompter lines() {
        BufferedReader in = new BufferedReader(new InputStreamReader(StandardInput.open("ask reads the answers from it: run it in a terminal, or pipe answers in, one per line"), StandardCharsets.UTF_8));
        return new LinePrompter(in, spec.commandLine().getErr(), false, System.console() == null);
    }
}
