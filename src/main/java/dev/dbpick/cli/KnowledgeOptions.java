package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.knowledge.TeamFolder;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.project.ProjectAnswers;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Option;

/** {@code --rules}, {@code --data} and {@code --team}, shared by every command that reads knowledge. */
final class KnowledgeOptions {

    /** The environment variable that names a team folder when {@code --team} does not. */
    static final String TEAM_VARIABLE = "DBPICK_TEAM";
    static final String TEAM_DESCRIPTION = "A team's own knowledge on top of the bundled one: DIR/rules (more *.drl, scenarios/)"
            + " and DIR/data (catalog records that add or replace, settings.yaml overrides); default: $DBPICK_TEAM.";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Folder of *.drl rules and scenarios (default: ./rules if present, else the bundled rules).")
    Path rules;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with questionnaire.yaml, vocabulary.yaml and catalog/ (default: ./data if present, else the bundled data).")
    Path data;

    @Option(names = "--team", paramLabel = "DIR", description = TEAM_DESCRIPTION)
    String team;

    KnowledgeFolder rulesFolder() {
        return TeamFolder.over(KnowledgeFolder.resolve(rules, "rules", workingDirectory()), teamFolder(team), "rules");
    }

    KnowledgeFolder dataFolder() {
        return TeamFolder.over(KnowledgeFolder.resolve(data, "data", workingDirectory()), teamFolder(team), "data");
    }

    /** The team folder {@code --team} names, else {@code $DBPICK_TEAM}; null when neither does. */
    static TeamFolder teamFolder(String option) {
        return option != null ? TeamFolder.resolve("--team", option)
                : TeamFolder.resolve(TEAM_VARIABLE + "=", System.getenv(TEAM_VARIABLE));
    }

    Data readData() {
        return Data.read(dataFolder());
    }

    /**
     * Starts compiling the rules on another core, so the data can be read and the profile
     * checked meanwhile (or takes the ones {@link RulesPrefetch} started for the same folder);
     * {@link PendingRules#get()} waits for them.
     */
    PendingRules compileInBackground() {
        KnowledgeFolder folder = rulesFolder();
        return new PendingRules(RulesPrefetch.take(folder).orElseGet(() ->
                CompletableFuture.supplyAsync(() -> Rules.compile(folder, CompiledRulesCache.forUser()))));
    }

    /**
     * The knowledge and the profile that {@code fields} describe (and the project they name):
     * the rules compile on another core while the data is read (parsed, or taken from the cache
     * beside the compiled rules) and the profile checked.
     */
    Question question(ProfileOptions fields) {
        PendingRules rules = compileInBackground();
        Data data = Data.read(dataFolder(), CompiledRulesCache.forUser());
        ProfileReader reader = new ProfileReader(data.questionnaire());
        var document = fields.document(reader);
        ProjectAnswers project = fields.fillFromProject(document, data);
        Profile profile = reader.validate(document);
        return new Question(Knowledge.of(data, rules.get()), profile, project);
    }

    /** The knowledge to answer with, the profile to answer for, and what --project answered (null without it). */
    record Question(Knowledge knowledge, Profile profile, ProjectAnswers project) {

        /** Where a library stands in the project. */
        dev.dbpick.project.Standing standing(String id) {
            return project.standing(id, profile);
        }
    }

    /** Rules being compiled in the background. */
    record PendingRules(CompletableFuture<Rules> future) {

        Rules get() {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    private static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
