package dev.dbpick.knowledge;

import dev.dbpick.catalog.Catalog;
import dev.dbpick.catalog.CatalogReader;
import dev.dbpick.catalog.Vocabulary;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.questionnaire.QuestionnaireReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated contents of a {@code data/} folder: the questionnaire, the vocabulary and the
 * catalog, plus the files they came from (for the revision hash).
 */
public record Data(Questionnaire questionnaire, Catalog catalog, List<SourceFile> files) {

    public Data {
        files = List.copyOf(files);
    }

    /** Reads and validates a data folder. */
    public static Data read(KnowledgeFolder folder) {
        SourceFile questionnaireFile = folder.readOne("questionnaire.yaml");
        SourceFile vocabularyFile = folder.readOne("vocabulary.yaml");
        List<SourceFile> catalogFiles = folder.read("catalog", ".yaml");
        Questionnaire questionnaire = QuestionnaireReader.read(questionnaireFile);
        Vocabulary vocabulary = CatalogReader.readVocabulary(vocabularyFile);
        Catalog catalog = CatalogReader.read(catalogFiles, vocabulary, questionnaire);
        List<SourceFile> files = new ArrayList<>(List.of(questionnaireFile, vocabularyFile));
        files.addAll(catalogFiles);
        return new Data(questionnaire, catalog, files);
    }
}
