package dev.dbpick.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.knowledge.Data;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.project.Inference;
import dev.dbpick.project.ProjectAnswers;
import dev.dbpick.project.ProjectReader;
import dev.dbpick.support.Mappers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The per-field profile flags. Each overrides the same field of {@code --profile}, which
 * overrides what {@code --project} infers; values are checked against
 * {@code data/questionnaire.yaml} like any profile.
 */
final class ProfileOptions {

    @Option(names = "--project", paramLabel = "PATH",
            description = "A Python project (its folder, or its pyproject.toml, requirements*.txt, Pipfile, setup.cfg, uv.lock"
                    + " or poetry.lock): the Python version, framework, asyncio, databases and tools it already uses answer"
                    + " what the options below and --profile leave out. Nothing in it is run.")
    Path project;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Profile as JSON; - reads standard input. The options below override its fields.")
    String profileFile;

    @Option(names = "--purpose", paramLabel = "KIND",
            description = "What kind of library: ${dbpick.choices.purpose:-see data/questionnaire.yaml}.")
    String purpose;

    @Option(names = {"--database", "--databases"}, paramLabel = "DB", split = ",",
            description = "A database it must work with; repeat or separate with commas: ${dbpick.choices.databases:-see data/questionnaire.yaml}.")
    List<String> databases;

    @Option(names = "--async", paramLabel = "NEED",
            description = "Whether asyncio is needed: ${dbpick.choices.async:-see data/questionnaire.yaml}.")
    String async;

    @Option(names = "--deployment", paramLabel = "WHERE",
            description = "In-process or server: ${dbpick.choices.deployment:-see data/questionnaire.yaml}.")
    String deployment;

    @Option(names = "--shared-by", paramLabel = "WHO",
            description = "Who uses the same data at once: ${dbpick.choices.sharedBy:-see data/questionnaire.yaml}.")
    String sharedBy;

    @Option(names = "--python", paramLabel = "VERSION",
            description = "Python version it must run on: ${dbpick.choices.python:-see data/questionnaire.yaml}.")
    String python;

    @Option(names = "--framework", paramLabel = "NAME",
            description = "Web framework: ${dbpick.choices.framework:-see data/questionnaire.yaml}.")
    String framework;

    @Option(names = "--workload", paramLabel = "KIND",
            description = "Main workload: ${dbpick.choices.workload:-see data/questionnaire.yaml}.")
    String workload;

    @Option(names = "--already-uses", paramLabel = "TOOL", split = ",",
            description = "What the code already uses; repeat or separate with commas: ${dbpick.choices.alreadyUses:-see data/questionnaire.yaml}.")
    List<String> alreadyUses;

    @Option(names = {"--priority", "--priorities"}, paramLabel = "WHAT", split = ",",
            description = "What matters most, most important first, at most 3: ${dbpick.choices.priorities:-see data/questionnaire.yaml}.")
    List<String> priorities;

    @Option(names = {"--constraint", "--constraints"}, paramLabel = "NAME", split = ",",
            description = "A hard constraint to switch on; repeatable: ${dbpick.choices.constraints:-see data/questionnaire.yaml}.")
    List<String> constraints;

    /** The profile document: the --profile file (or an empty one) with the options written over it. */
    ObjectNode document(ProfileReader reader) {
        ObjectNode document = profileFile == null
                ? Mappers.json().createObjectNode()
                : reader.parse(ProfileInput.read(profileFile));
        applyTo(document);
        return document;
    }

    /**
     * With {@code --project}: reads the project, writes its answers into the fields
     * {@code document} leaves out, and returns them; null without it.
     */
    ProjectAnswers fillFromProject(ObjectNode document, Data data) {
        if (project == null) {
            return null;
        }
        ProjectAnswers answers = new Inference(data.questionnaire(), data.catalog()).infer(ProjectReader.read(project), document);
        answers.fill(document);
        return answers;
    }

    /** Says on standard error what the project answered, before the answer itself. */
    static void tell(ProjectAnswers answers, PrintWriter err) {
        if (answers == null) {
            return;
        }
        List<String> lines = answers.report();
        err.println("dbpick: " + lines.get(0));
        lines.subList(1, lines.size()).forEach(err::println);
        err.flush();
    }

    /** Writes the flags that were given over the fields of a profile document. */
    void applyTo(ObjectNode profile) {
        text(profile, "purpose", purpose);
        list(profile, "databases", databases);
        text(profile, "async", async);
        text(profile, "deployment", deployment);
        text(profile, "sharedBy", sharedBy);
        text(profile, "python", python);
        text(profile, "framework", framework);
        text(profile, "workload", workload);
        list(profile, "alreadyUses", alreadyUses);
        list(profile, "priorities", priorities);
        if (constraints != null) {
            ObjectNode flags = profile.get("constraints") instanceof ObjectNode existing
                    ? existing : profile.putObject("constraints");
            constraints.forEach(name -> flags.put(name, true));
        }
    }

    private static void text(ObjectNode profile, String field, String value) {
        if (value != null) {
            profile.put(field, value);
        }
    }

    private static void list(ObjectNode profile, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = profile.putArray(field);
            values.forEach(array::add);
        }
    }
}
