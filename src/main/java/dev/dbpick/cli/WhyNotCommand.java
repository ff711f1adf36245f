package dev.dbpick.cli;

import dev.dbpick.advice.Advisor;
import dev.dbpick.explanation.WhyNot;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.profile.Profile;
import dev.dbpick.recommendation.Engine;
import dev.dbpick.render.Json;
import dev.dbpick.render.View;
import dev.dbpick.render.WhyNotRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbpick why-not ID}: where a library stands for a profile, and what would admit it. */
@Command(name = "why-not",
        sortOptions = false,
        description = {
            "Says where one library stands for a profile, and why.",
            "Recommended (its place), a poor fit (it scores below zero) or excluded (every reason);",
            "against the first pick, the score lines that differ and by how many points; and the",
            "smallest change of one or two answers after which it would be recommended, found by",
            "asking the engine again."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dbpick why-not tortoise-orm --database postgresql --framework django",
            "  dbpick why-not peewee --profile profile.json --format json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad usage, an unknown library or an invalid profile",
            "3:invalid rules or data"})
final class WhyNotCommand implements Callable<Integer> {

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The library: its lower-case package name, e.g. sqlmodel.")
    String id;

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
        WhyNot answer = new Advisor(new Engine(loaded)).whyNot(profile, id, asOf);
        if (question.project() != null) {
            answer = answer.withProject(question.standing(answer.id()));
        }
        PrintWriter out = spec.commandLine().getOut();
        View view = Terminals.view(loaded, output.explain);
        switch (output.format) {
            case JSON -> out.println(Json.write(answer));
            case MARKDOWN -> WhyNotRenderer.markdown(answer, view, out);
            case TABLE -> WhyNotRenderer.table(answer, view, out);
        }
        out.flush();
        return ExitCode.OK;
    }
}
