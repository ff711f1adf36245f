package dev.dbpick.knowledge;

import dev.dbpick.support.KnowledgeException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A team's own knowledge, laid over the bundled one ({@code --team DIR}, {@code DBPICK_TEAM}):
 * {@code DIR/rules/} holds extra {@code *.drl} files and {@code scenarios/*.yaml}, {@code DIR/data/}
 * extra or replacing catalog records ({@code catalog/*.yaml}) and a {@code settings.yaml} whose
 * values override the bundled ones. Either may be missing, not both. The bundled files are never
 * written.
 *
 * @param label how answers and messages name the folder: the path as given
 * @param root  the folder
 */
public record TeamFolder(String label, Path root) {

    /** The team folder named by {@code --team} (or {@code DBPICK_TEAM}); null when none is named. */
    public static TeamFolder resolve(String option, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        Path root = Path.of(path.strip());
        if (!Files.isDirectory(root)) {
            throw new KnowledgeException(option + " " + path + (Files.exists(root) ? ": not a folder" : ": no such folder"));
        }
        if (!Files.isDirectory(root.resolve("rules")) && !Files.isDirectory(root.resolve("data"))) {
            throw new KnowledgeException(option + " " + path + ": holds neither rules/ nor data/; a team folder has"
                    + " rules/ (*.drl, scenarios/) and data/ (catalog/, settings.yaml) like the bundled ones");
        }
        return new TeamFolder(path.strip(), root);
    }

    /** The team's {@code rules/} (read as empty when the team has none). */
    public KnowledgeFolder rules() {
        return part("rules");
    }

    /** The team's {@code data/} (read as empty when the team has none). */
    public KnowledgeFolder data() {
        return part("data");
    }

    /** The team's layer on a bundled folder; the folder itself without a team. */
    public static KnowledgeFolder over(KnowledgeFolder bundled, TeamFolder team, String name) {
        return team == null ? bundled : bundled.withTeam(team.part(name));
    }

    private KnowledgeFolder part(String name) {
        return new KnowledgeFolder(label + "/" + name, root.resolve(name));
    }
}
