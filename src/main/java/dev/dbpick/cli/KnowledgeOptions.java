package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import dev.dbpick.profile.Profile;
import dev.dbpick.profile.ProfileReader;
import dev.dbpick.project.ProjectAnswers;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Option;

/** {@code --rules} and {@code --data}, shared by every command that reads knowledge. */
final class KnowledgeOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Folder of *.drl rules and scenarios (default: ./rules if present, else the bundled rules).")
    Path rules;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with questionnaire.yaml, vocabulary.yaml and catalog/ (default: ./data if present, else the bundled data).")
    Path data;

    KnowledgeFolder rulesFolder() {
        return KnowledgeFolder.resolve(rules, "rules", workingDirectory());
    }

    KnowledgeFolder dataFolder() {
        return KnowledgeFolder.resolve(data, "data", workingDirectory());
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
     * the rules compile on another core while the data is read and the profile checked.
     */
    Question question(ProfileOptions fields) {
        PendingRules rules = compileInBackground();
        Data data = readData();
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
