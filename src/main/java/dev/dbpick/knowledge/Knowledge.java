package dev.dbpick.knowledge;

import dev.dbpick.support.SourceFile;
import dev.dbpick.catalog.Catalog;
import dev.dbpick.questionnaire.Questionnaire;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a recommendation needs, immutable once built: the data, the compiled rules and
 * the revision that identifies them. Share one instance across threads.
 *
 * @param revision the first 12 hex digits of a SHA-256 over the rule and data files used
 */
public record Knowledge(Data data, Rules rules, String revision) {

    public static Knowledge of(Data data, Rules rules) {
        return new Knowledge(data, rules, revision(rules.files(), data.files()));
    }

    /** Reads the data and compiles the rules of two folders. */
    public static Knowledge load(KnowledgeFolder rulesFolder, KnowledgeFolder dataFolder, CompiledRulesCache cache) {
        Data data = Data.read(dataFolder);
        return of(data, Rules.compile(rulesFolder, cache));
    }

    /** The revision two folders would have, from their files alone, without parsing or compiling them. */
    public static String revisionOf(KnowledgeFolder rulesFolder, KnowledgeFolder dataFolder) {
        return revision(rulesFolder.read("", ".drl"), Data.files(dataFolder));
    }

    public Catalog catalog() {
        return data.catalog();
    }

    public Questionnaire questionnaire() {
        return data.questionnaire();
    }

    public Settings settings() {
        return data.settings();
    }

    static String revision(List<SourceFile> ruleFiles, List<SourceFile> dataFiles) {
        List<String> entries = new ArrayList<>();
        ruleFiles.forEach(f -> entries.add("rules/" + f.path()));
        dataFiles.forEach(f -> entries.add("data/" + f.path()));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<SourceFile> all = new ArrayList<>(ruleFiles);
            all.addAll(dataFiles);
            for (int i = 0; i < all.size(); i++) {
                digest.update(entries.get(i).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(all.get(i).content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
