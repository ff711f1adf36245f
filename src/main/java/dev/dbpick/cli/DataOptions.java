package dev.dbpick.cli;

import dev.dbpick.knowledge.Data;
import dev.dbpick.knowledge.KnowledgeFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} alone, for the commands that read the data but never run the rules ({@code catalog}). */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with questionnaire.yaml, vocabulary.yaml and catalog/ (default: ./data if present, else the bundled data).")
    Path data;

    KnowledgeFolder dataFolder() {
        return KnowledgeFolder.resolve(data, "data", Path.of("").toAbsolutePath());
    }

    Data readData() {
        return Data.read(dataFolder());
    }
}
