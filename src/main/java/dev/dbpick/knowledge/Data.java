package dev.dbpick.knowledge;

import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.CatalogReader;
import dev.dbpick.catalog.Vocabulary;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.questionnaire.QuestionnaireReader;
import dev.dbpick.support.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated contents of a {@code data/} folder: the questionnaire, the vocabulary, the
 * catalog (hand-written records with the refreshed facts of {@code refreshed/} laid over them,
 * less what {@code pinned.yaml} pins) and the settings, plus the files they came from (for the
 * revision hash).
 */
public record Data(Questionnaire questionnaire, Catalog catalog, Settings settings, List<SourceFile> files) {

    /** The folder of machine-owned overlays, one {@code ID.yaml} per refreshed library. */
    public static final String REFRESHED = "refreshed/";
    /** The optional list of hand facts a refresh must not override. */
    public static final String PINNED = "pinned.yaml";
    private static final String CATALOG = "catalog/";
    private static final String SETTINGS = "settings.yaml";

    public Data {
        files = List.copyOf(files);
    }

    /** Reads and validates a data folder. */
    public static Data read(KnowledgeFolder folder) {
        return parse(files(folder));
    }

    /**
     * Reads a data folder, taking what {@code cache} parsed before from the same files when it
     * has it (the command line: the catalog's YAML is most of a cold start's reading), else
     * parsing and validating them and keeping the result there.
     */
    public static Data read(KnowledgeFolder folder, CompiledRulesCache cache) {
        List<SourceFile> files = files(folder);
        return cache.loadData(files).orElseGet(() -> {
            Data data = parse(files);
            cache.storeData(data);
            return data;
        });
    }

    /**
     * Reads and validates a data folder as it would be with {@code refreshed} in place of the
     * overlays of the same name (the others stay): what a refresh checks before it writes.
     */
    public static Data readWith(KnowledgeFolder folder, List<SourceFile> refreshed) {
        List<String> replaced = refreshed.stream().map(SourceFile::path).toList();
        List<SourceFile> files = new ArrayList<>(files(folder).stream().filter(f -> !replaced.contains(f.path())).toList());
        files.addAll(refreshed);
        List<SourceFile> ordered = new ArrayList<>(files.stream().filter(f -> !f.path().startsWith(REFRESHED)).toList());
        files.stream().filter(f -> f.path().startsWith(REFRESHED)).sorted((a, b) -> a.path().compareTo(b.path()))
                .forEach(ordered::add);
        return parse(ordered);
    }

    private static Data parse(List<SourceFile> files) {
        SourceFile questionnaireFile = files.get(0);
        SourceFile vocabularyFile = files.get(1);
        SourceFile settingsFile = files.get(2);
        List<SourceFile> catalogFiles = files.stream().filter(f -> f.path().startsWith(CATALOG)).toList();
        List<SourceFile> overlays = files.stream().filter(f -> f.path().startsWith(REFRESHED)).toList();
        SourceFile pinned = files.stream().filter(f -> f.path().equals(PINNED)).findFirst().orElse(null);
        List<SourceFile> teamCatalog = files.stream().filter(f -> f.path().startsWith(SourceFile.TEAM + CATALOG)).toList();
        SourceFile teamSettings = files.stream().filter(f -> f.path().equals(SourceFile.TEAM + SETTINGS)).findFirst().orElse(null);
        Questionnaire questionnaire = QuestionnaireReader.read(questionnaireFile);
        Vocabulary vocabulary = CatalogReader.readVocabulary(vocabularyFile);
        Settings settings = Settings.read(settingsFile, teamSettings);
        Catalog catalog = CatalogReader.read(catalogFiles, teamCatalog, overlays, pinned, vocabulary, questionnaire);
        return new Data(questionnaire, catalog, settings, files);
    }

    /**
     * The files of a data folder, in the order the revision hashes them, read but not parsed:
     * the questionnaire, the vocabulary, the settings, the catalog, then {@code pinned.yaml}
     * and the overlays when there are any; then a team's settings and catalog files, their paths
     * starting with {@link SourceFile#TEAM}.
     */
    public static List<SourceFile> files(KnowledgeFolder folder) {
        List<SourceFile> files = new ArrayList<>(List.of(folder.readOne("questionnaire.yaml"),
                folder.readOne("vocabulary.yaml"), folder.readOne(SETTINGS)));
        files.addAll(folder.read("catalog", ".yaml"));
        folder.readIfPresent(PINNED).ifPresent(files::add);
        files.addAll(folder.read("refreshed", ".yaml"));
        KnowledgeFolder team = folder.presentTeam();
        if (team != null) {
            for (String contract : List.of("questionnaire.yaml", "vocabulary.yaml", PINNED, "refreshed")) {
                if (java.nio.file.Files.exists(team.root().resolve(contract))) {
                    throw new dev.dbpick.support.KnowledgeException(team.label() + "/" + contract + ": a team's data/ holds"
                            + " catalog/ (extra or replacing records) and settings.yaml only; " + contract
                            + " belongs to the bundled data");
                }
            }
            team.readIfPresent(SETTINGS).map(SourceFile::inTeam).ifPresent(files::add);
            team.read("catalog", ".yaml").forEach(f -> files.add(f.inTeam()));
        }
        return List.copyOf(files);
    }

    /** The hand-written catalog alone, without refreshed facts: what a refresh compares its sources with. */
    public Catalog handCatalog() {
        List<SourceFile> catalogFiles = files.stream().filter(f -> f.path().startsWith(CATALOG)).toList();
        return CatalogReader.read(catalogFiles, catalog.vocabulary(), questionnaire);
    }
}
