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
 * @param revision the first 12 hex digits of a SHA-256 over the rule and data files used, a
 *                 team's included
 * @param team     the team's layer that took part, or null when none did
 */
public record Knowledge(Data data, Rules rules, String revision, Team team) {

    /**
     * A team's layer ({@code --team DIR}) that took part in the knowledge.
     *
     * @param folder   the team's folder as named
     * @param revision the revision of the team's rule and data files alone
     */
    public record Team(String folder, String revision) {
    }

    public static Knowledge of(Data data, Rules rules) {
        List<SourceFile> teamRules = rules.files().stream().filter(SourceFile::team).toList();
        List<SourceFile> teamData = data.files().stream().filter(SourceFile::team).toList();
        Team team = teamRules.isEmpty() && teamData.isEmpty() ? null
                : new Team(teamFolder(teamRules.isEmpty() ? teamData.get(0) : teamRules.get(0)), revision(teamRules, teamData));
        return new Knowledge(data, rules, revision(rules.files(), data.files()), team);
    }

    /** The team folder a team's file came from: its name less {@code rules/PATH} or {@code data/PATH}. */
    private static String teamFolder(SourceFile file) {
        String relative = file.path().substring(SourceFile.TEAM.length());
        String folder = file.name().substring(0, file.name().length() - relative.length() - 1);
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? folder : folder.substring(0, slash);
    }

    /** Reads the data and compiles the rules of two folders. */
    public static Knowledge load(KnowledgeFolder rulesFolder, KnowledgeFolder dataFolder, CompiledRulesCache cache) {
        Data data = Data.read(dataFolder);
        return of(data, Rules.compile(rulesFolder, cache));
    }

    /** The revision two folders would have, from their files alone, without parsing or compiling them. */
    public static String revisionOf(KnowledgeFolder rulesFolder, KnowledgeFolder dataFolder) {
        return revision(rulesFolder.layered("", ".drl"), Data.files(dataFolder));
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
