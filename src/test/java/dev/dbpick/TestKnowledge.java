package dev.dbpick;

import dev.dbpick.knowledge.CompiledRulesCache;
import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import java.nio.file.Path;

/** The repository's own rules/ and data/, loaded once for the tests that read them. */
public final class TestKnowledge {

    public static final KnowledgeFolder RULES = new KnowledgeFolder("rules", Path.of("rules"));
    public static final KnowledgeFolder DATA = new KnowledgeFolder("data", Path.of("data"));

    private static Knowledge knowledge;
    private static Data data;

    private TestKnowledge() {
    }

    public static synchronized Data data() {
        if (data == null) {
            data = Data.read(DATA);
        }
        return data;
    }

    public static synchronized Knowledge knowledge() {
        if (knowledge == null) {
            knowledge = Knowledge.load(RULES, DATA, CompiledRulesCache.disabled());
        }
        return knowledge;
    }
}
