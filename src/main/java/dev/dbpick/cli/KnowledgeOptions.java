package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
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
     * checked meanwhile; {@link PendingRules#get()} waits for it.
     */
    PendingRules compileInBackground() {
        KnowledgeFolder folder = rulesFolder();
        return new PendingRules(CompletableFuture.supplyAsync(() -> Rules.compile(folder, CompiledRulesCache.forUser())));
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
