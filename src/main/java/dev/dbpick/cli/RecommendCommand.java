package dev.dbpick.cli;

import dev.dbpick.advice.Advisor;
import dev.dbpick.advice.Result;
import dev.dbpick.explanation.Include;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dbpick recommend}: rank the catalog for a profile given as a file and/or flags. */
@Command(name = "recommend",
        sortOptions = false,
        description = {
            "Ranks the libraries of the catalog for a requirements profile and says why.",
            "",
            "The profile comes from --profile (a JSON file, or - for standard input) and/or the",
            "per-field options below, which override the file's fields. --project reads a Python",
            "project and answers what both leave out, saying on standard error which file and line",
            "each answer came from. Fields left out take their defaults (see data/questionnaire.yaml)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dbpick recommend --database postgresql --async required --framework fastapi",
            "  dbpick recommend --project . --purpose orm",
            "  dbpick recommend --profile profile.json --format json --top 0",
            "  dbpick recommend --profile profile.json --format json --include pivots,relaxations",
            "  echo '{\"purpose\":\"cache\"}' | dbpick recommend --profile - --explain"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage or an invalid profile", "3:invalid rules or data"})
final class RecommendCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions fields;

    @Mixin
    ResultOptions output;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        int top = output.top();
        var asOf = output.asOf();
        Include include = output.include();
        KnowledgeOptions.Question question = knowledge.question(fields);
        Knowledge loaded = question.knowledge();
        Profile profile = question.profile();
        ProfileOptions.tell(question.project(), spec.commandLine().getErr());
        Result result = new Advisor(new Engine(loaded)).recommend(profile, top, asOf, include);
        if (question.project() != null) {
            result = result.withProject(question.project().summary(), question::standing);
        }
        output.print(result, loaded, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
