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
        SourceFile questionnaireFile = folder.readOne("questionnaire.yaml");
        SourceFile vocabularyFile = folder.readOne("vocabulary.yaml");
        SourceFile settingsFile = folder.readOne("settings.yaml");
        List<SourceFile> catalogFiles = folder.read("catalog", ".yaml");
        Questionnaire questionnaire = QuestionnaireReader.read(questionnaireFile);
        Vocabulary vocabulary = CatalogReader.readVocabulary(vocabularyFile);
        Settings settings = Settings.read(settingsFile);
        Catalog catalog = CatalogReader.read(catalogFiles, vocabulary, questionnaire);
        List<SourceFile> files = new ArrayList<>(List.of(questionnaireFile, vocabularyFile, settingsFile));
        files.addAll(catalogFiles);
        return new Data(questionnaire, catalog, settings, files);
    }
}
