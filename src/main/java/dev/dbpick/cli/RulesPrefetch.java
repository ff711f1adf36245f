package dev.dbpick.cli;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.knowledge.Rules;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts loading the rules on another core before the command line is even parsed (building
 * the commands and parsing takes about a tenth of a second of a cold start): for the commands
 * that answer from the rules, with the rules folder read off the arguments the simple way
 * ({@code --rules DIR}, {@code --rules=DIR}, else the default, and {@code --team DIR}). The command takes the loaded
 * rules only when they are of the folder it resolved itself, so an argument this reading gets
 * wrong costs time, never a wrong answer; an argument file ({@code @file}) skips the prefetch.
 */
final class RulesPrefetch {

    private static final Set<String> COMMANDS = Set.of("recommend", "why-not", "compare", "ask");
    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private record Pending(KnowledgeFolder folder, CompletableFuture<Rules> rules) {
    }

    private RulesPrefetch() {
    }

    /** Starts loading the rules the arguments name, when the command is one that needs them. */
    static void start(String[] args, Path workingDirectory) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return;
        }
        String explicit = null;
        String team = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--") || arg.startsWith("@")) {
                return;
            }
            if (arg.equals("--rules") && i + 1 < args.length) {
                explicit = args[++i];
            } else if (arg.startsWith("--rules=")) {
                explicit = arg.substring("--rules=".length());
            } else if (arg.equals("--team") && i + 1 < args.length) {
                team = args[++i];
            } else if (arg.startsWith("--team=")) {
                team = arg.substring("--team=".length());
            }
        }
        try {
            KnowledgeFolder folder = dev.dbpick.knowledge.TeamFolder.over(KnowledgeFolder.resolve(explicit == null ? null
                    : Path.of(explicit), "rules", workingDirectory), KnowledgeOptions.teamFolder(team), "rules");
            PENDING.set(new Pending(folder,
                    CompletableFuture.supplyAsync(() -> Rules.compile(folder, CompiledRulesCache.forUser()))));
        } catch (RuntimeException e) {
            // A folder that does not exist or a bad path: the command says so once it has parsed.
        }
    }

    /** The rules started for {@code folder}, once; empty when none were, or for another folder. */
    static Optional<CompletableFuture<Rules>> take(KnowledgeFolder folder) {
        Pending pending = PENDING.getAndSet(null);
        return pending != null && pending.folder().equals(folder) ? Optional.of(pending.rules()) : Optional.empty();
    }
}
