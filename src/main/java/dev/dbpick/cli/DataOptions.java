package dev.dbpick.cli;

import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.KnowledgeFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --team}, for the commands that read the data but never run the rules ({@code catalog}). */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with questionnaire.yaml, vocabulary.yaml and catalog/ (default: ./data if present, else the bundled data).")
    Path data;

    @Option(names = "--team", paramLabel = "DIR", description = KnowledgeOptions.TEAM_DESCRIPTION)
    String team;

    KnowledgeFolder dataFolder() {
        return dev.dbpick.knowledge.TeamFolder.over(KnowledgeFolder.resolve(data, "data", Path.of("").toAbsolutePath()),
                KnowledgeOptions.teamFolder(team), "data");
    }

    Data readData() {
        return Data.read(dataFolder());
    }
}
