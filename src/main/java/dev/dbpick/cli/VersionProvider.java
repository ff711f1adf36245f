package dev.dbpick.cli;

import dev.dbpick.knowledge.Knowledge;
import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.support.KnowledgeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/**
 * The version recorded in the jar's manifest, the revision of the bundled knowledge, and the
 * revision of ./rules and ./data when the working directory has them (they are used instead).
 */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        List<String> lines = new ArrayList<>();
        lines.add("dbpick " + (version == null ? "(development build)" : version));
        lines.add("bundled knowledge: revision " + revision(KnowledgeFolder.bundled("rules"), KnowledgeFolder.bundled("data")));
        Path here = Path.of("").toAbsolutePath();
        KnowledgeFolder rules = KnowledgeFolder.resolve(null, "rules", here);
        KnowledgeFolder data = KnowledgeFolder.resolve(null, "data", here);
        if (!rules.label().startsWith("(bundled)") || !data.label().startsWith("(bundled)")) {
            lines.add("knowledge used here (" + rules.label() + ", " + data.label() + "): revision " + revision(rules, data));
        }
        lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + ")");
        return lines.toArray(String[]::new);
    }

    private static String revision(KnowledgeFolder rules, KnowledgeFolder data) {
        try {
            return Knowledge.revisionOf(rules, data);
        } catch (KnowledgeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
