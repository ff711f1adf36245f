package dev.dbpick.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.recommendation.RecommendationEngine;
import dev.dbpick.recommendation.Result;
import dev.dbpick.support.Mappers;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbpick recommend}: rank the catalog for a profile given as a file and/or flags. */
@Command(name = "recommend",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Ranks the libraries of the catalog for a requirements profile and says why.",
            "",
            "The profile comes from --profile (a JSON file, or - for standard input) and/or the",
            "per-field options below, which override the file's fields. Fields left out take",
            "their defaults (see data/questionnaire.yaml)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dbpick recommend --database postgresql --async required --framework fastapi",
            "  dbpick recommend --profile profile.json --format json --top 0",
            "  echo '{\"purpose\":\"cache\"}' | dbpick recommend --profile - --explain"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage or an invalid profile", "3:invalid rules or data"})
final class RecommendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Profile as JSON; - reads standard input.")
    String profileFile;

    @Mixin
    ProfileOptions fields;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "How many recommendations to list; 0 lists all that fit (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--explain",
            description = "Show every score line with its rule, and every exclusion with its reasons.")
    boolean explain;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new UsageException("--top must be 0 (all) or more, got " + top);
        }
        KnowledgeOptions.PendingRules rules = knowledge.compileInBackground();
        Data data = knowledge.readData();
        ProfileReader reader = new ProfileReader(data.questionnaire());
        ObjectNode document = profileFile == null
                ? Mappers.json().createObjectNode()
                : reader.parse(ProfileInput.read(profileFile));
        fields.applyTo(document);
        Profile profile = reader.validate(document);
        Knowledge loaded = Knowledge.of(data, rules.get());
        Result result = RecommendationEngine.recommend(loaded, profile, top);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.println(Json.write(result));
            case MARKDOWN -> MarkdownRenderer.render(result, data.questionnaire(), explain, out);
            case TABLE -> TableRenderer.render(result, data.questionnaire(), explain, out);
        }
        out.flush();
        return ExitCode.OK;
    }
}
