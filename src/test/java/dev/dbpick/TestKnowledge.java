package dev.dbpick;

import dev.dbpick.advice.Advisor;
import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.recommendation.Engine;
import java.nio.file.Path;
import java.time.LocalDate;

/** The repository's own rules/ and data/, loaded once for the tests that read them. */
public final class TestKnowledge {

    public static final KnowledgeFolder RULES = new KnowledgeFolder("rules", Path.of("rules"));
    public static final KnowledgeFolder DATA = new KnowledgeFolder("data", Path.of("data"));
    /** The date the bundled scenarios are pinned to; tests judge ages against it so they do not rot. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    private static Engine engine;
    private static Data data;

    private TestKnowledge() {
    }

    public static synchronized Data data() {
        if (data == null) {
            data = Data.read(DATA);
        }
        return data;
    }

    public static synchronized Engine engine() {
        if (engine == null) {
            engine = new Engine(Knowledge.load(RULES, DATA, CompiledRulesCache.disabled()));
        }
        return engine;
    }

    public static Knowledge knowledge() {
        return engine().knowledge();
    }

    public static Advisor advisor() {
        return new Advisor(engine());
    }

    /** Copies a folder tree (the repository's rules/ or data/, say) into {@code to}. */
    public static void copyTree(java.nio.file.Path from, java.nio.file.Path to) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Path target = to.resolve(from.relativize(file).toString());
                if (java.nio.file.Files.isDirectory(file)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(file, target);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
