package dev.dbpick.cli;

import dev.dbpick.advice.Advisor;
import dev.dbpick.explanation.Comparison;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.render.ComparisonRenderer;
import dev.dbpick.render.Json;
import dev.dbpick.render.View;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbpick compare ID ID [ID [ID]]}: libraries side by side for a profile. */
@Command(name = "compare",
        sortOptions = false,
        description = {
            "Sets two to four libraries side by side for a profile.",
            "Their key facts (databases, asyncio and since when, license, typing, migrations,",
            "maintenance, downloads, advisories) and, for the profile, each one's place, score, score",
            "lines, cautions and exclusions."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dbpick compare sqlalchemy sqlmodel tortoise-orm --database postgresql --async required",
            "  dbpick compare psycopg asyncpg --format markdown"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage, an unknown library or an invalid profile",
            "3:invalid rules or data"})
final class CompareCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..4", paramLabel = "ID", description = "Two to four libraries: their lower-case package names.")
    List<String> ids;

    @Mixin
    ProfileOptions fields;

    @Mixin
    AnswerOptions output;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        var asOf = output.asOf();
        KnowledgeOptions.Question question = knowledge.question(fields);
        Knowledge loaded = question.knowledge();
        Profile profile = question.profile();
        ProfileOptions.tell(question.project(), spec.commandLine().getErr());
        Comparison comparison;
        try {
            comparison = new Advisor(new Engine(loaded)).compare(profile, ids, asOf);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (question.project() != null) {
            comparison = comparison.withProject(question::standing);
        }
        PrintWriter out = spec.commandLine().getOut();
        View view = Terminals.view(loaded, output.explain);
        switch (output.format) {
            case JSON -> out.println(Json.write(comparison));
            case MARKDOWN -> ComparisonRenderer.markdown(comparison, view, out);
            case TABLE -> ComparisonRenderer.table(comparison, view, out);
        }
        out.flush();
        return ExitCode.OK;
    }
}
