package dev.dbpick.cli;

import dev.dbpick.knowledge.KnowledgeFolder;
import dev.dbpick.questionnaire.Question;
import dev.dbpick.questionnaire.Questionnaire;
import dev.dbpick.questionnaire.QuestionnaireReader;
import java.nio.file.Path;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpFactory;

/**
 * Puts the allowed values of every profile flag into {@code --help}, read from the same
 * questionnaire that validates profiles, so the help never disagrees with the data. The
 * questionnaire is read only when help is shown.
 */
final class ChoiceHelp {

    private ChoiceHelp() {
    }

    static IHelpFactory factory() {
        return (spec, colors) -> {
            publishChoices();
            return new Help(spec, colors);
        };
    }

    private static void publishChoices() {
        if (System.getProperty("dbpick.choices.purpose") != null) {
            return;
        }
        try {
            KnowledgeFolder data = KnowledgeFolder.resolve(null, "data", Path.of("").toAbsolutePath());
            Questionnaire questionnaire = QuestionnaireReader.read(data.readOne("questionnaire.yaml"));
            for (Question question : questionnaire.questions()) {
                System.setProperty("dbpick.choices." + question.field(), String.join(", ", question.values()));
            }
        } catch (RuntimeException e) {
            // Help still renders, pointing at data/questionnaire.yaml for the values.
        }
    }
}
