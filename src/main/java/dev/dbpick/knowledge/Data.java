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
 * catalog and the settings, plus the files they came from (for the revision hash).
 */
public record Data(Questionnaire questionnaire, Catalog catalog, Settings settings, List<SourceFile> files) {

    public Data {
        files = List.copyOf(files);
    }

    /** Reads and validates a data folder. */
    public static Data read(KnowledgeFolder folder) {
        List<SourceFile> files = files(folder);
        SourceFile questionnaireFile = files.get(0);
        SourceFile vocabularyFile = files.get(1);
        SourceFile settingsFile = files.get(2);
        List<SourceFile> catalogFiles = files.subList(3, files.size());
        Questionnaire questionnaire = QuestionnaireReader.read(questionnaireFile);
        Vocabulary vocabulary = CatalogReader.readVocabulary(vocabularyFile);
        Settings settings = Settings.read(settingsFile);
        Catalog catalog = CatalogReader.read(catalogFiles, vocabulary, questionnaire);
        return new Data(questionnaire, catalog, settings, files);
    }

    /** The files of a data folder, in the order the revision hashes them, read but not parsed. */
    public static List<SourceFile> files(KnowledgeFolder folder) {
        List<SourceFile> files = new ArrayList<>(List.of(folder.readOne("questionnaire.yaml"),
                folder.readOne("vocabulary.yaml"), folder.readOne("settings.yaml")));
        files.addAll(folder.read("catalog", ".yaml"));
        return List.copyOf(files);
    }
}
